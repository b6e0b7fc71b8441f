// The demo backend: a fake Houston inside the page, served by MSW's service
// worker (HTTP) and WebSocket interceptor (subscriptions). Its state lives in
// IndexedDB (the large seed is several MB, past localStorage's quota) so that
// a reload keeps what the visitor did, sessions included.
import { http, passthrough } from 'msw'
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers'
import { createHouston, type Houston } from './houston'
import type { SeedName } from './houston/state'
import { isMutation } from './transport'

export const DEMO_STATE_KEY = 'houston-demo-state'
export const DEMO_SEED_KEY = 'houston-demo-seed'
const DB_NAME = 'console-demo'
const DB_STORE = 'state'

interface Running {
  houston: Houston
  /** Resolves when every pending write has finished. */
  settled: () => Promise<void>
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

let db: Promise<IDBDatabase> | null = null

function openDb(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'))
  }).catch((error: unknown) => {
    db = null
    throw error
  })
  return db
}

/** The stored snapshot, or null where there is none or IndexedDB is unavailable. */
async function readState(): Promise<string | null> {
  try {
    const database = await openDb()
    return await new Promise((resolve) => {
      const request = database.transaction(DB_STORE, 'readonly').objectStore(DB_STORE).get(DEMO_STATE_KEY)
      request.onsuccess = () => resolve(typeof request.result === 'string' ? request.result : null)
      request.onerror = () => resolve(null)
    })
  } catch {
    return null
  }
}

async function writeState(value: string | null): Promise<boolean> {
  try {
    const database = await openDb()
    return await new Promise((resolve) => {
      const tx = database.transaction(DB_STORE, 'readwrite')
      const store = tx.objectStore(DB_STORE)
      if (value === null) store.delete(DEMO_STATE_KEY)
      else store.put(value, DEMO_STATE_KEY)
      tx.oncomplete = () => resolve(true)
      tx.onerror = () => resolve(false)
    })
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

/** `?seed=large` or `?seed=hostile` (remembered) or `?seed=demo` (forgotten) choose the seed; otherwise the remembered choice. */
function chooseSeed(): SeedName {
  const asked = new URLSearchParams(window.location.search).get('seed')
  if (asked === 'large' || asked === 'hostile') write(DEMO_SEED_KEY, asked)
  if (asked === 'demo') remove(DEMO_SEED_KEY)
  const chosen = asked === 'large' || asked === 'hostile' || asked === 'demo' ? asked : read(DEMO_SEED_KEY)
  return chosen === 'large' || chosen === 'hostile' ? chosen : 'demo'
}

async function start(sdl: string): Promise<void> {
  const houston = createHouston({ sdl, seed: chooseSeed(), snapshot: await readState() })

  // Writes run one after another; a mutation's answer waits for its write, so
  // what the visitor was told is saved survives an immediate reload.
  let persisting = true
  let writes: Promise<void> = Promise.resolve()
  const persist = (): Promise<void> => {
    writes = writes.then(async () => {
      if (!persisting) return
      if (await writeState(houston.snapshot())) return
      persisting = false
      console.warn('The demo state could not be stored: changes now last until the page reloads.')
    })
    return writes
  }

  const saving: Houston = {
    ...houston,
    async execute(req) {
      const result = await houston.execute(req)
      if (isMutation(req)) await persist()
      return result
    },
  }

  // MSW asks the browser to update an already registered worker without waiting for the answer. After
  // a reload the worker may just have unregistered itself (its last page closed), and the update then
  // fails as an unhandled rejection although the worker is registered again and serves. Nothing to do.
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason
    if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker') && reason.message.includes('mockServiceWorker.js')) {
      event.preventDefault()
    }
  })

  // A Prometheus configured at another origin (config.json's metricsUrl) is real: let its queries through.
  const foreignPrometheus = http.all('*/api/v1/*', ({ request }) => (new URL(request.url).origin === window.location.origin ? undefined : passthrough()))
  const worker = setupWorker(foreignPrometheus, ...createHandlers(saving))
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  running = { houston, settled: () => writes }
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
export async function resetDemoBackend(): Promise<void> {
  await running?.settled()
  await writeState(null)
  running?.houston.reset()
}
