// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { generateLogs, HOSTILE_DAG_ID, HOSTILE_TASK_ID, LOG_LEVELS, queryLogs, streamLogs, stripAnsi, type LogRecord } from './index'

const NOW = Date.parse('2024-05-01T12:00:00.000Z')
const RELEASE = 'lunar-orbit-1234'
const iso = (ms: number) => new Date(ms).toISOString()

function expectOrdered(records: readonly LogRecord[]) {
  for (let i = 1; i < records.length; i++) {
    const prev = records[i - 1]
    const cur = records[i]
    if (!prev || !cur) continue
    expect(Date.parse(cur.timestamp)).toBeGreaterThan(Date.parse(prev.timestamp))
    expect(cur.id > prev.id).toBe(true)
  }
}

async function take(iterable: AsyncIterable<LogRecord>, n: number): Promise<LogRecord[]> {
  const out: LogRecord[] = []
  for await (const r of iterable) {
    out.push(r)
    if (out.length >= n) break
  }
  return out
}

describe('queryLogs', () => {
  it('is a pure function of its inputs', () => {
    const a = queryLogs({ release: RELEASE, now: NOW })
    const b = queryLogs({ release: RELEASE, now: NOW })
    expect(b).toEqual(a)
    expect(queryLogs({ release: 'other-release-0001', now: NOW })[0]?.message).not.toBe(a[0]?.message)
  })

  it('returns the newest 10,000 records of the last hour by default, oldest first, with unique increasing ids', () => {
    const records = queryLogs({ release: RELEASE, now: NOW })
    expect(records).toHaveLength(10_000)
    expectOrdered(records)
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    const last = records.at(-1)
    expect(last && Date.parse(last.timestamp)).toBeLessThanOrEqual(NOW)
    expect(Date.parse(records[0]?.timestamp ?? '')).toBeGreaterThan(NOW - 3_600_000)
    for (const r of records) expect(r.release).toBe(RELEASE)
  })

  it('keeps records in (since, now], about five a second per component', () => {
    const since = NOW - 60_000
    const records = queryLogs({ release: RELEASE, now: NOW, since: iso(since) })
    for (const r of records) {
      expect(Date.parse(r.timestamp)).toBeGreaterThan(since)
      expect(Date.parse(r.timestamp)).toBeLessThanOrEqual(NOW)
    }
    // Four components at ~5/s with bursts: between 3 and 5 per second each.
    expect(records.length).toBeGreaterThan(60 * 4 * 3)
    expect(records.length).toBeLessThanOrEqual(60 * 4 * 5)
  })

  it('treats since as exclusive, so resuming from the last timestamp seen has no gap and no duplicate', () => {
    const start = NOW - 120_000
    const whole = queryLogs({ release: RELEASE, since: iso(start), now: NOW })
    let cursor = iso(start)
    const pieces: LogRecord[] = []
    for (let t = start + 7_777; t < NOW + 7_777; t += 7_777) {
      const batch = queryLogs({ release: RELEASE, since: cursor, now: Math.min(t, NOW) })
      pieces.push(...batch)
      cursor = batch.at(-1)?.timestamp ?? cursor
    }
    expect(pieces).toEqual(whole)
  })

  it('filters by component and by a case-insensitive search that ignores colour codes', () => {
    const workers = queryLogs({ release: RELEASE, now: NOW, component: 'workers' })
    expect(workers.length).toBeGreaterThan(0)
    expect(new Set(workers.map((r) => r.component))).toEqual(new Set(['workers']))
    expect(queryLogs({ release: RELEASE, now: NOW, component: 'flower' })).toEqual([])
    expect(new Set(queryLogs({ release: RELEASE, now: NOW, components: ['scheduler', 'webserver'], since: iso(NOW - 60_000) }).map((r) => r.component))).toEqual(
      new Set(['scheduler', 'webserver']),
    )

    const hits = queryLogs({ release: RELEASE, now: NOW, search: 'MARKING TASK AS success' })
    expect(hits.length).toBeGreaterThan(0)
    for (const r of hits) expect(stripAnsi(r.message).toLowerCase()).toContain('marking task as success')

    // "ERROR - " only exists in coloured lines once the codes are removed.
    const coloured = queryLogs({ release: RELEASE, now: NOW, search: 'error - ' }).filter((r) => r.message.includes('\u001b'))
    expect(coloured.length).toBeGreaterThan(0)
  })

  it('returns the newest records when more than the limit match', () => {
    const all = queryLogs({ release: RELEASE, now: NOW, since: iso(NOW - 30_000) })
    expect(queryLogs({ release: RELEASE, now: NOW, since: iso(NOW - 30_000), limit: 25 })).toEqual(all.slice(-25))
  })

  it('refuses an unparsable since and returns nothing for a future one', () => {
    expect(() => queryLogs({ release: RELEASE, now: NOW, since: 'yesterday' })).toThrow(RangeError)
    expect(queryLogs({ release: RELEASE, now: NOW, since: iso(NOW + 1000) })).toEqual([])
  })

  it('writes Airflow-looking lines per component, with levels, tracebacks, colour and hostile text', () => {
    const hour = queryLogs({ release: RELEASE, now: NOW, limit: 100_000 })
    const of = (c: string) => hour.filter((r) => r.component === c).map((r) => stripAnsi(r.message))

    expect(of('scheduler').some((m) => m.includes('Executor reports execution of'))).toBe(true)
    expect(of('scheduler').some((m) => m.includes('DAG File Processing Stats'))).toBe(true)
    expect(of('scheduler').some((m) => m.includes('[heartbeat]'))).toBe(true)
    expect(of('webserver').some((m) => /^\d+\.\d+\.\d+\.\d+ - - \[\d\d\/\w{3}\/\d{4}:[\d:]+ \+0000\] "GET \/health HTTP\/1\.1" 200 /.test(m))).toBe(true)
    expect(of('workers').some((m) => /Running <TaskInstance: \S+\.\S+ \S+ \[running\]> on host /.test(m))).toBe(true)
    expect(of('workers').some((m) => m.includes('Marking task as SUCCESS'))).toBe(true)
    expect(of('triggerer').some((m) => m.includes('triggers currently running'))).toBe(true)

    expect(new Set(hour.map((r) => r.level))).toEqual(new Set(LOG_LEVELS))
    const traceback = hour.find((r) => r.message.includes('Traceback (most recent call last):'))
    expect(traceback?.message.split('\n').length).toBeGreaterThan(4)
    expect(hour.some((r) => r.message.includes('\u001b[31m') && r.message.includes('\u001b[0m'))).toBe(true)
    expect(hour.some((r) => r.message.includes(HOSTILE_DAG_ID))).toBe(true)
    expect(hour.some((r) => r.message.includes(HOSTILE_TASK_ID))).toBe(true)
  })
})

describe('generateLogs', () => {
  // How fast is for e2e/bench/bench-logs.ts to measure; this checks what comes out.
  it('makes 100,000 distinct, ordered records ending at endTs', () => {
    const records = generateLogs('bench-release-0', null, 100_000, NOW)
    expect(records).toHaveLength(100_000)
    expect(new Set(records.map((r) => r.id)).size).toBe(100_000)
    expect(Date.parse(records.at(-1)?.timestamp ?? '')).toBeLessThanOrEqual(NOW)
    expect(records.every((r, i) => i === 0 || (records[i - 1]?.timestamp ?? '') <= r.timestamp)).toBe(true)
  })

  it('agrees with queryLogs', () => {
    const q = queryLogs({ release: RELEASE, now: NOW, since: iso(NOW - 10_000), component: 'scheduler' })
    expect(generateLogs(RELEASE, 'scheduler', q.length, NOW)).toEqual(q)
  })
})

describe('streamLogs', () => {
  it('yields the records that time produces, the same ones a query returns', async () => {
    let now = NOW
    const controller = new AbortController()
    const stream = streamLogs({ release: RELEASE, now: () => now, signal: controller.signal, pollMs: 1 })
    const ticking = setInterval(() => (now += 250), 1)
    const got = await take(stream, 40)
    clearInterval(ticking)
    controller.abort()

    expectOrdered(got)
    const first = got[0]
    const last = got.at(-1)
    if (!first || !last) throw new Error('no records')
    expect(Date.parse(first.timestamp)).toBeGreaterThan(NOW)
    const expected = queryLogs({ release: RELEASE, since: iso(NOW), now: Date.parse(last.timestamp) })
    expect(got).toEqual(expected)
  })

  it('starts with the backlog after since, and resumes with no gap and no duplicate', async () => {
    let now = NOW
    const since = iso(NOW - 5_000)
    const backlog = queryLogs({ release: RELEASE, since, now: NOW })
    expect(backlog.length).toBeGreaterThan(10)
    const seen = await take(streamLogs({ release: RELEASE, since, now: () => now, pollMs: 1 }), backlog.length)
    expect(seen).toEqual(backlog)

    // Time moves on while the client is away; it resumes from the last timestamp it saw.
    now = NOW + 10_000
    const resumed = await take(streamLogs({ release: RELEASE, since: seen.at(-1)?.timestamp ?? null, now: () => now, pollMs: 1 }), 30)
    const whole = queryLogs({ release: RELEASE, since, now: Date.parse(resumed.at(-1)?.timestamp ?? '') })
    expect([...seen, ...resumed]).toEqual(whole)
  })

  it('filters like the query and ends when the signal aborts', async () => {
    let now = NOW
    const controller = new AbortController()
    const stream = streamLogs({ release: RELEASE, component: 'webserver', search: 'GET', now: () => now, signal: controller.signal, pollMs: 1 })
    const seen: LogRecord[] = []
    const done = (async () => {
      for await (const r of stream) {
        seen.push(r)
        if (seen.length === 5) controller.abort()
      }
    })()
    const ticking = setInterval(() => (now += 500), 1)
    await done
    clearInterval(ticking)
    expect(seen).toHaveLength(5)
    for (const r of seen) {
      expect(r.component).toBe('webserver')
      expect(r.message).toContain('GET')
    }
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true })
  })

  it('ends a waiting next() at once when the consumer returns', async () => {
    const stream = streamLogs({ release: RELEASE, now: () => NOW, pollMs: 60_000 })
    const pending = stream.next()
    await stream.return?.()
    await expect(pending).resolves.toEqual({ value: undefined, done: true })
  })
})
