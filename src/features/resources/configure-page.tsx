import { skipToken, useQuery } from '@apollo/client/react'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { StatusBadge, usePlatformConfig } from '@/features/deployments'
import { useDrawnInTransition } from '@/lib/first-draw'
import { ConfigureView } from './configure-view'
import { DeploymentResourcesQuery } from './operations'

/** /workspaces/:workspaceId/deployments/:deploymentId/configure: a deployment's resources against its limits and quota. */
export function DeploymentConfigurePage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const access = useAccess()
  const variables = { deploymentUuid: deploymentId, workspaceUuid: workspaceId }
  const { data, loading, error, refetch } = useQuery(DeploymentResourcesQuery, { variables })
  const deploying = data?.deployment.status === 'DEPLOYING'
  // While a change is applied, follow it until the platform reports the outcome.
  useQuery(DeploymentResourcesQuery, deploying ? { variables, pollInterval: 1500, fetchPolicy: 'network-only' } : skipToken)
  const { platform, loading: platformLoading, error: platformError, refetch: refetchPlatform } = usePlatformConfig(workspaceId)
  // Bumped to start the form over from the server's values (after a save, or on request).
  const [revision, setRevision] = useState(0)
  // Starting over replaces the form, and with it the control that had focus
  // (Save, Reload): give focus to the page's h1 rather than leave it nowhere.
  useEffect(() => {
    if (revision === 0) return
    if (document.activeElement === null || document.activeElement === document.body) {
      document.querySelector<HTMLElement>('[data-page-heading]')?.focus()
    }
  }, [revision])

  // The form, its totals and the chart: a large first draw.
  const drawn = useDrawnInTransition(data !== undefined && platform !== undefined)

  if ((!data && loading) || (!platform && platformLoading) || (data && platform && !drawn)) return <LoadingState label="Loading resources…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />
  if (!platform) return <ErrorState error={platformError} title="The platform limits could not be loaded" onRetry={() => void refetchPlatform()} />

  const d = data.deployment
  if (d.workspace.id !== workspaceId) {
    return <ErrorState error={new Error(`${d.label} belongs to another workspace: open it from there.`)} title="This deployment is not in this workspace" />
  }
  const canEdit = access.deployment(workspaceId, deploymentId, 'deployment.config.update')

  const reload = async () => {
    await refetch().catch(() => undefined)
    setRevision((r) => r + 1)
  }

  return (
    <>
      <PageHeader
        title={isolated`${d.label}: resources`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={d.status} />
            <span className="font-mono">{d.releaseName}</span>
            {canEdit ? null : <span>You can see this deployment’s resources; your role does not allow changing them.</span>}
          </span>
        }
      />
      {error ? (
        <div className="mb-4">
          <ErrorState error={error} title="The resources could not be refreshed" onRetry={() => void refetch()} />
        </div>
      ) : null}
      <ConfigureView key={`${d.id}:${revision}`} platform={platform} live={data} canEdit={canEdit} onReload={reload} onRecheck={() => void refetch()} />
    </>
  )
}
