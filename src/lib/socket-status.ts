// Whether the GraphQL WebSocket is down after having been up. graphql-ws
// reconnects and re-sends subscriptions by itself, so a subscriber sees no
// error while the socket is gone: screens that stream (the logs' live tail)
// read this to say "reconnecting" instead of "live" meanwhile.

let interrupted = false
const listeners = new Set<() => void>()

function set(next: boolean): void {
  if (next === interrupted) return
  interrupted = next
  for (const listener of listeners) listener()
}

/**
 * graphql-ws's `closed` event (a CloseEvent, or whatever ended the socket): a
 * close other than the console's own normal closure (code 1000) is an interruption.
 */
export function socketClosed(event: unknown): void {
  const code = typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : null
  set(code !== 1000)
}

export function socketConnected(): void {
  set(false)
}

export function isSocketInterrupted(): boolean {
  return interrupted
}

export function subscribeSocketStatus(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
