import { useQuery } from '@apollo/client/react'
import { useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, LoadingState } from '@/components/ui/states'
import { UrlCheckbox } from '@/components/ui/url-checkbox'
import { useSearchState } from '@/lib/search-params'
import { DeploymentEmbeds } from './embeds'
import { MetricPanel } from './metric-panel'
import { metricsKeys } from './metrics-keys'
import { DeploymentMetricsContextQuery } from './operations'
import {
  formatValue,
  GROUP_LABELS,
  groupsFromParam,
  groupsToParam,
  METRIC_GROUPS,
  METRIC_RANGE_LABELS,
  METRIC_RANGES,
  type MetricRange,
  metricsSearchSchema,
  panelsFor,
  RANGE_SECONDS,
  refreshMsFor,
  stepFor,
  type Unit,
} from './panels'
import { promString } from './prometheus'
import { useDocumentVisible, useInstantValue } from './use-metrics'

function Tile({ deploymentId, label, promql, unit, autoRefresh, scale = 1 }: { deploymentId: string; label: string; promql: string; unit: Unit; autoRefresh: boolean; scale?: number }) {
  const { data, error, isPending } = useInstantValue(deploymentId, promql, autoRefresh)
  return (
    <div className="min-w-0 rounded-lg border border-border bg-surface p-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">
        {isPending ? <span className="text-muted">…</span> : error ? <span className="text-sm font-normal text-danger">{error instanceof Error ? error.message : 'Prometheus could not answer.'}</span> : formatValue(data === null || data === undefined ? null : data * scale, unit)}
      </dd>
    </div>
  )
}

export function DeploymentMetricsPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const [search, setSearch] = useSearchState(metricsSearchSchema)
  const queryClient = useQueryClient()
  const visible = useDocumentVisible()
  const { data, loading, error, refetch } = useQuery(DeploymentMetricsContextQuery, { variables: { deploymentUuid: deploymentId } })

  if (!data && loading) return <LoadingState label="Loading deployment…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const d = data.deployment
  const groups = groupsFromParam(search.panels)
  const autoRefresh = search.refresh !== 'off'
  const step = stepFor(RANGE_SECONDS[search.range])
  const panels = panelsFor(d.releaseName, step)
  const sel = `{release=${promString(d.releaseName)}}`
  const toggleGroup = (g: (typeof METRIC_GROUPS)[number], on: boolean) => {
    const next = on ? [...groups, g] : groups.filter((x) => x !== g)
    // Hiding every group would show nothing: keep at least one.
    if (next.length > 0) setSearch({ panels: groupsToParam(next) })
  }

  return (
    <>
      <PageHeader
        title={isolated`${d.label}: metrics`}
        description={
          <>
            Prometheus series of release <code className="font-mono"><bdi>{d.releaseName}</bdi></code>. Hover a chart to compare the same moment across panels.
          </>
        }
      />
      {error ? <ErrorState error={error} title="The deployment could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Time range</span>
          <select className={inputClasses} value={search.range} onChange={(e) => setSearch({ range: e.target.value as MetricRange })}>
            {METRIC_RANGES.map((r) => (
              <option key={r} value={r}>
                {METRIC_RANGE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <legend className="mb-1 font-medium">Panels</legend>
          {METRIC_GROUPS.map((g) => (
            <UrlCheckbox key={g} className="gap-1.5" checked={groups.includes(g)} disabled={groups.length === 1 && groups.includes(g)} onChange={(checked) => toggleGroup(g, checked)}>
              {GROUP_LABELS[g]}
            </UrlCheckbox>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <UrlCheckbox className="gap-1.5" checked={autoRefresh} onChange={(checked) => setSearch({ refresh: checked ? undefined : 'off' })}>
            Auto refresh every {refreshMsFor(search.range) / 1000} s
          </UrlCheckbox>
          <Button size="sm" onClick={() => void queryClient.invalidateQueries({ queryKey: metricsKeys.deployment(d.id) })}>
            Refresh now
          </Button>
        </div>
      </div>
      <p className="mb-4 text-xs text-muted" role="status">
        One point every {step >= 60 ? `${step / 60} min` : `${step} s`}.{' '}
        {autoRefresh ? (visible ? 'Refreshing by itself.' : 'Auto refresh is paused while this tab is hidden.') : 'Auto refresh is off.'}
      </p>
      <DeploymentEmbeds className="mb-6" workspaceId={workspaceId} deploymentId={d.id} releaseName={d.releaseName} only="grafana" />
      {groups.includes('status') ? (
        <dl aria-label="Now" className="mb-6 grid gap-3 sm:grid-cols-3">
          <Tile deploymentId={d.id} label="Pods running now" promql={`sum(kube_pod_container_status_running${sel})`} unit="count" autoRefresh={autoRefresh} />
          <Tile deploymentId={d.id} label="Pods expected" promql={`sum(kube_deployment_spec_replicas${sel})`} unit="count" autoRefresh={autoRefresh} />
          <Tile deploymentId={d.id} label="Scheduler heartbeats now" promql={`sum(rate(airflow_scheduler_heartbeat${sel}[5m]))`} unit="perMinute" scale={60} autoRefresh={autoRefresh} />
        </dl>
      ) : null}
      <div className="space-y-8">
        {groups.map((g) => (
          <section key={g} aria-labelledby={`group-${g}`}>
            <h2 id={`group-${g}`} className="mb-3 text-lg font-semibold">
              {GROUP_LABELS[g]}
            </h2>
            <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3">
              {panels
                .filter((p) => p.group === g)
                .map((p) => (
                  <MetricPanel key={p.id} panel={p} deploymentId={d.id} range={search.range} autoRefresh={autoRefresh} />
                ))}
            </div>
          </section>
        ))}
      </div>
    </>
  )
}
