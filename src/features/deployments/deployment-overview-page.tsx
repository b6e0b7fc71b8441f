import { skipToken, useQuery } from '@apollo/client/react'
import { useParams, useSearchParams } from 'react-router'
import { CopyButton } from '@/components/ui/copy-button'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { DeploymentEmbeds } from '@/features/metrics'
import { deploymentResources, formatCpu, formatMemory, totalAu } from '@/lib/au'
import { executorOf } from '@/lib/au'
import { DAG_DEPLOYMENT_LABELS } from '@/lib/dag-deployment'
import { formatDateTime } from '@/lib/format'
import { parseSizing } from './deployment-sizing'
import { navigableUrl } from '@/lib/navigable-url'
import { DeploymentOverviewQuery } from './operations'
import { STATUS_TEXT, StatusBadge } from './status-badge'
import { usePlatformConfig } from './use-platform-config'

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-0.5 break-words font-medium">{children}</dd>
    </div>
  )
}

export function DeploymentOverviewPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const { data, loading, error, refetch } = useQuery(DeploymentOverviewQuery, {
    variables: { deploymentUuid: deploymentId },
  })
  const deploying = data?.deployment.status === 'DEPLOYING'
  // While a change is applied, follow it until the platform reports the outcome.
  useQuery(DeploymentOverviewQuery, deploying ? { variables: { deploymentUuid: deploymentId }, pollInterval: 1500, fetchPolicy: 'network-only' } : skipToken)
  const { platform } = usePlatformConfig(workspaceId)
  const [params] = useSearchParams()
  const justCreated = params.get('created') === '1'

  if (!data && loading) return <LoadingState label="Loading deployment…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const d = data.deployment
  const sizing = platform ? parseSizing(platform, d.config, d.properties) : null
  const desired = platform && d.desiredConfig ? parseSizing(platform, d.desiredConfig, d.properties) : null
  const resources = platform && sizing ? deploymentResources(platform, sizing) : null
  // Links from the server: only those that navigate (a hostile or broken Houston could send javascript:).
  const airflowUrl = navigableUrl(d.urls.find((u) => u.type === 'airflow')?.url)
  const flowerUrl = navigableUrl(d.urls.find((u) => u.type === 'flower')?.url)

  return (
    <>
      <PageHeader title={d.label} description={d.description ?? undefined} />
      {error ? <ErrorState error={error} title="The deployment could not be refreshed" onRetry={() => void refetch()} /> : null}
      {justCreated ? (
        <div className="mb-4">
          <InlineAlert tone="success">
            Deployment created. Its release name is <code className="font-mono font-semibold"><bdi>{d.releaseName}</bdi></code>; it never changes.
          </InlineAlert>
        </div>
      ) : null}
      {deploying ? (
        <div className="mb-4">
          <InlineAlert tone="info">
            A change is being applied.
            {d.desiredAirflowVersion ? ` Upgrading Airflow from ${d.airflowVersion} to ${d.desiredAirflowVersion}.` : ''}
            {platform && sizing && desired && platform.auEnabled ? ` Size: ${totalAu(platform, sizing)} AU → ${totalAu(platform, desired)} AU.` : ''} This page updates by itself.
          </InlineAlert>
        </div>
      ) : null}
      {d.desiredAirflowVersion && !deploying ? (
        <div className="mb-4">
          <InlineAlert tone="info">
            Upgrade from {d.airflowVersion} to {d.desiredAirflowVersion} in progress: it completes when an image of Airflow {d.desiredAirflowVersion} is deployed.
          </InlineAlert>
        </div>
      ) : null}
      <section aria-labelledby="summary-heading" className="rounded-lg border border-border bg-surface p-5">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={d.status} />
          <p className="text-sm text-muted">{STATUS_TEXT[d.status].meaning}</p>
        </div>
        <dl className="mt-5 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <Item label="Release name">
            <span className="flex items-center gap-2">
              <code className="font-mono">{d.releaseName}</code>
              <CopyButton text={d.releaseName} label="Copy release name" />
            </span>
          </Item>
          <Item label="Executor">{sizing && platform ? executorOf(platform, sizing.executor).label : '—'}</Item>
          <Item label="Airflow version">{d.airflowVersion}</Item>
          <Item label="Total size">
            {sizing && platform && resources ? `${platform.auEnabled ? `${totalAu(platform, sizing)} AU · ` : ''}${formatCpu(resources.cpu)} · ${formatMemory(resources.memory)}` : '—'}
          </Item>
          <Item label="DAG deployment">{DAG_DEPLOYMENT_LABELS[d.dagDeployment.type]}</Item>
          <Item label="Deployed">{d.currentRevision ? <code className="font-mono">{d.currentRevision.imageTag}</code> : '—'}</Item>
          <Item label="Created">{formatDateTime(d.createdAt)}</Item>
          <Item label="Last updated">{formatDateTime(d.updatedAt)}</Item>
        </dl>
        <div className="mt-5 flex flex-wrap gap-3">
          {airflowUrl ? (
            <a href={airflowUrl} target="_blank" rel="noreferrer noopener" className="text-accent underline underline-offset-2">
              Open Airflow UI<span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : null}
          {flowerUrl ? (
            <a href={flowerUrl} target="_blank" rel="noreferrer noopener" className="text-accent underline underline-offset-2">
              Open Flower<span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : null}
        </div>
      </section>
      <DeploymentEmbeds className="mt-6" workspaceId={workspaceId} deploymentId={d.id} releaseName={d.releaseName} />
    </>
  )
}
