import { describe, expect, it } from 'vitest'
import { filterFromSearch, logSearchSchema, type LogRecord } from './log-model'
import { LogStore, LogView, mergeBatch } from './log-store'

const rec = (n: number, message = `record ${n}`): LogRecord => ({
  id: `r-${String(n).padStart(6, '0')}`,
  timestamp: new Date(Date.UTC(2024, 4, 1, 12) + n * 100).toISOString(),
  component: 'scheduler',
  level: n % 10 === 0 ? 'ERROR' : 'INFO',
  message,
})
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => rec(from + i))

describe('mergeBatch', () => {
  it.each([
    ['all new', [], null, [1, 2, 3], [1, 2, 3], 0, 3, false],
    ['overlap with what is held', [1, 2, 3], 3, [2, 3, 4, 5], [4, 5], 2, 5, true],
    ['the same record twice in one batch', [], null, [1, 1, 2], [1, 2], 1, 2, false],
    ['out of order in the batch', [], null, [3, 1, 2], [1, 2, 3], 0, 3, false],
    ['only duplicates at the cursor', [1, 2, 3], 3, [3], [], 1, 3, false],
    ['empty', [1], 1, [], [], 0, 1, false],
  ] as const)('%s', (_name, held, cursor, batch, fresh, duplicates, newCursor, replayed) => {
    const known = new Set(held.map((n) => rec(n).id))
    const result = mergeBatch(known, cursor === null ? null : rec(cursor).timestamp, batch.map((n) => rec(n)))
    expect(result.fresh.map((r) => r.id)).toEqual(fresh.map((n) => rec(n).id))
    expect(result.duplicates).toBe(duplicates)
    expect(result.cursor).toBe(rec(newCursor).timestamp)
    expect(result.replayed).toBe(replayed)
  })
})

describe('LogStore', () => {
  it('keeps each id once, in time order, and moves the cursor to the newest', () => {
    const store = new LogStore()
    store.append(range(0, 5))
    store.append(range(3, 8))
    expect(store.size).toBe(8)
    expect(store.cursor).toBe(rec(7).timestamp)
    const ids = Array.from({ length: store.size }, (_, i) => store.at(store.firstSeq + i)?.id)
    expect(ids).toEqual(range(0, 8).map((r) => r.id))
  })

  it('drops the oldest beyond its capacity and counts them', () => {
    const store = new LogStore(1000)
    for (let i = 0; i < 25; i++) store.append(range(i * 100, (i + 1) * 100))
    expect(store.size).toBe(1000)
    expect(store.dropped).toBe(1500)
    expect(store.oldest()?.id).toBe(rec(1500).id)
    expect(store.newest()?.id).toBe(rec(2499).id)
    // A dropped id is forgotten: memory stays bounded.
    expect(store.has(rec(0).id)).toBe(false)
  })

  it('puts a late record in its place and tells views to start over', () => {
    const store = new LogStore()
    store.append([rec(1), rec(3)])
    const epoch = store.epoch
    store.append([rec(2)])
    expect(store.epoch).toBe(epoch + 1)
    expect([0, 1, 2].map((i) => store.at(store.firstSeq + i)?.id)).toEqual([rec(1).id, rec(2).id, rec(3).id])
  })

  it('takes an older stretch loaded later in front, the records held keeping their sequence numbers', () => {
    const store = new LogStore()
    store.append(range(100, 200))
    const seq = store.seqOf(rec(150).id)
    const epoch = store.epoch
    store.append(range(0, 100))
    expect(store.size).toBe(200)
    expect(store.epoch).toBe(epoch)
    expect(store.seqOf(rec(150).id)).toBe(seq)
    expect(store.oldest()?.id).toBe(rec(0).id)
    expect(store.at(store.firstSeq + 100)?.id).toBe(rec(100).id)
    // The cursor stays on the newest record: a live tail continues from there.
    expect(store.cursor).toBe(rec(199).timestamp)
  })

  it('keeps its cap when an older stretch arrives: the oldest of it are dropped', () => {
    const store = new LogStore(1000)
    store.append(range(1000, 1600))
    store.append(range(0, 1000))
    expect(store.size).toBe(1000)
    expect(store.dropped).toBe(600)
    expect(store.oldest()?.id).toBe(rec(600).id)
    expect(store.newest()?.id).toBe(rec(1599).id)
  })

  it('bumps its version once per batch', () => {
    const store = new LogStore()
    let calls = 0
    store.subscribe(() => calls++)
    store.append(range(0, 500))
    store.append([])
    expect(calls).toBe(1)
  })
})

describe('LogView', () => {
  const view = (q: string, level?: 'ERROR', only?: '1') => new LogView(filterFromSearch({ ...logSearchSchema.parse({}), q, level, only }, null))

  it('filters incrementally and finds matches over every record, not only those in sight', () => {
    const store = new LogStore()
    const v = view('record 9', 'ERROR')
    store.append(range(0, 100))
    let snap = v.sync(store)
    expect(snap.count).toBe(10) // every tenth is an ERROR
    expect(snap.matches).toBe(1) // "record 90"
    store.append(range(100, 1000))
    snap = v.sync(store)
    expect(snap.count).toBe(100)
    expect(snap.matches).toBe(11) // 90, 900…990
    expect(v.matchIndex(0)).toBe(9)
    expect(store.at(v.seqAt(v.matchIndex(1) ?? -1) ?? -1)?.message).toBe('record 900')
    expect(v.sync(store)).toBe(snap)
  })

  it('follows drops at the front and reports how many shown rows went', () => {
    const store = new LogStore(1000)
    const v = view('')
    store.append(range(0, 1000))
    expect(v.sync(store).count).toBe(1000)
    store.append(range(1000, 1300))
    const snap = v.sync(store)
    expect(snap.count).toBe(1000)
    expect(snap.droppedFromView).toBe(300)
    expect(store.at(v.seqAt(0) ?? -1)?.id).toBe(rec(300).id)
    expect(v.indexOfSeq(v.seqAt(500) ?? -1)).toBe(500)
  })

  it('takes records that arrive in front without starting over, and counts them and their matches', () => {
    const store = new LogStore()
    const v = view('record 1')
    store.append(range(100, 200))
    expect(v.sync(store).matches).toBe(100) // "record 100"…"record 199"
    store.append(range(0, 100))
    const snap = v.sync(store)
    expect(snap.count).toBe(200)
    expect(snap.addedInFront).toBe(100)
    expect(snap.matches).toBe(111)
    expect(store.at(v.seqAt(0) ?? -1)?.id).toBe(rec(0).id)
    expect(store.at(v.seqAt(100) ?? -1)?.id).toBe(rec(100).id)
    // The matches stay in order: the first is "record 1", the twelfth "record 100".
    expect(store.at(v.seqAt(v.matchIndex(0) ?? -1) ?? -1)?.id).toBe(rec(1).id)
    expect(store.at(v.seqAt(v.matchIndex(11) ?? -1) ?? -1)?.id).toBe(rec(100).id)
    expect(v.matchAtOrAfter(100)).toBe(11)
  })

  it('shows only matches when asked', () => {
    const store = new LogStore()
    store.append(range(0, 50))
    const v = view('record 1', undefined, '1')
    const snap = v.sync(store)
    expect(snap.count).toBe(11) // 1, 10…19
    expect([...v.entries(store)].map((e) => e.message)).toContain('record 19')
  })
})
