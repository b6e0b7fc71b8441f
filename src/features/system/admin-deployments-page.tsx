import { useQuery } from '@apollo/client/react'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { Button, buttonClasses } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { StatusBadge, STATUS_TEXT } from '@/features/deployments'
import type { DeploymentStatus } from '@/gql/graphql'
import { formatInteger, formatRelative } from '@/lib/format'
import { useSearchState } from '@/lib/search-params'
import { DEPLOYMENTS_PAGE_SIZE, deploymentsSearchSchema, filterDeployments, slicePage } from './admin-lists'
import { AdminDeploymentsQuery } from './operations'

const STATUSES = Object.keys(STATUS_TEXT) as DeploymentStatus[]

export function AdminDeploymentsPage() {
  const [search, setSearch] = useSearchState(deploymentsSearchSchema)
  const { data, loading, error, refetch } = useQuery(AdminDeploymentsQuery)
  const matching = useMemo(() => (data ? filterDeployments(data.deployments, search) : []), [data, search])

  if (!data && loading) return <LoadingState label="Loading every deployment…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const page = slicePage(matching, search.page, DEPLOYMENTS_PAGE_SIZE)
  const filtered = search.q.trim() !== '' || search.status !== undefined

  return (
    <>
      <PageHeader title="All deployments" description={`${formatInteger(data.deployments.length)} deployments across every workspace of the platform.`} />
      {error ? <ErrorState error={error} title="The deployment list could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="mb-3 flex flex-wrap gap-3" role="search" aria-label="Filter deployments">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search</span>
          <input type="search" className={inputClasses} placeholder="Name, release name or workspace" value={search.q} onChange={(e) => setSearch({ q: e.target.value, page: 1 })} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Status</span>
          <select className={inputClasses} value={search.status ?? ''} onChange={(e) => setSearch({ status: (e.target.value || undefined) as DeploymentStatus | undefined, page: 1 })}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data.deployments.length === 0 ? (
        <EmptyState title="No deployments on the platform yet" />
      ) : matching.length === 0 ? (
        <EmptyState
          title="No deployment matches these filters"
          action={
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => setSearch({ q: '', status: undefined, page: 1 })}>
              Clear filters
            </button>
          }
        />
      ) : (
        <>
          <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full min-w-[44rem] text-sm">
              <caption className="sr-only">
                Deployments{filtered ? ' matching the filters' : ''}, {page.from} to {page.to} of {matching.length}
              </caption>
              <thead className="border-b border-border bg-surface-sunken text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Deployment
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Workspace
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Airflow
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Last update
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((d) => (
                  <tr key={d.id} className="border-b border-border last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link to={`/workspaces/${d.workspace.id}/deployments/${d.id}`} className="inline-block max-w-xs truncate align-bottom font-medium text-accent hover:underline" title={d.label}>
                        {d.label}
                      </Link>
                      <span className="block font-mono text-xs text-muted">{d.releaseName}</span>
                    </th>
                    <td className="px-3 py-2">
                      <Link to={`/workspaces/${d.workspace.id}`} className="inline-block max-w-xs truncate align-bottom hover:underline" title={d.workspace.label}>
                        {d.workspace.label}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge status={d.status} />
                    </td>
                    <td className="px-3 py-2">{d.airflowVersion}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatRelative(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <nav aria-label="Pages of deployments" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
            <p>
              {formatInteger(page.from)}–{formatInteger(page.to)} of {formatInteger(matching.length)} · page {page.page} of {page.pages}
            </p>
            <div className="flex gap-2">
              <Button size="sm" disabled={page.page <= 1} onClick={() => setSearch({ page: page.page - 1 })}>
                Previous page
              </Button>
              <Button size="sm" disabled={page.page >= page.pages} onClick={() => setSearch({ page: page.page + 1 })}>
                Next page
              </Button>
            </div>
          </nav>
        </>
      )}
    </>
  )
}
