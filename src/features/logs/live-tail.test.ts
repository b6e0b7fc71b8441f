import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LiveTail, type StreamHandlers, type TailStatus } from './live-tail'
import type { LogRecord } from './log-model'

const rec = (n: number): LogRecord => ({
  id: `r-${String(n).padStart(6, '0')}`,
  timestamp: new Date(Date.UTC(2024, 4, 1, 12) + n * 100).toISOString(),
  component: 'scheduler',
  level: 'INFO',
  message: `record ${n}`,
})

/** A fake server: records 0..∞ exist; a stream opened at `since` sends those after it. */
function fakeSubscriptions() {
  const opened: { since: string | null; handlers: StreamHandlers; closed: boolean }[] = []
  return {
    opened,
    source: {
      kind: 'subscription' as const,
      open: (since: string | null, handlers: StreamHandlers) => {
        const s = { since, handlers, closed: false }
        opened.push(s)
        return () => {
          s.closed = true
        }
      },
    },
    current: () => {
      const s = opened.at(-1)
      if (!s) throw new Error('no stream open')
      return s
    },
    /** Sends records n..m-1 on the newest stream, as the server would after its `since`. */
    send(from: number, to: number) {
      const s = opened.at(-1)
      if (!s) throw new Error('no stream open')
      for (let n = from; n < to; n++) if (!s.closed) s.handlers.next(rec(n))
    },
  }
}

function setup(cursorAt: number | null, options: Partial<ConstructorParameters<typeof LiveTail>[0]> = {}) {
  const server = fakeSubscriptions()
  const delivered: LogRecord[] = []
  const statuses: TailStatus[] = []
  const known = new Set<string>()
  const tail = new LiveTail({
    source: server.source,
    cursor: cursorAt === null ? null : rec(cursorAt).timestamp,
    known,
    onRecords: (records) => {
      delivered.push(...records)
      for (const r of records) known.add(r.id)
    },
    onStatus: (s) => statuses.push(s),
    ...options,
  })
  const ids = () => delivered.map((r) => Number(r.id.slice(2)))
  return { server, tail, delivered, statuses, ids, known }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('LiveTail over a subscription', () => {
  it('subscribes from the newest record already shown', () => {
    const { server, tail, ids } = setup(9)
    tail.start()
    expect(server.current().since).toBe(rec(9).timestamp)
    server.send(10, 15)
    expect(ids()).toEqual([10, 11, 12, 13, 14])
    expect(tail.getStatus().state).toBe('live')
  })

  it('resubscribes from the last record seen when the server ends the stream: no gap, no duplicate', () => {
    const { server, tail, ids } = setup(0)
    tail.start()
    server.send(1, 6)
    server.current().handlers.complete()
    expect(tail.getStatus().state).toBe('reconnecting')
    vi.advanceTimersByTime(300)
    expect(server.opened).toHaveLength(2)
    expect(server.current().since).toBe(rec(5).timestamp)
    // A server that counts `since` inclusively sends record 5 again: it is not shown twice.
    server.send(5, 9)
    expect(ids()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(tail.getStatus()).toMatchObject({ state: 'live', reconnects: 1, failures: 0 })
  })

  it('reopens from the cursor when a reconnected transport replays the subscription from its first timestamp', () => {
    const { server, tail, ids } = setup(0)
    tail.start()
    server.send(1, 21)
    // graphql-ws re-sends the original subscription after a dropped socket: the backlog starts over.
    server.send(1, 3)
    expect(server.opened).toHaveLength(2)
    expect(server.opened[0]?.closed).toBe(true)
    expect(server.current().since).toBe(rec(20).timestamp)
    server.send(21, 25)
    expect(ids()).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
    expect(new Set(ids()).size).toBe(ids().length)
  })

  it('backs off when streams end without delivering anything, then stops and says so', () => {
    const { server, tail, statuses } = setup(0, { maxFailures: 3, backoff: { initialMs: 1000, maxMs: 30_000 } })
    tail.start()
    server.current().handlers.complete()
    expect(tail.getStatus()).toMatchObject({ state: 'reconnecting', failures: 1 })
    vi.advanceTimersByTime(999)
    expect(server.opened).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(server.opened).toHaveLength(2)
    server.current().handlers.error(new Error('socket closed'))
    vi.advanceTimersByTime(1999)
    expect(server.opened).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(server.opened).toHaveLength(3)
    server.current().handlers.complete()
    expect(tail.getStatus()).toMatchObject({ state: 'stopped', failures: 3 })
    vi.advanceTimersByTime(120_000)
    expect(server.opened).toHaveLength(3) // a finished stream is not asked again and again
    expect(statuses.at(-1)?.state).toBe('stopped')
    // Resume starts over, from the cursor.
    tail.start()
    expect(server.opened).toHaveLength(4)
    expect(tail.getStatus()).toMatchObject({ state: 'live', failures: 0 })
  })

  it('a stream that delivers resets the failure count', () => {
    const { server, tail } = setup(0, { maxFailures: 2 })
    tail.start()
    server.current().handlers.error(new Error('x'))
    vi.advanceTimersByTime(1000)
    server.send(1, 2)
    expect(tail.getStatus().failures).toBe(0)
    server.current().handlers.complete()
    vi.advanceTimersByTime(250)
    expect(server.opened).toHaveLength(3)
  })

  it('pauses by closing the stream and resumes from the newest record', () => {
    const { server, tail, ids } = setup(0)
    tail.start()
    server.send(1, 4)
    tail.pause()
    expect(server.opened[0]?.closed).toBe(true)
    expect(tail.getStatus().state).toBe('paused')
    // Late events of the closed stream are ignored.
    server.opened[0]?.handlers.next(rec(99))
    tail.start()
    expect(server.current().since).toBe(rec(3).timestamp)
    server.send(4, 6)
    expect(ids()).toEqual([1, 2, 3, 4, 5])
  })
})

describe('LiveTail by polling', () => {
  it('asks for records after the cursor on an interval, without duplicates', async () => {
    const asked: (string | null)[] = []
    let newest = 10
    const delivered: LogRecord[] = []
    const tail = new LiveTail({
      source: {
        kind: 'poll',
        intervalMs: 2000,
        fetch: (since) => {
          asked.push(since)
          const from = since ? Math.round((Date.parse(since) - Date.UTC(2024, 4, 1, 12)) / 100) : 0
          // Inclusive of `since`, as some backends are.
          return Promise.resolve(Array.from({ length: newest - from + 1 }, (_, i) => rec(from + i)))
        },
      },
      cursor: rec(5).timestamp,
      known: new Set([rec(5).id]),
      onRecords: (r) => delivered.push(...r),
    })
    tail.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(delivered.map((r) => r.id)).toEqual([6, 7, 8, 9, 10].map((n) => rec(n).id))
    newest = 12
    await vi.advanceTimersByTimeAsync(2000)
    expect(asked).toEqual([rec(5).timestamp, rec(10).timestamp])
    expect(delivered.map((r) => r.id)).toEqual([6, 7, 8, 9, 10, 11, 12].map((n) => rec(n).id))
    tail.dispose()
  })

  it('stops polling after repeated failures', async () => {
    let calls = 0
    const tail = new LiveTail({
      source: { kind: 'poll', fetch: () => (calls++, Promise.reject(new Error('offline'))) },
      cursor: null,
      known: new Set(),
      onRecords: () => undefined,
      maxFailures: 3,
    })
    tail.start()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toBe(3)
    expect(tail.getStatus()).toMatchObject({ state: 'stopped', failures: 3 })
  })
})
