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
 * Loads a deployment's records for a window into a LogStore, then (when live)
 * keeps adding new ones: over the `log` subscription, or by polling `logs`
 * without a WebSocket endpoint. Incoming records are batched per animation frame.
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
  const load: LoadState = loadResult?.key === requestKey ? loadResult.state : { status: 'loading' }
  const tailStatus = tailResult?.key === requestKey ? tailResult.status : null
  const tailRef = useRef<LiveTail | null>(null)
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

    const fetchLogs = async (from: string | null) => {
      const result = await client.query({
        query: DeploymentLogsQuery,
        variables: { deploymentUuid: deploymentId, component, timestamp: from, until },
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
      : { kind: 'poll', fetch: fetchLogs, intervalMs: pollMs }

    fetchLogs(since).then(
      (records) => {
        if (cancelled) return
        store.append(records)
        setLoad({ key: requestKey, state: { status: 'ready' } })
        if (!live) return
        const tail = new LiveTail({
          source,
          // With nothing loaded, continue from the window's start so that no record is missed in between.
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
      },
      (error: unknown) => {
        if (!cancelled) setLoad({ key: requestKey, state: { status: 'error', error } })
      },
    )

    return () => {
      cancelled = true
      frames.cancel()
      tailRef.current?.dispose()
      tailRef.current = null
    }
  }, [client, store, deploymentId, component, since, until, live, graphqlWsUrl, pollMs, requestKey])

  const pause = useCallback(() => tailRef.current?.pause(), [])
  const resume = useCallback(() => tailRef.current?.start(), [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  return { store, version, load, tailStatus, pause, resume, retry, transport: graphqlWsUrl ? ('subscription' as const) : ('poll' as const) }
}
