import { useQuery } from '@apollo/client/react'
import { lazy, Suspense, useMemo } from 'react'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { usePlatformConfig } from '@/features/deployments'
import { deploymentResources, formatCpu, formatMemory, workspaceResources } from '@/lib/au'
import { breakdown, breakdownChartHeight, SERIES, seriesLabel } from './chart-data'
import { countedSizing } from './counted-sizing'
import { WorkspaceQuotaBreakdownQuery } from './operations'

const BreakdownChart = lazy(() => import('./breakdown-chart').then((m) => ({ default: m.BreakdownChart })))

/** Bars drawn at most; smaller deployments are summed in a note and listed in the table. */
const MAX_BARS = 12

/** Each deployment's share of the workspace's AU, by component: for everyone who may see the workspace. */
interface Props {
  workspaceId: string
  /** When known, the loading state keeps the chart's room, so nothing below it moves. */
  deploymentCount?: number
}

export function QuotaBreakdown({ workspaceId, deploymentCount }: Props) {
  const { data, loading, error, refetch } = useQuery(WorkspaceQuotaBreakdownQuery, { variables: { workspaceUuid: workspaceId } })
  const { platform, loading: platformLoading, error: platformError, refetch: refetchPlatform } = usePlatformConfig(workspaceId)

  const result = useMemo(() => {
    if (!data || !platform) return null
    const uses = data.workspaceDeployments.map((d) => ({ id: d.id, label: d.label, sizing: countedSizing(platform, d) }))
    return { all: breakdown(platform, uses, Number.POSITIVE_INFINITY), chart: breakdown(platform, uses, MAX_BARS) }
  }, [data, platform])

  const heading = (
    <h2 id="au-breakdown-heading" className="text-base font-semibold">
      AU by deployment
    </h2>
  )
  if ((!data && loading) || (!platform && platformLoading)) {
    return (
      <section aria-labelledby="au-breakdown-heading" className="mt-5">
        {heading}
        <div style={deploymentCount === undefined ? undefined : { minHeight: breakdownChartHeight(Math.min(deploymentCount, MAX_BARS)) + 60 }}>
          <LoadingState label="Loading the AU breakdown…" />
        </div>
      </section>
    )
  }
  if (!data || !platform || !result) {
    return (
      <section aria-labelledby="au-breakdown-heading" className="mt-5">
        {heading}
        <ErrorState
          error={error ?? platformError}
          title="The AU breakdown could not be loaded"
          onRetry={() => {
            void refetch()
            void refetchPlatform()
          }}
        />
      </section>
    )
  }

  const ws = data.workspace
  const { all, chart } = result
  if (!platform.auEnabled) {
    // A platform without AU counts quotas in CPU and memory: the breakdown does too.
    const used = workspaceResources(platform, ws)
    const rows = data.workspaceDeployments
      .map((d) => ({ id: d.id, label: d.label, sizing: countedSizing(platform, d) }))
      .flatMap((d) => (d.sizing ? [{ ...d, resources: deploymentResources(platform, d.sizing) }] : []))
      .sort((a, b) => b.resources.cpu - a.resources.cpu || a.label.localeCompare(b.label))
    return (
      <section aria-labelledby="au-breakdown-heading" className="mt-5">
        <h2 id="au-breakdown-heading" className="text-base font-semibold">
          CPU and memory by deployment
        </h2>
        <p className="mt-1 text-sm text-muted">
          <bdi>{ws.label}</bdi> uses {formatCpu(used.cpuUsed)} of {formatCpu(used.cpuQuota)} and {formatMemory(used.memoryUsed)} of {formatMemory(used.memoryQuota)}.
        </p>
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">CPU and memory by deployment in {ws.label}</caption>
          <thead className="border-b border-border text-left text-muted">
            <tr>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Deployment
              </th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                CPU
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Memory
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-border last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <span className="block max-w-xs truncate" title={r.label}>
                    {r.label}
                  </span>
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCpu(r.resources.cpu)}</td>
                <td className="py-1.5 text-right tabular-nums">{formatMemory(r.resources.memory)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    )
  }
  const summary =
    `AU by deployment in ${ws.label}, ${ws.auUsed} of ${ws.auQuota} AU used: ` +
    chart.rows.map((r) => `${r.name} ${r.total} AU`).join(', ') +
    (chart.rest ? `, and ${chart.rest.count} more deployments with ${chart.rest.au} AU.` : '.')
  const partial = all.total !== ws.auUsed

  return (
    <section aria-labelledby="au-breakdown-heading" className="mt-5">
      {heading}
      {error ? <ErrorState error={error} title="The AU breakdown could not be refreshed" onRetry={() => void refetch()} /> : null}
      {all.rows.length === 0 ? (
        <div className="mt-2">
          <EmptyState title="No deployment uses AU yet">Deployments appear here with their share of the quota once they exist.</EmptyState>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">
            A deployment that is being changed counts at the size it is moving to, as the quota does.
            {partial ? ` You can see ${all.rows.length} of its deployments: together they use ${all.total} of the ${ws.auUsed} AU used.` : ''}
          </p>
          <Suspense
            fallback={
              <div style={{ height: breakdownChartHeight(chart.rows.length) }}>
                <LoadingState label="Drawing the chart…" />
              </div>
            }
          >
            <BreakdownChart platform={platform} rows={chart.rows} summary={summary} />
          </Suspense>
          {chart.rest ? (
            <p className="text-sm text-muted">
              {chart.rest.count} smaller deployment{chart.rest.count === 1 ? '' : 's'} ({chart.rest.au} AU) not drawn: see the table.
            </p>
          ) : null}
          {all.unreadable > 0 ? <p className="text-sm text-muted">{all.unreadable} deployment(s) have a config this console cannot read and are left out.</p> : null}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-accent">Show the breakdown as a table</summary>
            <ScrollArea className="mt-2 max-h-96 overflow-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">AU by deployment and component in {ws.label}</caption>
                <thead className="border-b border-border text-left text-muted">
                  <tr>
                    <th scope="col" className="py-1.5 pr-3 font-medium">
                      Deployment
                    </th>
                    <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                      Total
                    </th>
                    <th scope="col" className="py-1.5 font-medium">
                      By component
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {all.rows.map((r) => (
                    <tr key={r.id} className="border-b border-border last:border-0">
                      <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                        <span className="block max-w-xs truncate" title={r.name}>
                          {r.name}
                        </span>
                      </th>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{r.total} AU</td>
                      <td className="py-1.5 text-muted">
                        {SERIES.filter((k) => (r[k] ?? 0) > 0)
                          .map((k) => `${seriesLabel(platform, k)} ${r[k] ?? 0}`)
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </details>
        </>
      )}
    </section>
  )
}
