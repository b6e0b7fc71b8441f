// The GraphQL WebSocket client behind the logs' live tail. It loads with the
// first subscription (apollo-client.ts imports this module on demand), so
// graphql-ws stays out of the console's first page.
//
// A socket can die without closing: the network goes (the browser offline, a
// laptop lid, a VPN dropping) and no close frame or reset ever reaches the page.
// graphql-ws would then wait on it for good, and the tail would say "Live" over
// silence. So the client pings the server, and ends the socket when no pong
// comes back in time or the browser reports it is offline; graphql-ws then
// reconnects as after any other drop, and re-sends the subscriptions.

import { createClient, type Client } from 'graphql-ws'
import { currentToken } from './session-store'
import { socketClosed, socketConnected } from './socket-status'

type EventSource = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

/** The longest wait between two attempts to reconnect. */
const MAX_RECONNECT_WAIT_MS = 10_000
/** How long after the last pong the client pings again. */
export const KEEP_ALIVE_MS = 15_000
/** How long a ping may go unanswered before the socket counts as dead. */
export const PONG_TIMEOUT_MS = 5_000

/**
 * How long graphql-ws waits before it tries to reconnect: 1, 2, 4… s (at most
 * 10 s) plus up to a second of jitter, cut short when the browser comes back
 * online. graphql-ws's own wait doubles without bound: after ten minutes
 * offline the live tail would stay silent for minutes once the network is back.
 */
export function waitToReconnect(retries: number, events: EventSource = window): Promise<void> {
  const ms = Math.min(1000 * 2 ** retries, MAX_RECONNECT_WAIT_MS) + Math.random() * 1000
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      events.removeEventListener('online', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    events.addEventListener('online', done)
  })
}

export interface GraphqlWsClientOptions {
  /** The WebSocket class (Node's tests pass `ws`); the browser's by default. */
  webSocketImpl?: unknown
  /** The bearer token to connect with; the signed-in session's by default. */
  token?: () => string | null
  /** Where 'online' and 'offline' are heard; `window` by default. */
  events?: EventSource
  keepAliveMs?: number
  pongTimeoutMs?: number
}

export function createGraphqlWsClient(url: string, options: GraphqlWsClientOptions = {}): Client {
  const events = options.events ?? window
  const pongTimeoutMs = options.pongTimeoutMs ?? PONG_TIMEOUT_MS
  let connected = false
  let awaitingPong: ReturnType<typeof setTimeout> | undefined
  const stopWaiting = () => {
    clearTimeout(awaitingPong)
    awaitingPong = undefined
  }
  // terminate() reports a close (code 4499) at once, whatever the dead socket does.
  const endDeadSocket = () => {
    stopWaiting()
    if (connected) client.terminate()
  }

  const client = createClient({
    url,
    ...(options.webSocketImpl === undefined ? {} : { webSocketImpl: options.webSocketImpl }),
    lazy: true,
    // The token travels in the connection payload, never in the URL.
    connectionParams: () => {
      const token = (options.token ?? currentToken)()
      return token ? { authorization: `Bearer ${token}` } : {}
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => waitToReconnect(retries, events),
    shouldRetry: () => true,
    keepAlive: options.keepAliveMs ?? KEEP_ALIVE_MS,
    on: {
      connected: () => {
        connected = true
        socketConnected()
      },
      closed: (event) => {
        connected = false
        stopWaiting()
        socketClosed(event)
      },
      ping: (received) => {
        if (received) return
        stopWaiting()
        awaitingPong = setTimeout(endDeadSocket, pongTimeoutMs)
      },
      pong: (received) => {
        if (received) stopWaiting()
      },
    },
  })
  events.addEventListener('offline', endDeadSocket)
  const dispose = client.dispose.bind(client)
  return {
    ...client,
    dispose: () => {
      events.removeEventListener('offline', endDeadSocket)
      stopWaiting()
      return dispose()
    },
  }
}
