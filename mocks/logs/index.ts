// Deterministic Airflow logs for the fake Houston's `logs` query and `log`
// subscription.
//
// Time is cut into slots (200 ms at the default 5 records/s per component).
// Within a slot each component owns a disjoint sub-window, and its record for
// that slot, if it has one, is a pure function of (release, component, slot):
// a seeded hash, no Math.random, nothing remembered. So every record's
// timestamp is unique within a release, ids sort by time, and a client that
// resumes with `since` = the last timestamp it saw (exclusive) gets exactly
// the records that followed, whether it asks `queryLogs` or `streamLogs`.
import { hashString, mix, rng, unit } from '../shared/seeded-random'
import { buildLine, dagsFor, formatLine, LOG_COMPONENTS, stripAnsi, type LogComponent } from './templates'

export { HOSTILE_DAG_ID, HOSTILE_TASK_ID, LOG_COMPONENTS, LOG_LEVELS, stripAnsi } from './templates'
export type { LogComponent, LogLevel } from './templates'

export interface LogRecord {
  id: string
  timestamp: string
  release: string
  component: string
  level: string
  message: string
}

export const DEFAULT_RATE_PER_SECOND = 5
export const DEFAULT_LIMIT = 10_000
export const DEFAULT_WINDOW_MS = 3_600_000
/** How far back a query scans at most, in records, before it gives up (as Elasticsearch would time out). */
export const MAX_SCAN_RECORDS = 1_000_000

export interface LogVolume {
  /** Records per second per component (see `ratePerSecond`). */
  ratePerSecond: number
  /** The most records one `logs` query or one subscription backlog returns. */
  limit: number
  /**
   * Each record repeated this many times (ids suffixed `~1`, `~2`…, same
   * timestamp): timestamps are whole milliseconds and unique per release, so
   * one release cannot exceed 1,000 distinct records a second. Benchmark
   * only: records sharing a timestamp break `since`-exclusive resumption.
   */
  copies: number
}

let volume: LogVolume = { ratePerSecond: DEFAULT_RATE_PER_SECOND, limit: DEFAULT_LIMIT, copies: 1 }

/**
 * Test-only: how much the fake Houston's `logs` and `log` produce, for the
 * benchmark (e.g. 600 records/s per component and 100,000 per query). Returns
 * a function that restores the previous volume.
 */
export function setLogVolume(next: Partial<LogVolume>): () => void {
  const previous = volume
  const merged = { ...volume, ...next }
  if (!(merged.ratePerSecond > 0) || !Number.isFinite(merged.ratePerSecond)) throw new RangeError(`ratePerSecond must be a positive number, got ${merged.ratePerSecond}`)
  if (!Number.isInteger(merged.limit) || merged.limit < 1) throw new RangeError(`limit must be a positive integer, got ${merged.limit}`)
  if (!Number.isInteger(merged.copies) || merged.copies < 1) throw new RangeError(`copies must be a positive integer, got ${merged.copies}`)
  volume = merged
  return () => {
    volume = previous
  }
}

export function logVolume(): LogVolume {
  return volume
}

interface Filter {
  release: string
  /** One component, or null/undefined for all of `components`. */
  component?: string | null
  /** The components this deployment runs (its executor and Airflow version decide); default all four. */
  components?: readonly string[] | null
  /** Case-insensitive substring of the message (ANSI colour codes ignored). */
  search?: string | null
  ratePerSecond?: number
}

export interface QueryLogsOptions extends Filter {
  /** ISO timestamp, exclusive; default `now` minus one hour. */
  since?: string | null
  now: number
  /** The newest `limit` records are returned when more match; default 10,000. */
  limit?: number
}

export interface StreamLogsOptions extends Filter {
  /** ISO timestamp, exclusive: records after it that already exist come first (at most `limit`); default: from now on. */
  since?: string | null
  now: () => number
  signal?: AbortSignal
  /** How often the stream looks for records that time has produced, in ms; default 200. */
  pollMs?: number
  /** At most this many backlog records (the newest) when `since` is far back; default 10,000. */
  limit?: number
}

interface Source {
  release: string
  component: LogComponent
  index: number
  seed: number
  coloured: boolean
  dags: ReturnType<typeof dagsFor>
}

interface Grid {
  slotMs: number
  subMs: number
  sources: readonly Source[]
}

const sourceCache = new Map<string, Source>()

function source(release: string, component: LogComponent, index: number): Source {
  const key = `${release}\u0000${component}`
  let s = sourceCache.get(key)
  if (!s) {
    const seed = hashString(key)
    s = {
      release,
      component,
      index,
      seed,
      // Schedulers and triggerers attached to a TTY print through Airflow's coloured formatter.
      coloured: (component === 'scheduler' || component === 'triggerer') && unit(seed, -1) < 0.4,
      dags: dagsFor(hashString(release)),
    }
    if (sourceCache.size > 10_000) sourceCache.clear()
    sourceCache.set(key, s)
  }
  return s
}

function grid(f: Filter): Grid {
  const rate = f.ratePerSecond ?? DEFAULT_RATE_PER_SECOND
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`ratePerSecond must be a positive number, got ${rate}`)
  const subMs = Math.max(1, Math.floor(1000 / rate / LOG_COMPONENTS.length))
  const allowed = f.components ?? LOG_COMPONENTS
  const sources = LOG_COMPONENTS.flatMap((component, index) =>
    allowed.includes(component) && (f.component == null || f.component === component) ? [source(f.release, component, index)] : [],
  )
  return { slotMs: subMs * LOG_COMPONENTS.length, subMs, sources }
}

/** Slots per burst window: activity swells and ebbs every 30 s or so. */
function present(s: Source, slot: number, slotsPer30s: number): boolean {
  const burst = unit(s.seed, Math.floor(slot / slotsPer30s) + 0x40000000)
  return unit(s.seed, slot) < 0.65 + 0.35 * burst
}

function timestampOf(s: Source, g: Grid, slot: number): number {
  return slot * g.slotMs + s.index * g.subMs + Math.floor(unit(s.seed ^ 0x5bd1e995, slot) * g.subMs)
}

function recordAt(s: Source, g: Grid, slot: number, ts: number): LogRecord {
  const r = rng(mix(s.seed ^ 0x9e3779b9, slot))
  const iso = new Date(ts).toISOString()
  const line = buildLine(s.component, { r, ts, iso, release: s.release, dags: s.dags })
  const coloured = s.coloured || (line.level !== 'INFO' && r() < 0.1)
  return {
    id: `${s.release}-${String(ts).padStart(13, '0')}-${s.index}`,
    timestamp: iso,
    release: s.release,
    component: s.component,
    level: line.level,
    message: formatLine(line, iso, coloured),
  }
}

function matcher(search: string | null | undefined): ((r: LogRecord) => boolean) | null {
  if (!search) return null
  const needle = search.toLowerCase()
  return (r) => {
    const text = r.message.toLowerCase()
    return text.includes(needle) || (text.includes('\u001b') && stripAnsi(text).includes(needle))
  }
}

/**
 * Calls `visit` for each record with `from < timestamp <= to`, newest first,
 * until it returns false or `maxRecords` slots-with-records were scanned.
 */
function scanBackward(g: Grid, from: number, to: number, maxRecords: number, visit: (r: LogRecord) => boolean): void {
  if (g.sources.length === 0 || to <= from) return
  const slotsPer30s = Math.max(1, Math.round(30_000 / g.slotMs))
  let scanned = 0
  for (let slot = Math.floor(to / g.slotMs); slot >= Math.floor(from / g.slotMs); slot--) {
    for (let i = g.sources.length - 1; i >= 0; i--) {
      const s = g.sources[i]
      if (!s || !present(s, slot, slotsPer30s)) continue
      const ts = timestampOf(s, g, slot)
      if (ts <= from || ts > to) continue
      if (!visit(recordAt(s, g, slot, ts))) return
      if (++scanned >= maxRecords) return
    }
  }
}

function parseSince(since: string | null | undefined, fallback: number): number {
  if (since == null || since === '') return fallback
  const t = Date.parse(since)
  if (Number.isNaN(t)) throw new RangeError(`Invalid timestamp: ${since}`)
  return t
}

/** The newest `limit` matching records in (from, to], oldest first. */
function collect(f: Filter, from: number, to: number, limit: number): LogRecord[] {
  const g = grid(f)
  const match = matcher(f.search)
  const out: LogRecord[] = []
  if (limit <= 0) return out
  const copies = volume.copies
  scanBackward(g, from, to, MAX_SCAN_RECORDS, (r) => {
    if (match && !match(r)) return true
    // Newest first here: the copies' ids sort after the original's.
    for (let i = copies - 1; i > 0 && out.length < limit; i--) out.push({ ...r, id: `${r.id}~${i}` })
    if (out.length < limit) out.push(r)
    return out.length < limit
  })
  return out.reverse()
}

/**
 * Records with `since < timestamp <= now`, oldest first; when more than
 * `limit` match, the newest `limit`. Throws RangeError on an unparsable `since`.
 */
export function queryLogs(o: QueryLogsOptions): LogRecord[] {
  const from = parseSince(o.since, o.now - DEFAULT_WINDOW_MS)
  return collect(o, from, o.now, o.limit ?? DEFAULT_LIMIT)
}

/**
 * `count` records of one component (or all with `null`) ending at `endTs`,
 * oldest first, unfiltered: for benchmarks and large fixtures.
 */
export function generateLogs(release: string, component: string | null, count: number, endTs: number): LogRecord[] {
  const g = grid({ release, component })
  const out: LogRecord[] = []
  if (count <= 0) return out
  scanBackward(g, Number.NEGATIVE_INFINITY, endTs, Number.POSITIVE_INFINITY, (r) => {
    out.push(r)
    return out.length < count
  })
  return out.reverse()
}

/**
 * Records with timestamp > `since` as time passes on the `now` clock: first
 * those that already exist (at most `limit`), then each new one as `now`
 * reaches it. Ends when `signal` aborts or the consumer calls `return()`.
 */
export function streamLogs(o: StreamLogsOptions): AsyncIterableIterator<LogRecord> {
  grid(o) // Bad options fail here, not at the first next().
  const pollMs = o.pollMs ?? 200
  const limit = o.limit ?? DEFAULT_LIMIT
  let cursor = parseSince(o.since, o.now())
  let queue: LogRecord[] = []
  let done = false
  let wake: (() => void) | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let chain: Promise<unknown> = Promise.resolve()

  const finish = () => {
    done = true
    queue = []
    if (timer) clearTimeout(timer)
    timer = null
    wake?.()
    wake = null
    o.signal?.removeEventListener('abort', finish)
  }
  if (o.signal?.aborted) finish()
  else o.signal?.addEventListener('abort', finish)

  const fill = () => {
    const to = o.now()
    if (to <= cursor) return
    queue = collect(o, cursor, to, limit)
    cursor = to
  }

  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(() => {
        timer = null
        wake = null
        resolve()
      }, pollMs)
    })

  const pull = async (): Promise<IteratorResult<LogRecord>> => {
    while (!done) {
      if (queue.length === 0) fill()
      const next = queue.shift()
      if (next) return { value: next, done: false }
      await sleep()
    }
    return { value: undefined, done: true }
  }

  const iterator: AsyncIterableIterator<LogRecord> = {
    next() {
      // Calls are served in order even if a consumer does not wait for the previous one.
      const result = chain.then(pull)
      chain = result.catch(() => undefined)
      return result
    },
    return() {
      finish()
      return Promise.resolve({ value: undefined, done: true })
    },
    throw(error: unknown) {
      finish()
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}
