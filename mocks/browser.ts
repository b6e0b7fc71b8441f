// The demo backend: a fake Houston inside the page, served by MSW's service
// worker (HTTP) and WebSocket interceptor (subscriptions). Its state lives in
// localStorage so that a reload keeps what the visitor did.
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers'
import { createHouston, type Houston } from './houston'
import { isMutation } from './transport'

export const DEMO_STATE_KEY = 'houston-demo-state'
export const DEMO_SEED_KEY = 'houston-demo-seed'
const SAVE_DELAY_MS = 250

interface Running {
  houston: Houston
  cancelSave: () => void
}

let running: Running | null = null
let starting: Promise<void> | null = null

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

/** False when storage is full or disabled: that only costs persistence across reloads. */
function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value)
    return true
  } catch {
    return false
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Nothing stored where storage is disabled.
  }
}

/** `?seed=large` (remembered) or `?seed=demo` (forgotten) choose the seed; otherwise the remembered choice. */
function chooseSeed(): 'demo' | 'large' {
  const asked = new URLSearchParams(window.location.search).get('seed')
  if (asked === 'large') write(DEMO_SEED_KEY, 'large')
  if (asked === 'demo') remove(DEMO_SEED_KEY)
  return asked === 'large' || (asked !== 'demo' && read(DEMO_SEED_KEY) === 'large') ? 'large' : 'demo'
}

async function start(sdl: string): Promise<void> {
  const houston = createHouston({ sdl, seed: chooseSeed(), snapshot: read(DEMO_STATE_KEY) })

  let timer: ReturnType<typeof setTimeout> | null = null
  let persisting = true
  const save = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!persisting || write(DEMO_STATE_KEY, houston.snapshot())) return
    // The large seed (several MB) does not fit: stop trying, and drop any older state.
    persisting = false
    remove(DEMO_STATE_KEY)
    console.warn('The demo state does not fit in localStorage: changes now last until the page reloads.')
  }
  const saveSoon = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  const cancelSave = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  // A reload right after a change must not lose it.
  window.addEventListener('pagehide', () => {
    if (timer) save()
  })

  const saving: Houston = {
    ...houston,
    async execute(req) {
      const result = await houston.execute(req)
      if (isMutation(req)) saveSoon()
      return result
    },
  }

  const worker = setupWorker(...createHandlers(saving))
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  running = { houston, cancelSave }
}

/** Starts the demo backend once (later calls wait for the first). */
export function startDemoBackend(sdl: string): Promise<void> {
  starting ??= start(sdl).catch((error: unknown) => {
    starting = null
    throw error
  })
  return starting
}

/** Forgets the stored demo state; a running demo goes back to its seed at once. */
export function resetDemoBackend(): void {
  running?.cancelSave()
  remove(DEMO_STATE_KEY)
  running?.houston.reset()
}
