// @vitest-environment node
import type { Client } from 'graphql-ws'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startMockServer, type MockServer } from '../../mocks/server/app'
import { createGraphqlWsClient, waitToReconnect } from './graphql-ws-client'
import { isSocketInterrupted, subscribeSocketStatus } from './socket-status'

describe('waitToReconnect', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  /** Whether the wait is over after `ms`. */
  async function overAfter(wait: Promise<void>, ms: number): Promise<boolean> {
    let over = false
    void wait.then(() => {
      over = true
    })
    await vi.advanceTimersByTimeAsync(ms)
    return over
  }

  it('backs off 1, 2, 4… seconds, never more than 10', async () => {
    const events = new EventTarget()
    expect(await overAfter(waitToReconnect(0, events), 999)).toBe(false)
    expect(await overAfter(waitToReconnect(0, events), 1000)).toBe(true)
    expect(await overAfter(waitToReconnect(2, events), 3999)).toBe(false)
    expect(await overAfter(waitToReconnect(2, events), 4000)).toBe(true)
    expect(await overAfter(waitToReconnect(20, events), 9999)).toBe(false)
    expect(await overAfter(waitToReconnect(20, events), 10_000)).toBe(true)
  })

  it('stops waiting as soon as the browser is back online', async () => {
    const events = new EventTarget()
    const wait = waitToReconnect(20, events)
    expect(await overAfter(wait, 100)).toBe(false)
    events.dispatchEvent(new Event('online'))
    expect(await overAfter(wait, 0)).toBe(true)
  })
})

/**
 * A socket whose network can be cut: once frozen, nothing more reaches the page
 * from it, neither messages nor the close. That is a dead connection as a
 * browser sees it when the network goes without a reset reaching it.
 */
class CuttableWebSocket extends WebSocket {
  static readonly opened: CuttableWebSocket[] = []
  cut = false

  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    CuttableWebSocket.opened.push(this)
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (this.cut && (event === 'message' || event === 'close' || event === 'error')) return false
    return super.emit(event, ...args)
  }
}

const LOG = 'subscription ($id: Uuid!, $since: DateTime) { log(deploymentUuid: $id, timestamp: $since) { id timestamp } }'

describe('createGraphqlWsClient against a Houston-style server', () => {
  let server: MockServer
  let token: string
  let deploymentId: string
  let client: Client | null = null

  async function gql<T>(query: string, variables: Record<string, unknown>, bearer: string | null): Promise<T> {
    const res = await fetch(`${server.url}/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
    return ((await res.json()) as { data: T }).data
  }

  beforeAll(async () => {
    server = await startMockServer({ port: 0 })
    const signedIn = await gql<{ createToken: { token: { value: string } } }>(
      'mutation ($identity: String!, $password: String!) { createToken(identity: $identity, password: $password) { token { value } } }',
      // The system admin may list every deployment.
      { identity: 'admin@example.com', password: 'demo' },
      null,
    )
    token = signedIn.createToken.token.value
    const { deployments } = await gql<{ deployments: { id: string }[] }>('{ deployments { id } }', {}, token)
    deploymentId = deployments[0]?.id ?? ''
  })
  afterAll(async () => {
    await server.close()
  })
  beforeEach(() => {
    CuttableWebSocket.opened.length = 0
    // The first reconnect then waits exactly a second.
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await client?.dispose()
    client = null
  })

  /** Subscribes to the log and counts what arrives. */
  function follow(c: Client): { received: () => number } {
    let received = 0
    c.subscribe({ query: LOG, variables: { id: deploymentId, since: new Date(Date.now() - 2_000).toISOString() } }, {
      next: () => {
        received++
      },
      error: () => undefined,
      complete: () => undefined,
    })
    return { received: () => received }
  }

  it('ends a socket that stops answering pings, says the stream is interrupted, and reconnects', async () => {
    const events = new EventTarget()
    const statuses: boolean[] = []
    const stop = subscribeSocketStatus(() => statuses.push(isSocketInterrupted()))
    const closes: number[] = []
    client = createGraphqlWsClient(server.wsUrl, { webSocketImpl: CuttableWebSocket, token: () => token, events, keepAliveMs: 100, pongTimeoutMs: 300 })
    client.on('closed', (event) => closes.push((event as { code: number }).code))
    const stream = follow(client)
    await vi.waitFor(() => expect(stream.received()).toBeGreaterThan(0), { timeout: 5_000 })
    expect(isSocketInterrupted()).toBe(false)

    const first = CuttableWebSocket.opened[0]
    if (!first) throw new Error('no socket opened')
    first.cut = true
    // Nothing says the socket closed: only the unanswered ping can tell.
    await vi.waitFor(() => expect(isSocketInterrupted()).toBe(true), { timeout: 2_000 })
    expect(closes).toEqual([4499])

    const before = stream.received()
    await vi.waitFor(() => expect(CuttableWebSocket.opened).toHaveLength(2), { timeout: 3_000 })
    await vi.waitFor(() => expect(isSocketInterrupted()).toBe(false), { timeout: 3_000 })
    await vi.waitFor(() => expect(stream.received()).toBeGreaterThan(before), { timeout: 5_000 })
    stop()
    expect(statuses).toEqual([true, false])
  })

  it('ends the socket at once when the browser goes offline, and reconnects as soon as it is back online', async () => {
    const events = new EventTarget()
    const closes: number[] = []
    // Pings far apart: the offline event alone must end the socket.
    client = createGraphqlWsClient(server.wsUrl, { webSocketImpl: CuttableWebSocket, token: () => token, events, keepAliveMs: 60_000, pongTimeoutMs: 60_000 })
    client.on('closed', (event) => closes.push((event as { code: number }).code))
    const stream = follow(client)
    await vi.waitFor(() => expect(stream.received()).toBeGreaterThan(0), { timeout: 5_000 })

    const first = CuttableWebSocket.opened[0]
    if (!first) throw new Error('no socket opened')
    first.cut = true
    events.dispatchEvent(new Event('offline'))
    expect(closes).toEqual([4499])
    expect(isSocketInterrupted()).toBe(true)

    // Back online well before the first reconnect's second is up.
    await new Promise((resolve) => setTimeout(resolve, 50))
    events.dispatchEvent(new Event('online'))
    const before = stream.received()
    await vi.waitFor(() => expect(isSocketInterrupted()).toBe(false), { timeout: 900 })
    await vi.waitFor(() => expect(stream.received()).toBeGreaterThan(before), { timeout: 5_000 })
  })

  it('leaves a live socket alone while the server answers its pings', async () => {
    const closes: number[] = []
    client = createGraphqlWsClient(server.wsUrl, { webSocketImpl: CuttableWebSocket, token: () => token, events: new EventTarget(), keepAliveMs: 50, pongTimeoutMs: 200 })
    client.on('closed', (event) => closes.push((event as { code: number }).code))
    const stream = follow(client)
    await vi.waitFor(() => expect(stream.received()).toBeGreaterThan(0), { timeout: 5_000 })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(closes).toEqual([])
    expect(CuttableWebSocket.opened).toHaveLength(1)
    expect(isSocketInterrupted()).toBe(false)
  })
})
