// The records of the logs screen, kept outside React: an append-mostly array
// capped at MAX_RECORDS (the oldest are dropped first, and counted), a set of
// ids for de-duplication, and a version that useSyncExternalStore watches.
// Views (filters plus search) follow the store incrementally: a new batch is
// filtered on its own, not the 100,000 records before it, whether it arrived
// after the newest records or (an older stretch loaded later) before the oldest.
import { compareEntries, type EntryFilter, isMatch, isVisible, type LogEntry, type LogRecord, toEntry } from './log-model'

/** The most records the screen holds; older ones are dropped from view, and the screen says so. */
export const MAX_RECORDS = 100_000

export interface MergeResult {
  /** Records not seen before, oldest first. */
  fresh: LogRecord[]
  /** Records already held (same id). */
  duplicates: number
  /** The newest timestamp seen, including this batch. */
  cursor: string | null
  /** Whether the batch held a known record older than the cursor: the source replayed from an older point. */
  replayed: boolean
}

/**
 * What a batch adds to what is already held: new ids only, oldest first, and
 * the newest timestamp so far (where a resumed stream must continue from).
 */
export function mergeBatch(known: { has(id: string): boolean }, cursor: string | null, batch: readonly LogRecord[]): MergeResult {
  let fresh: LogRecord[] = []
  // Each record's time, parsed once (as the store orders them: an unreadable one counts as 0).
  const times: number[] = []
  const inBatch = new Set<string>()
  let duplicates = 0
  let replayed = false
  let ordered = true
  let newest = cursor
  const cursorMs = cursor ? Date.parse(cursor) : Number.NEGATIVE_INFINITY
  let newestMs = cursorMs
  for (const r of batch) {
    const parsed = Date.parse(r.timestamp)
    if (known.has(r.id) || inBatch.has(r.id)) {
      duplicates++
      if (cursor && parsed < cursorMs) replayed = true
      continue
    }
    inBatch.add(r.id)
    const t = Number.isNaN(parsed) ? 0 : parsed
    const last = fresh.length - 1
    if (last >= 0 && compareEntries({ time: t, id: r.id }, { time: times[last] ?? 0, id: fresh[last]?.id ?? '' }) < 0) ordered = false
    fresh.push(r)
    times.push(t)
    if (parsed > newestMs) {
      newestMs = parsed
      newest = r.timestamp
    }
  }
  // Servers send records oldest first: sort only a batch that is not.
  if (!ordered) {
    const order = fresh.map((_, i) => i)
    order.sort((i, j) => compareEntries({ time: times[i] ?? 0, id: fresh[i]?.id ?? '' }, { time: times[j] ?? 0, id: fresh[j]?.id ?? '' }))
    const unsorted = fresh
    fresh = order.map((i) => unsorted[i] as LogRecord)
  }
  return { fresh, duplicates, cursor: newest, replayed }
}

type Listener = () => void

export class LogStore {
  private items: LogEntry[] = []
  /** items[0 .. head) are dropped and waiting to be compacted away. */
  private head = 0
  private ids = new Set<string>()
  private listeners = new Set<Listener>()
  /** Sequence number of items[0]; seq = base + index, so a view can refer to records across drops. */
  private base = 0
  /** Bumps on every change. */
  version = 0
  /** Bumps when records are inserted out of order or cleared: views recompute from scratch. */
  epoch = 0
  /** Records dropped to stay within the cap since the last reset. */
  dropped = 0
  cursor: string | null = null

  constructor(readonly capacity = MAX_RECORDS) {}

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  has = (id: string): boolean => this.ids.has(id)

  get size(): number {
    return this.items.length - this.head
  }

  /** Sequence number of the oldest record held. */
  get firstSeq(): number {
    return this.base + this.head
  }

  /** Sequence number after the newest record held. */
  get endSeq(): number {
    return this.base + this.items.length
  }

  at(seq: number): LogEntry | undefined {
    const i = seq - this.base
    return i >= this.head ? this.items[i] : undefined
  }

  seqOf(id: string): number | null {
    if (!this.ids.has(id)) return null
    for (let i = this.items.length - 1; i >= this.head; i--) if (this.items[i]?.id === id) return this.base + i
    return null
  }

  oldest(): LogEntry | undefined {
    return this.items[this.head]
  }

  newest(): LogEntry | undefined {
    return this.items.length > this.head ? this.items[this.items.length - 1] : undefined
  }

  /** Forgets everything (new filters, new range). */
  reset(): void {
    this.items = []
    this.head = 0
    this.ids.clear()
    this.base = 0
    this.dropped = 0
    this.cursor = null
    this.epoch++
    this.bump()
  }

  /**
   * Adds records, skipping ids already held; returns what was new. One version bump per call.
   * A batch older than everything held (an earlier stretch loaded after the newest) goes in
   * front: the records held keep their sequence numbers, and views take the new ones in
   * without starting over.
   */
  append(batch: readonly LogRecord[]): MergeResult {
    const merged = mergeBatch(this, this.cursor, batch)
    this.cursor = merged.cursor
    if (merged.fresh.length === 0) return merged
    const entries = merged.fresh.map(toEntry)
    for (const e of entries) this.ids.add(e.id)
    const first = entries[0] as LogEntry
    const last = entries[entries.length - 1] as LogEntry
    const newest = this.newest()
    const oldest = this.oldest()
    if (!newest || compareEntries(first, newest) > 0) {
      for (const e of entries) this.items.push(e)
    } else if (oldest && compareEntries(last, oldest) < 0) {
      this.base += this.head - entries.length
      this.items = entries.concat(this.items.slice(this.head))
      this.head = 0
    } else {
      // Rare: records among those already shown. Keep the list in time order.
      const live = this.items.slice(this.head).concat(entries).sort(compareEntries)
      this.base += this.head
      this.head = 0
      this.items = live
      this.epoch++
    }
    this.trim()
    this.bump()
    return merged
  }

  private trim(): void {
    const excess = this.size - this.capacity
    if (excess > 0) {
      for (let i = this.head; i < this.head + excess; i++) {
        const e = this.items[i]
        if (e) this.ids.delete(e.id)
      }
      this.head += excess
      this.dropped += excess
    }
    // Compact once the dropped prefix is large, so that memory stays bounded too.
    if (this.head > this.capacity / 4 && this.head > 1024) {
      this.items = this.items.slice(this.head)
      this.base += this.head
      this.head = 0
    }
  }

  private bump(): void {
    this.version++
    for (const l of this.listeners) l()
  }
}

export interface ViewSnapshot {
  version: number
  /** Records shown. */
  count: number
  /** Records shown that match the search. */
  matches: number
  /** Records dropped from the front of this view (by the store's cap) since it was built. */
  droppedFromView: number
  /** Records shown that arrived in front of those shown before (an older stretch loaded later), since it was built. */
  addedInFront: number
}

/**
 * The records a filter shows, and which of them match the search: sequence
 * numbers into the store, updated incrementally as the store grows or drops.
 */
export class LogView {
  /** Sequence numbers of the records shown, oldest first; entries before `start` were dropped. */
  private rows: number[] = []
  private start = 0
  /** Positions (in `rows`, absolute) of shown records that match. */
  private hits: number[] = []
  private hitStart = 0
  /** The store's records from seenStart to seenEnd (exclusive) have been looked at. */
  private seenStart = 0
  private seenEnd = 0
  private epoch = -1
  private snapshot: ViewSnapshot | null = null
  private droppedFromView = 0
  private addedInFront = 0

  constructor(readonly filter: EntryFilter) {}

  /** Brings the view up to date with the store; returns the same snapshot while nothing changed. */
  sync(store: LogStore): ViewSnapshot {
    if (this.snapshot && this.snapshot.version === store.version) return this.snapshot
    if (this.epoch !== store.epoch) {
      this.rows = []
      this.start = 0
      this.hits = []
      this.hitStart = 0
      this.seenStart = store.firstSeq
      this.seenEnd = store.firstSeq
      this.epoch = store.epoch
      this.droppedFromView = 0
      this.addedInFront = 0
    }
    // Rows the store put in front (only it creates sequence numbers below those seen).
    if (store.firstSeq < this.seenStart) this.takeFront(store)
    // Rows the store dropped.
    const first = store.firstSeq
    while (this.start < this.rows.length && (this.rows[this.start] ?? 0) < first) {
      this.start++
      this.droppedFromView++
    }
    while (this.hitStart < this.hits.length && (this.hits[this.hitStart] ?? 0) < this.start) this.hitStart++
    // Rows the store added.
    for (let seq = Math.max(this.seenEnd, first); seq < store.endSeq; seq++) {
      const e = store.at(seq)
      if (!e || !isVisible(e, this.filter)) continue
      if (isMatch(e, this.filter)) this.hits.push(this.rows.length)
      this.rows.push(seq)
    }
    this.seenStart = first
    this.seenEnd = store.endSeq
    // Compact the dropped prefixes now and then.
    if (this.start > 4096 && this.start > this.rows.length / 2) {
      const shift = this.start
      this.rows = this.rows.slice(shift)
      this.start = 0
      this.hits = this.hits.slice(this.hitStart).map((h) => h - shift)
      this.hitStart = 0
    }
    this.snapshot = {
      version: store.version,
      count: this.rows.length - this.start,
      matches: this.hits.length - this.hitStart,
      droppedFromView: this.droppedFromView,
      addedInFront: this.addedInFront,
    }
    return this.snapshot
  }

  private takeFront(store: LogStore): void {
    const front: number[] = []
    const frontHits: number[] = []
    for (let seq = store.firstSeq; seq < Math.min(this.seenStart, store.endSeq); seq++) {
      const e = store.at(seq)
      if (!e || !isVisible(e, this.filter)) continue
      if (isMatch(e, this.filter)) frontHits.push(front.length)
      front.push(seq)
    }
    if (front.length === 0) return
    const shift = front.length - this.start
    this.hits = frontHits.concat(this.hits.slice(this.hitStart).map((h) => h + shift))
    this.hitStart = 0
    this.rows = front.concat(this.rows.slice(this.start))
    this.start = 0
    this.addedInFront += front.length
  }

  /** The sequence number of the i-th record shown. */
  seqAt(index: number): number | undefined {
    return this.rows[this.start + index]
  }

  /** The shown index of a sequence number, or -1. */
  indexOfSeq(seq: number): number {
    let lo = this.start
    let hi = this.rows.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = this.rows[mid] ?? 0
      if (v === seq) return mid - this.start
      if (v < seq) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** The shown index of the k-th match. */
  matchIndex(k: number): number | undefined {
    const h = this.hits[this.hitStart + k]
    return h === undefined ? undefined : h - this.start
  }

  /** Which match (0-based) is at or after shown index `index`; `matches` when none. */
  matchAtOrAfter(index: number): number {
    let lo = this.hitStart
    let hi = this.hits.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.hits[mid] ?? 0) - this.start < index) lo = mid + 1
      else hi = mid
    }
    return lo - this.hitStart
  }

  *entries(store: LogStore): Generator<LogEntry> {
    for (let i = this.start; i < this.rows.length; i++) {
      const e = store.at(this.rows[i] ?? -1)
      if (e) yield e
    }
  }
}
