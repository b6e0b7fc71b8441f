// The bearer token lives in localStorage only (never a URL, never a log line).
// Listeners let the app react when a token is set, cleared or expires.

const KEY = 'console.session'

export interface StoredSession {
  token: string
  /** seconds since epoch */
  expiresAt: number
}

type Listener = (session: StoredSession | null) => void
const listeners = new Set<Listener>()

function isStoredSession(value: unknown): value is StoredSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StoredSession).token === 'string' &&
    typeof (value as StoredSession).expiresAt === 'number'
  )
}

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    return isStoredSession(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function currentToken(): string | null {
  return readSession()?.token ?? null
}

export function writeSession(session: StoredSession | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session))
  else localStorage.removeItem(KEY)
  for (const l of listeners) l(session)
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Another tab signing in or out changes this one too. */
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) for (const l of listeners) l(readSession())
  })
}
