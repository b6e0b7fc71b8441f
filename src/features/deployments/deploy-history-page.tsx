import { skipToken, useQuery } from '@apollo/client/react'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { DAG_DEPLOYMENT_LABELS, DAG_SOURCE } from '@/lib/dag-deployment'
import { formatDateTime, formatRelative } from '@/lib/format'
import { useSearchState } from '@/lib/search-params'
import { parseSizing } from './deployment-sizing'
import { DeployHistoryQuery } from './operations'
import { RollbackDialog } from './rollback-dialog'
import { canRollBack, rollbackPlan, type RevisionSummary } from './rollback-plan'
import { StatusBadge } from './status-badge'
import { usePlatformConfig } from './use-platform-config'

/** Revisions a page shows. */
export const HISTORY_PAGE_SIZE = 10

const searchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1) })

/** /workspaces/:workspaceId/deployments/:deploymentId/history: every deploy, newest first, and rollback. */
export function DeployHistoryPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const access = useAccess()
  const [search, setSearch] = useSearchState(searchSchema)
  const variables = { deploymentUuid: deploymentId, skip: (search.page - 1) * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE }
  const { data: current, previousData, loading, error, refetch } = useQuery(DeployHistoryQuery, { variables, fetchPolicy: 'cache-and-network' })
  // Paging keeps the last page on screen until the next one arrives.
  const data = current ?? previousData
  const deploying = data?.deployment.status === 'DEPLOYING'
  // While a revision rolls out, follow it until the platform reports the outcome.
  useQuery(DeployHistoryQuery, deploying ? { variables, pollInterval: 1500, fetchPolicy: 'network-only' } : skipToken)
  const { platform } = usePlatformConfig(workspaceId)
  const [target, setTarget] = useState<RevisionSummary | null>(null)

  if (!data && loading) return <LoadingState label="Loading the deploy history…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const d = data.deployment
  const canEdit = access.deployment(workspaceId, deploymentId, 'deployment.config.update')
  const pages = Math.max(1, Math.ceil(d.deployRevisionCount / HISTORY_PAGE_SIZE))
  const rollbackAllowed = canRollBack(d.dagDeployment.type)
  const sizing = platform ? parseSizing(platform, d.desiredConfig ?? d.config, d.properties) : null
  const plan =
    target && platform
      ? rollbackPlan(
          platform,
          {
            airflowVersion: d.airflowVersion,
            desiredAirflowVersion: d.desiredAirflowVersion,
            dagDeploymentType: d.dagDeployment.type,
            currentImageTag: d.currentRevision?.imageTag ?? null,
            sizing,
          },
          target,
        )
      : null

  return (
    <>
      <PageHeader
        title={isolated`${d.label}: deploy history`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={d.status} />
            <span className="font-mono">{d.releaseName}</span>
            <span>
              {d.deployRevisionCount} deploy{d.deployRevisionCount === 1 ? '' : 's'}, newest first.
            </span>
          </span>
        }
      />
      {error ? (
        <div className="mb-4">
          <ErrorState error={error} title="The deploy history could not be refreshed" onRetry={() => void refetch()} />
        </div>
      ) : null}
      <div className="mb-4 space-y-3">
        {deploying ? <InlineAlert tone="info">
            <bdi>{d.label}</bdi> is deploying; this page updates by itself.
          </InlineAlert> : null}
        {!rollbackAllowed ? (
          <InlineAlert tone="info">
            Rollback is not available: <bdi>{d.label}</bdi> takes its DAGs from {DAG_SOURCE[d.dagDeployment.type]}, so its DAGs are not part of a deploy.
          </InlineAlert>
        ) : canEdit ? (
          <p className="text-sm text-muted">
            Redeploying a revision brings back its code, Airflow version and DAG deployment; resources and environment variables stay as they are.
          </p>
        ) : null}
      </div>

      {data.deployRevisions.length === 0 ? (
        <EmptyState title={d.deployRevisionCount === 0 ? 'Nothing deployed yet' : 'No deploys on this page'}>
          {d.deployRevisionCount === 0 ? (
            'Deploys appear here as images are deployed.'
          ) : (
            <Link to="?" className="text-accent underline underline-offset-2">
              Go to the newest deploys
            </Link>
          )}
        </EmptyState>
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">
              Deploys of {d.label}, newest first, page {search.page} of {pages}
            </caption>
            <thead className="border-b border-border text-left text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Deployed
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Revision
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Airflow
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  DAGs
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  By
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Description
                </th>
                {canEdit && rollbackAllowed ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.deployRevisions.map((r) => (
                <tr key={r.id} className="border-b border-border align-top last:border-0">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)}>
                      {formatDateTime(r.createdAt)}
                    </time>
                    <div className="text-xs text-muted">{formatRelative(r.createdAt)}</div>
                  </td>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="font-mono font-medium">
                      <bdi>{r.imageTag}</bdi>
                    </span>
                    {r.isCurrent ? (
                      <span className="ml-2 rounded-full border border-success bg-success-soft px-2 py-0.5 text-xs font-medium text-success">{deploying ? 'Rolling out' : 'Running'}</span>
                    ) : null}
                    {r.redeployOf ? <div className="text-xs text-muted">Redeploy of <bdi>{r.redeployOf.imageTag}</bdi></div> : null}
                    <div className="max-w-64 truncate font-mono text-xs text-muted" title={r.image}>
                      {r.image}
                    </div>
                  </th>
                  <td className="px-3 py-2">{r.airflowVersion}</td>
                  <td className="px-3 py-2">{DAG_DEPLOYMENT_LABELS[r.dagDeploymentType]}</td>
                  <td className="px-3 py-2">
                    <span className="block max-w-[12rem] truncate" title={r.author}>
                      {r.author}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    {r.description ? (
                      <span className="line-clamp-3 max-w-md wrap-anywhere" title={r.description}>
                        {r.description}
                      </span>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  {canEdit && rollbackAllowed ? (
                    <td className="px-3 py-2 text-right">
                      {!r.isCurrent && canRollBack(r.dagDeploymentType) ? (
                        <Button
                          size="sm"
                          aria-label={`Redeploy ${r.imageTag}…`}
                          disabled={deploying}
                          onClick={() => setTarget({ id: r.id, imageTag: r.imageTag, airflowVersion: r.airflowVersion, dagDeploymentType: r.dagDeploymentType, isCurrent: r.isCurrent })}
                        >
                          Redeploy…
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}

      {pages > 1 ? (
        <nav aria-label="Deploy history pages" className="mt-4 flex flex-wrap items-center gap-3">
          <Button size="sm" disabled={search.page <= 1} onClick={() => setSearch({ page: search.page - 1 })}>
            Newer
          </Button>
          <span className="text-sm" aria-live="polite">
            Page {Math.min(search.page, pages)} of {pages}
          </span>
          <Button size="sm" disabled={search.page >= pages} onClick={() => setSearch({ page: search.page + 1 })}>
            Older
          </Button>
        </nav>
      ) : null}

      {canEdit ? (
        <RollbackDialog
          deploymentId={d.id}
          deploymentLabel={d.label}
          target={target}
          plan={plan}
          onClose={() => setTarget(null)}
          onDone={() => {
            setTarget(null)
            setSearch({ page: 1 })
          }}
        />
      ) : null}
    </>
  )
}
