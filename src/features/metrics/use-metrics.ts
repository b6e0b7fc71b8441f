import { useQueries, useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { useRuntimeConfig } from '@/lib/runtime-config-context'
import { metricsKeys } from './metrics-keys'
import { type MetricRange, type PanelSpec, rangeBounds, refreshMsFor } from './panels'
import { PrometheusError, queryInstant, queryRange, type PromSeries, seriesOf } from './prometheus'

const subscribeVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange)
  return () => document.removeEventListener('visibilitychange', onChange)
}

/** Whether the page is in sight; auto refresh pauses while it is not. */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState !== 'hidden',
    () => true,
  )
}

/** Prometheus's refusals (bad PromQL) are final; network trouble is worth a few retries. */
const retry = (count: number, error: unknown) => !(error instanceof PrometheusError && error.errorType === 'bad_data') && count < 2

export interface RangeOptions {
  deploymentId: string
  range: MetricRange
  autoRefresh: boolean
}

/** Every query of one panel over a range, validated, refreshed on an interval while the page is visible. */
export function usePanelQueries(panel: PanelSpec, { deploymentId, range, autoRefresh }: RangeOptions) {
  const { metricsUrl } = useRuntimeConfig()
  const visible = useDocumentVisible()
  const refetchInterval = autoRefresh && visible ? refreshMsFor(range) : false
  const results = useQueries({
    queries: panel.queries.map((q) => ({
      queryKey: metricsKeys.range(deploymentId, q.promql, range),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<PromSeries[]> => {
        const { start, end, step } = rangeBounds(range, Date.now())
        return seriesOf(await queryRange(metricsUrl, { query: q.promql, start, end, step }, signal))
      },
      refetchInterval,
      refetchIntervalInBackground: false,
      retry,
      // Keep the last answer on screen while the next one loads.
      placeholderData: (previous: PromSeries[] | undefined) => previous,
    })),
  })
  const answers = new Map<string, PromSeries[]>()
  panel.queries.forEach((q, i) => {
    const data = results[i]?.data
    if (data) answers.set(q.key, data)
  })
  return {
    answers,
    loading: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    fetching: results.some((r) => r.isFetching),
    updatedAt: Math.max(0, ...results.map((r) => r.dataUpdatedAt)),
    refetch: () => {
      for (const r of results) void r.refetch()
    },
  }
}

/** One value now (`/api/v1/query`), summed over the series it returns; null when there is none. */
export function useInstantValue(deploymentId: string, promql: string, autoRefresh: boolean) {
  const { metricsUrl } = useRuntimeConfig()
  const visible = useDocumentVisible()
  return useQuery({
    queryKey: metricsKeys.instant(deploymentId, promql),
    queryFn: async ({ signal }) => {
      const series = seriesOf(await queryInstant(metricsUrl, promql, undefined, signal))
      if (series.length === 0) return null
      return series.reduce((sum, s) => sum + (s.points[0]?.v ?? 0), 0)
    },
    refetchInterval: autoRefresh && visible ? 30_000 : false,
    refetchIntervalInBackground: false,
    retry,
  })
}
