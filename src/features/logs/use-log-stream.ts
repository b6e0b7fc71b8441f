import { useApolloClient } from '@apollo/client/react'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useRuntimeConfig } from '@/lib/runtime-config-context'
import { LiveTail, type TailSource, type TailStatus } from './live-tail'
import type { LogRecord, TimeWindow } from './log-model'
import { LogStore } from './log-store'
import { DeploymentLogsQuery, DeploymentLogSubscription } from './operations'

export interface LogStreamOptions {
  deploymentId: string
  component: string | null
  window: TimeWindow
  /** Whether new records should stream in (only for windows without an end). */
  live: boolean
  /** How often to poll when no WebSocket endpoint is configured. */
  pollMs?: number
}

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown }
/** The older part of a live window, loaded after the newest records are on screen. */
export type OlderState = { status: 'loading' } | { status: 'done' } | { status: 'error'; error: unknown }

/**
 * A live window opens on its newest records: this stretch of it is asked for
 * first, and the rest of the window after those are shown. An hour of a busy
 * deployment is megabytes of records; the newest half minute is what a reader
 * looks at first.
 */
export const HEAD_MS = 30_000
/** A first stretch with fewer records than this does not fill the list: wait for the rest before showing it. */
export const HEAD_FILLS_VIEW = 100

/** Below this many records per flush, every animation frame shows what arrived. */
const BUSY_BATCH = 50
/** While records pour in, the list redraws at most this often: each redraw replaces every row in sight anyway. */
const BUSY_INTERVAL_MS = 100

/**
 * Calls `flush` once per animation frame at most; while the stream is busy
 * (big batches), at most every BUSY_INTERVAL_MS. Hidden tabs get no frames:
 * then every 250 ms.
 */
function frameScheduler(flush: () => number) {
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastFlush = 0
  let busy = false
  const run = (now: number) => {
    frame = null
    timer = null
    if (busy && now - lastFlush < BUSY_INTERVAL_MS) {
      frame = requestAnimationFrame(run)
      return
    }
    lastFlush = now
    busy = flush() >= BUSY_BATCH
  }
  return {
    schedule() {
      if (frame !== null || timer !== null) return
      if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') frame = requestAnimationFrame(run)
      else timer = setTimeout(() => run(performance.now()), 250)
    },
    cancel() {
      if (frame !== null) cancelAnimationFrame(frame)
      if (timer !== null) clearTimeout(timer)
      frame = null
      timer = null
    },
  }
}

/**
 * Where the older part of a live window starts (null: nowhere). The window's
 * start, unless the store could keep only the newest of what came before the
 * first stretch: then as far back as that stretch's rate of records says will
 * fit. So a busy deployment is not sent records that would only be dropped.
 */
export function olderFrom(since: string, to: string, head: { count: number; spanMs: number }, room: number): string | null {
  if (room <= 0) return null
  if (head.count === 0) return since
  const fromMs = Date.parse(to) - room / (head.count / Math.max(head.spanMs, 1000))
  return fromMs > Date.parse(since) ? new Date(fromMs).toISOString() : since
}

/** Runs `fn` after the next frame is painted (soon, in a hidden tab); returns a cancel function. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let frame: number | null = null
  if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden')
    frame = requestAnimationFrame(() => {
      frame = null
      timer = setTimeout(fn, 0)
    })
  else timer = setTimeout(fn, 0)
  return () => {
    if (frame !== null) cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
  }
}

/**
 * Loads a deployment's records for a window into a LogStore, then (when live)
 * keeps adding new ones: over the `log` subscription, or by polling `logs`
 * without a WebSocket endpoint. Incoming records are batched per animation frame.
 * A live window comes newest stretch first (`load` is ready once it fills the
 * list), then the rest of it (`older`).
 */
export function useLogStream({ deploymentId, component, window, live, pollMs = 2000 }: LogStreamOptions) {
  const client = useApolloClient()
  const { graphqlWsUrl } = useRuntimeConfig()
  const [store] = useState(() => new LogStore())
  const [attempt, setAttempt] = useState(0)
  // Results belong to the request that produced them: a new request reads as loading until its own arrive.
  const requestKey = `${deploymentId}|${component ?? ''}|${window.since}|${window.until ?? ''}|${String(live)}|${graphqlWsUrl ?? ''}|${attempt}`
  const [loadResult, setLoad] = useState<{ key: string; state: LoadState } | null>(null)
  const [tailResult, setTailStatus] = useState<{ key: string; status: TailStatus } | null>(null)
  const [olderResult, setOlder] = useState<{ key: string; state: OlderState } | null>(null)
  const load: LoadState = loadResult?.key === requestKey ? loadResult.state : { status: 'loading' }
  const older: OlderState = olderResult?.key === requestKey ? olderResult.state : { status: 'loading' }
  const tailStatus = tailResult?.key === requestKey ? tailResult.status : null
  const tailRef = useRef<LiveTail | null>(null)
  const loadOlderRef = useRef<(() => void) | null>(null)
  const version = useSyncExternalStore(store.subscribe, store.getVersion)
  const { since, until } = window

  useEffect(() => {
    let cancelled = false
    const pending: LogRecord[] = []
    const frames = frameScheduler(() => {
      if (cancelled || pending.length === 0) return 0
      const batch = pending.splice(0, pending.length)
      store.append(batch)
      return batch.length
    })
    store.reset()

    const fetchLogs = async (from: string | null, to: string | null = until) => {
      const result = await client.query({
        query: DeploymentLogsQuery,
        variables: { deploymentUuid: deploymentId, component, timestamp: from, until: to },
        fetchPolicy: 'no-cache',
      })
      if (result.error) throw result.error instanceof Error ? result.error : new Error(result.error.message)
      return result.data?.logs ?? []
    }

    const source: TailSource = graphqlWsUrl
      ? {
          kind: 'subscription',
          open: (from, handlers) => {
            const subscription = client
              .subscribe({ query: DeploymentLogSubscription, variables: { deploymentUuid: deploymentId, component, timestamp: from }, fetchPolicy: 'no-cache' })
              .subscribe({
                next: (result) => {
                  if (result.error) handlers.error(result.error)
                  else if (result.data) handlers.next(result.data.log)
                },
                error: (error: unknown) => handlers.error(error),
                complete: () => handlers.complete(),
              })
            return () => subscription.unsubscribe()
          },
        }
      : { kind: 'poll', fetch: (from) => fetchLogs(from), intervalMs: pollMs }

    // A live window longer than the first stretch is loaded newest stretch first.
    const headStart = Date.now() - HEAD_MS
    const headFrom = live && headStart > Date.parse(since) ? new Date(headStart).toISOString() : null
    // Kept as it is when already ready: the older stretch settling need not draw the page once more.
    const ready = () => setLoad((prev) => (prev?.key === requestKey && prev.state.status === 'ready' ? prev : { key: requestKey, state: { status: 'ready' } }))
    let afterPaint: (() => void) | null = null

    const startTail = () => {
      if (cancelled || !live) return
      const tail = new LiveTail({
        source,
        // Continue from the newest record seen; with none in the whole window, from its start.
        cursor: store.cursor ?? since,
        known: store,
        onRecords: (fresh) => {
          // Beyond what the store keeps, older pending records would only be dropped again.
          for (const r of fresh) pending.push(r)
          if (pending.length > store.capacity) pending.splice(0, pending.length - store.capacity)
          frames.schedule()
        },
        onStatus: (status) => {
          if (!cancelled) setTailStatus({ key: requestKey, status })
        },
      })
      tailRef.current = tail
      tail.start()
    }

    /** The rest of the window, older than the first stretch: up to its oldest record, which the store then holds once. */
    const loadOlder = (from: string, to: string, then?: () => void) => {
      setOlder({ key: requestKey, state: { status: 'loading' } })
      // One place, one task: the outcome and the page becoming ready are drawn together.
      const settle = (state: OlderState) => {
        if (cancelled) return
        setOlder({ key: requestKey, state })
        ready()
        then?.()
      }
      fetchLogs(from, to).then(
        (records) => {
          if (cancelled) return
          store.append(records)
          settle({ status: 'done' })
        },
        (error: unknown) => settle({ status: 'error', error }),
      )
    }

    fetchLogs(headFrom ?? since, headFrom ? null : until).then(
      (records) => {
        if (cancelled) return
        store.append(records)
        const oldest = store.oldest()?.timestamp
        const newest = store.newest()?.timestamp
        const to = oldest ?? headFrom
        const head = { count: store.size, spanMs: oldest && newest ? Date.parse(newest) - Date.parse(oldest) : 0 }
        const from = headFrom && to ? olderFrom(since, to, head, store.capacity - store.size) : null
        if (from && to) {
          loadOlderRef.current = () => loadOlder(from, to)
          if (records.length >= HEAD_FILLS_VIEW) {
            ready()
            // Once the newest records are drawn: their request and drawing have the machine to themselves.
            afterPaint = afterNextPaint(() => loadOlder(from, to))
            startTail()
          } else {
            // Too few to show alone: show the window once the rest is in, and tail from the newest record
            // seen by then (the first stretch's start was judged by this browser's clock, not the server's).
            loadOlder(from, to, startTail)
          }
        } else {
          setOlder({ key: requestKey, state: { status: 'done' } })
          ready()
          startTail()
        }
      },
      (error: unknown) => {
        if (!cancelled) setLoad({ key: requestKey, state: { status: 'error', error } })
      },
    )

    return () => {
      cancelled = true
      afterPaint?.()
      frames.cancel()
      tailRef.current?.dispose()
      tailRef.current = null
      loadOlderRef.current = null
    }
  }, [client, store, deploymentId, component, since, until, live, graphqlWsUrl, pollMs, requestKey])

  const pause = useCallback(() => tailRef.current?.pause(), [])
  const resume = useCallback(() => tailRef.current?.start(), [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const retryOlder = useCallback(() => loadOlderRef.current?.(), [])

  return { store, version, load, older, tailStatus, pause, resume, retry, retryOlder, transport: graphqlWsUrl ? ('subscription' as const) : ('poll' as const) }
}
