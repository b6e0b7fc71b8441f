import { lazy, Suspense, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { InlineAlert, LoadingState } from '@/components/ui/states'
import {
  deploymentResources,
  formatCpu,
  formatMemory,
  pgbouncerConnections,
  type QuotaImpact,
  type ResourceImpact,
  resourceQuota,
  type Sizing,
  totalAu,
} from '@/lib/au'
import type { PlatformConfig } from '@/lib/houston-json'

const QuotaImpactChart = lazy(() => import('./quota-impact-chart').then((m) => ({ default: m.QuotaImpactChart })))

interface Props {
  platform: PlatformConfig
  /** The deployment as it counts now. */
  before: Sizing
  /** The size being chosen; null when nothing changes (or nothing can). */
  after: Sizing | null
  impact: QuotaImpact
  /** The same quota in CPU and memory. */
  resources: ResourceImpact
  workspaceLabel: string
  /** Why the workspace quota refuses the change (ours or the server's), if it does. */
  quotaProblem: ReactNode
  onRecheckQuota?: () => void
}

function Row({ label, now, next }: { label: string; now: string; next: string | null }) {
  return (
    <tr className="border-b border-border last:border-0">
      <th scope="row" className="py-1.5 pr-2 text-left font-normal">
        {label}
      </th>
      <td className="py-1.5 pl-2 text-right tabular-nums">{now}</td>
      {next !== null ? <td className={`py-1.5 pl-2 text-right font-semibold tabular-nums ${next !== now ? 'text-accent' : ''}`}>{next}</td> : null}
    </tr>
  )
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  )
}

/** Live totals: AU, CPU, memory and pods, the ResourceQuota, PgBouncer, and the workspace quota before and after. */
const left = (n: number, format: (n: number) => string) => (n >= 0 ? `${format(n)} left` : `${format(-n)} over`)

export function TotalsPanel({ platform, before, after, impact, resources, workspaceLabel, quotaProblem, onRecheckQuota }: Props) {
  const shown = after ?? before
  const custom = shown.strategy === 'custom' || before.strategy === 'custom'
  const nowRes = deploymentResources(platform, before)
  const nextRes = after ? deploymentResources(platform, after) : null
  const quota = resourceQuota(platform, shown)
  const conns = pgbouncerConnections(platform, shown)
  const suffix = after ? ' (after saving)' : ''

  return (
    <section aria-labelledby="totals-heading" className="space-y-5 rounded-lg border border-border bg-surface p-5">
      <div>
        <h2 id="totals-heading" className="text-lg font-semibold">
          Totals
        </h2>
        <table className="mt-2 w-full text-sm" aria-live="polite">
          <caption className="sr-only">Deployment totals{after ? ', now and after saving' : ''}</caption>
          <thead className="text-muted">
            <tr className="border-b border-border">
              <td />
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                Now
              </th>
              {after ? (
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  After saving
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {platform.auEnabled ? <Row label="Total AU" now={`${totalAu(platform, before)} AU`} next={after ? `${totalAu(platform, after)} AU` : null} /> : null}
            <Row label="CPU" now={formatCpu(nowRes.cpu)} next={nextRes ? formatCpu(nextRes.cpu) : null} />
            <Row label="Memory" now={formatMemory(nowRes.memory)} next={nextRes ? formatMemory(nextRes.memory) : null} />
            <Row label="Pods" now={String(nowRes.pods)} next={nextRes ? String(nextRes.pods) : null} />
          </tbody>
        </table>
        {custom && platform.auEnabled ? (
          <p className="mt-2 text-xs text-muted">Under custom resources a deployment counts against the AU quota with the AU that cover its CPU and memory, rounded up.</p>
        ) : null}
      </div>

      <div>
        <h3 className="text-sm font-semibold">Kubernetes ResourceQuota{suffix}</h3>
        <p className="mt-0.5 text-xs text-muted">The namespace’s limit: twice the components (room for a rolling update) plus the extra capacity once.</p>
        <dl className="mt-2 space-y-1 text-sm">
          <Item label="Pods">{quota.pods}</Item>
          <Item label="CPU">{formatCpu(quota.cpu)}</Item>
          <Item label="Memory">{formatMemory(quota.memory)}</Item>
        </dl>
      </div>

      <div>
        <h3 className="text-sm font-semibold">PgBouncer{suffix}</h3>
        <p className="mt-0.5 text-xs text-muted">Connections to the metadata database grow with the deployment’s {platform.auEnabled ? 'AU' : 'size'}.</p>
        <dl className="mt-2 space-y-1 text-sm">
          <Item label="Client connections">{conns.clientConnections}</Item>
          <Item label="Database connections">{conns.databaseConnections}</Item>
        </dl>
      </div>

      <section aria-labelledby="workspace-quota-heading">
        <h3 id="workspace-quota-heading" className="text-sm font-semibold">
          Workspace quota: <bdi>{workspaceLabel}</bdi>
        </h3>
        {platform.auEnabled ? (
          <>
            <dl className="mt-2 space-y-1 text-sm">
              <Item label="Quota">{impact.quotaAu} AU</Item>
              <Item label="Used now">
                {impact.usedBefore} AU ({impact.leftBefore >= 0 ? `${impact.leftBefore} AU left` : `${-impact.leftBefore} AU over`})
              </Item>
              {after ? (
                <Item label="Used after saving">
                  {impact.usedAfter} AU ({impact.leftAfter >= 0 ? `${impact.leftAfter} AU left` : `${-impact.leftAfter} AU over`})
                </Item>
              ) : null}
            </dl>
            <p className="mt-2 text-xs text-muted">
              This deployment may total up to {impact.availableAu} AU: the {Math.max(0, impact.leftBefore)} AU the workspace has left plus the {impact.currentAu} AU it counts now.
            </p>
          </>
        ) : null}
        {custom || !platform.auEnabled ? (
          <>
            <dl className="mt-2 space-y-1 text-sm" aria-label="Workspace quota in CPU and memory">
              <Item label="CPU quota">{formatCpu(resources.cpuQuota)}</Item>
              <Item label="Memory quota">{formatMemory(resources.memoryQuota)}</Item>
              <Item label="CPU used now">
                {formatCpu(resources.cpuUsedBefore)} ({left(resources.cpuLeftBefore, formatCpu)})
              </Item>
              <Item label="Memory used now">
                {formatMemory(resources.memoryUsedBefore)} ({left(resources.memoryLeftBefore, formatMemory)})
              </Item>
              {after ? (
                <>
                  <Item label="CPU used after saving">
                    {formatCpu(resources.cpuUsedAfter)} ({left(resources.cpuLeftAfter, formatCpu)})
                  </Item>
                  <Item label="Memory used after saving">
                    {formatMemory(resources.memoryUsedAfter)} ({left(resources.memoryLeftAfter, formatMemory)})
                  </Item>
                </>
              ) : null}
            </dl>
            {!platform.auEnabled ? (
              <p className="mt-2 text-xs text-muted">
                This deployment may use up to {formatCpu(resources.cpuAvailable)} and {formatMemory(resources.memoryAvailable)}: what the workspace has left plus what it uses now.
              </p>
            ) : null}
          </>
        ) : null}
        {quotaProblem ? (
          <div className="mt-2 space-y-2">
            <InlineAlert tone="danger">{quotaProblem}</InlineAlert>
            {onRecheckQuota ? (
              <Button size="sm" onClick={onRecheckQuota}>
                Check the quota again
              </Button>
            ) : null}
          </div>
        ) : null}
        {platform.auEnabled ? (
          <Suspense fallback={<LoadingState label="Drawing the chart…" />}>
            <QuotaImpactChart platform={platform} before={before} after={after} impact={impact} workspaceLabel={workspaceLabel} />
          </Suspense>
        ) : null}
      </section>
    </section>
  )
}
