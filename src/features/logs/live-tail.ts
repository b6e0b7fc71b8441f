// Live tail: keeps new records coming after a cursor (the newest timestamp
// seen), over a subscription or, without one, by polling. A stream that the
// server ends, or that fails, is opened again from the cursor, so nothing is
// missed and (with de-duplication by id) nothing is shown twice. A stream that
// keeps ending without delivering anything backs off, and after repeated
// failures stops and says so instead of asking again and again.
import { mergeBatch } from './log-store'
import type { LogRecord } from './log-model'

export interface StreamHandlers {
  next(record: LogRecord): void
  error(error: unknown): void
  complete(): void
}

export type TailSource =
  | { kind: 'subscription'; open(since: string | null, handlers: StreamHandlers): () => void }
  | { kind: 'poll'; fetch(since: string | null): Promise<readonly LogRecord[]>; intervalMs?: number }

export type TailState = 'live' | 'reconnecting' | 'paused' | 'stopped'

export interface TailStatus {
  state: TailState
  /** Failures in a row (streams that ended or failed without delivering anything). */
  failures: number
  /** Times the stream was opened again after it ended, failed or replayed. */
  reconnects: number
  lastError: unknown
}

export interface TailOptions {
  source: TailSource
  /** Where to continue from: the newest timestamp already shown (exclusive). */
  cursor: string | null
  /** Ids already shown, so a replay is recognised. */
  known: { has(id: string): boolean }
  /** New records, oldest first, never one already delivered. */
  onRecords(records: LogRecord[]): void
  onStatus?(status: TailStatus): void
  /** Give up after this many failures in a row; default 5. */
  maxFailures?: number
  /** Backoff after a failure: initial * 2^(failures-1), at most max; defaults 1 s and 30 s. */
  backoff?: { initialMs: number; maxMs: number }
  /** Delay before reopening a stream that ended after delivering records; default 250 ms. */
  reopenMs?: number
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void }
}

const defaultTimers = {
  setTimeout: (fn: () => void, ms: number): unknown => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class LiveTail {
  private cursor: string | null
  private close: (() => void) | null = null
  private timer: unknown = null
  /** Bumps whenever a stream is closed, so late events of an old stream are ignored. */
  private generation = 0
  private deliveredThisStream = 0
  private status: TailStatus = { state: 'paused', failures: 0, reconnects: 0, lastError: null }
  private readonly timers: NonNullable<TailOptions['timers']>
  private readonly maxFailures: number
  private readonly backoff: { initialMs: number; maxMs: number }
  private readonly seen = new Set<string>()

  constructor(private readonly options: TailOptions) {
    this.cursor = options.cursor
    this.timers = options.timers ?? defaultTimers
    this.maxFailures = options.maxFailures ?? 5
    this.backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 }
  }

  getStatus(): TailStatus {
    return this.status
  }

  getCursor(): string | null {
    return this.cursor
  }

  /** Starts (or resumes) from the cursor; clears a previous failure streak. */
  start(): void {
    this.stopStream()
    this.setStatus({ state: 'live', failures: 0, lastError: null })
    this.open()
  }

  /** Stops asking; `start()` continues from the newest record seen. */
  pause(): void {
    this.stopStream()
    this.setStatus({ state: 'paused' })
  }

  dispose(): void {
    this.stopStream()
  }

  private setStatus(patch: Partial<TailStatus>): void {
    this.status = { ...this.status, ...patch }
    this.options.onStatus?.(this.status)
  }

  private stopStream(): void {
    this.generation++
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    const close = this.close
    this.close = null
    close?.()
  }

  private known = {
    has: (id: string) => this.seen.has(id) || this.options.known.has(id),
  }

  /** Delivers what is new; true when the batch showed that the source replayed old records. */
  private deliver(batch: readonly LogRecord[]): boolean {
    const merged = mergeBatch(this.known, this.cursor, batch)
    this.cursor = merged.cursor
    if (merged.fresh.length > 0) {
      this.deliveredThisStream += merged.fresh.length
      for (const r of merged.fresh) this.seen.add(r.id)
      // The store remembers what it holds; this set only bridges until it does.
      if (this.seen.size > 50_000) this.seen.clear()
      if (this.status.failures > 0 || this.status.state !== 'live') this.setStatus({ state: 'live', failures: 0, lastError: null })
      this.options.onRecords(merged.fresh)
    }
    return merged.replayed
  }

  private open(): void {
    const source = this.options.source
    const generation = this.generation
    this.deliveredThisStream = 0
    if (source.kind === 'poll') {
      this.poll(source, generation)
      return
    }
    let ended = false
    const end = (error: unknown) => {
      if (ended || generation !== this.generation) return
      ended = true
      this.close = null
      this.retry(error)
    }
    const close = source.open(this.cursor, {
      next: (record) => {
        if (ended || generation !== this.generation) return
        if (this.deliver([record])) {
          // The transport re-sent the subscription as it first was (after a dropped socket):
          // ask again from where we are instead of receiving the whole backlog twice.
          ended = true
          this.stopStream()
          this.setStatus({ reconnects: this.status.reconnects + 1 })
          this.open()
        }
      },
      error: (error) => end(error ?? new Error('The log stream failed.')),
      complete: () => end(null),
    })
    if (generation === this.generation && !ended) this.close = close
    else close()
  }

  private poll(source: Extract<TailSource, { kind: 'poll' }>, generation: number): void {
    const interval = source.intervalMs ?? 2000
    const tick = () => {
      this.timer = null
      source.fetch(this.cursor).then(
        (records) => {
          if (generation !== this.generation) return
          this.deliver(records)
          if (this.status.failures > 0) this.setStatus({ state: 'live', failures: 0, lastError: null })
          this.timer = this.timers.setTimeout(tick, interval)
        },
        (error: unknown) => {
          if (generation !== this.generation) return
          this.retry(error)
        },
      )
    }
    tick()
  }

  /** A stream ended or failed: open it again from the cursor, backing off when it keeps delivering nothing. */
  private retry(error: unknown): void {
    const productive = this.deliveredThisStream > 0 && error === null
    const failures = productive ? 0 : this.status.failures + 1
    if (failures >= this.maxFailures) {
      this.stopStream()
      this.setStatus({ state: 'stopped', failures, lastError: error })
      return
    }
    const delay = productive ? (this.options.reopenMs ?? 250) : Math.min(this.backoff.initialMs * 2 ** (failures - 1), this.backoff.maxMs)
    this.setStatus({ state: 'reconnecting', failures, lastError: error })
    const generation = ++this.generation
    this.timer = this.timers.setTimeout(() => {
      this.timer = null
      if (generation !== this.generation) return
      this.setStatus({ state: 'live', reconnects: this.status.reconnects + 1 })
      this.open()
    }, delay)
  }
}
