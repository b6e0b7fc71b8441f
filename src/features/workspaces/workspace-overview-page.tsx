import { useQuery } from '@apollo/client/react'
import { memo, useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { z } from 'zod'
import { buttonClasses } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { parseSizing, usePlatformConfig } from '@/features/deployments'
import { QuotaBreakdown } from '@/features/resources'
import type { DeploymentStatus } from '@/gql/graphql'
import { formatCpu, formatMemory, totalAu } from '@/lib/au'
import { EXECUTORS, type Executor } from '@/lib/houston-json'
import { useSearchState } from '@/lib/search-params'
import { DeploymentRows, EXECUTOR_LABEL, type Row } from './deployment-rows'
import { WorkspaceOverviewQuery } from './operations'

const STATUSES = ['HEALTHY', 'DEPLOYING', 'UNHEALTHY', 'UNKNOWN'] as const
const SORTS = ['label', 'status', 'executor', 'version', 'au', 'updated'] as const

const searchSchema = z.object({
  q: z.string().catch('').default(''),
  status: z.enum(STATUSES).optional().catch(undefined),
  executor: z.enum(EXECUTORS).optional().catch(undefined),
  sort: z.enum(SORTS).catch('label').default('label'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
})

// One collator each, made once: localeCompare with options builds a new one on every call,
// which made sorting 1,000 deployments cost tens of milliseconds.
const byText = new Intl.Collator()
const byTextAndNumber = new Intl.Collator(undefined, { numeric: true })

function compare(a: Row, b: Row, sort: (typeof SORTS)[number]): number {
  switch (sort) {
    case 'label':
      return byTextAndNumber.compare(a.label, b.label)
    case 'status':
      return STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status)
    case 'executor':
      return byText.compare(a.executor ?? '', b.executor ?? '')
    case 'version':
      return byTextAndNumber.compare(a.version, b.version)
    case 'au':
      return (a.au ?? -1) - (b.au ?? -1)
    case 'updated':
      return a.updatedAt.localeCompare(b.updatedAt)
  }
}

/** The breakdown draws every deployment of the workspace: typing in the deployments filter must not draw it again. */
const StableQuotaBreakdown = memo(QuotaBreakdown)

interface MeterProps {
  /** What is measured, e.g. "AU", "CPU", "Memory". */
  name: string
  used: number
  quota: number
  /** Writes an amount with its unit. */
  format: (amount: number) => string
}

/** How much of a quota is used, as a meter, with what is left. */
export function QuotaMeter({ name, used, quota, format }: MeterProps) {
  const pct = quota > 0 ? Math.min(100, Math.round((used / quota) * 100)) : 100
  const tone = pct >= 90 ? 'bg-danger' : pct >= 75 ? 'bg-warning' : 'bg-accent'
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium">{name} quota</span>
        <span>
          <strong>{format(used)}</strong> of {format(quota)} used · {format(Math.max(0, quota - used))} left
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${name} quota used`}
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={used}
        aria-valuetext={`${format(used)} of ${format(quota)} used`}
        className="mt-2 h-3 overflow-hidden rounded-full bg-surface-sunken"
      >
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  )
}

const formatAu = (au: number) => `${au} AU`

export function WorkspaceOverviewPage() {
  const { workspaceId = '' } = useParams()
  const access = useAccess()
  const [search, setSearch] = useSearchState(searchSchema)
  const { data, loading, error, refetch } = useQuery(WorkspaceOverviewQuery, { variables: { workspaceUuid: workspaceId } })
  const { platform } = usePlatformConfig(workspaceId)

  const rows = useMemo<Row[]>(() => {
    if (!data) return []
    return data.workspaceDeployments.map((d) => {
      const sizing = platform ? parseSizing(platform, d.config, d.properties) : null
      return {
        id: d.id,
        label: d.label,
        releaseName: d.releaseName,
        status: d.status,
        executor: sizing?.executor ?? null,
        version: d.airflowVersion,
        au: sizing && platform ? totalAu(platform, sizing) : null,
        updatedAt: d.updatedAt,
      }
    })
  }, [data, platform])

  // Sorted once per sort order, so that a keystroke in the search box only filters (which keeps the order).
  const sorted = useMemo(() => {
    const sign = search.dir === 'asc' ? 1 : -1
    return [...rows].sort((a, b) => sign * compare(a, b, search.sort) || byText.compare(a.label, b.label))
  }, [rows, search.sort, search.dir])
  const visible = useMemo(() => {
    const q = search.q.trim().toLowerCase()
    return sorted.filter(
      (r) =>
        (!search.status || r.status === search.status) &&
        (!search.executor || r.executor === search.executor) &&
        (!q || r.label.toLowerCase().includes(q) || r.releaseName.includes(q)),
    )
  }, [sorted, search.q, search.status, search.executor])

  if (!data && loading) return <LoadingState label="Loading workspace…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const canCreate = access.workspace(workspaceId, 'workspace.deployments.create')
  const ws = data.workspace

  const sortHeader = (key: (typeof SORTS)[number], label: string) => {
    const active = search.sort === key
    return (
      <th scope="col" aria-sort={active ? (search.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="px-3 py-2 text-left font-medium">
        <button
          type="button"
          className="inline-flex items-center gap-1 hover:underline"
          onClick={() => setSearch({ sort: key, dir: active && search.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span aria-hidden="true">{active ? (search.dir === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    )
  }

  return (
    <>
      <PageHeader
        title={ws.label}
        description={ws.description ?? undefined}
        actions={
          canCreate ? (
            <Link to={`/workspaces/${workspaceId}/deployments/new`} className={buttonClasses('primary')}>
              New deployment
            </Link>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="The workspace could not be refreshed" onRetry={() => void refetch()} /> : null}
      <section aria-label="Quota" className="mb-6 rounded-lg border border-border bg-surface p-4">
        {platform && !platform.auEnabled ? (
          // A platform without AU counts the quota in CPU and memory.
          <div className="space-y-3">
            <QuotaMeter name="CPU" used={ws.cpuUsed} quota={ws.cpuQuota} format={formatCpu} />
            <QuotaMeter name="Memory" used={ws.memoryUsed} quota={ws.memoryQuota} format={formatMemory} />
          </div>
        ) : (
          <QuotaMeter name="AU" used={ws.auUsed} quota={ws.auQuota} format={formatAu} />
        )}
        <StableQuotaBreakdown workspaceId={workspaceId} deploymentCount={ws.deploymentCount} />
      </section>
      <section aria-labelledby="deployments-heading">
        <h2 id="deployments-heading" className="mb-3 text-lg font-semibold">
          Deployments <span className="text-sm font-normal text-muted">({ws.deploymentCount})</span>
        </h2>
        <div className="mb-3 flex flex-wrap gap-3" role="search" aria-label="Filter deployments">
          <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
            <span className="font-medium">Search</span>
            <input type="search" className={inputClasses} placeholder="Name or release name" value={search.q} onChange={(e) => setSearch({ q: e.target.value })} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Status</span>
            <select className={inputClasses} value={search.status ?? ''} onChange={(e) => setSearch({ status: (e.target.value || undefined) as DeploymentStatus | undefined })}>
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.charAt(0) + s.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Executor</span>
            <select className={inputClasses} value={search.executor ?? ''} onChange={(e) => setSearch({ executor: (e.target.value || undefined) as Executor | undefined })}>
              <option value="">Any executor</option>
              {EXECUTORS.map((x) => (
                <option key={x} value={x}>
                  {EXECUTOR_LABEL[x]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {rows.length === 0 ? (
          <EmptyState title="No deployments yet">{canCreate ? 'Create the first Airflow deployment of this workspace.' : 'An editor of this workspace can create one.'}</EmptyState>
        ) : visible.length === 0 ? (
          <EmptyState title="No deployment matches these filters" action={<button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => setSearch({ q: '', status: undefined, executor: undefined })}>Clear filters</button>} />
        ) : (
          <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full min-w-[44rem] text-sm">
              <caption className="sr-only">Deployments of {ws.label}, {visible.length} shown</caption>
              <thead className="border-b border-border bg-surface-sunken">
                <tr>
                  {sortHeader('label', 'Name')}
                  {sortHeader('status', 'Status')}
                  {sortHeader('executor', 'Executor')}
                  {sortHeader('version', 'Airflow')}
                  {sortHeader('au', 'Total AU')}
                  {sortHeader('updated', 'Last update')}
                </tr>
              </thead>
              <DeploymentRows rows={visible} workspaceId={workspaceId} />
            </table>
          </ScrollArea>
        )}
      </section>
    </>
  )
}
