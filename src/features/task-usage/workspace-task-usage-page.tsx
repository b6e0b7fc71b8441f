import { useQuery } from '@apollo/client/react'
import { useMemo } from 'react'
import { useParams } from 'react-router'
import { isolated } from '@/components/ui/isolated'
import { useAccess } from '@/features/auth'
import { WorkspaceTaskUsageQuery } from './operations'
import { TaskUsageView, useUsageRange } from './task-usage-view'
import type { UsageRow } from './usage-data'

/** Task runs of each deployment of a workspace. */
export function WorkspaceTaskUsagePage() {
  const { workspaceId = '' } = useParams()
  const access = useAccess()
  const { range, days } = useUsageRange()
  const { data, previousData, loading, error, refetch } = useQuery(WorkspaceTaskUsageQuery, { variables: { workspaceUuid: workspaceId, days } })
  const usage = (data ?? previousData)?.workspaceTaskUsage
  const rows = useMemo<UsageRow[] | null>(
    () =>
      usage?.deployments.map((d) => ({
        key: d.deployment.id,
        label: d.deployment.label,
        detail: d.deployment.releaseName,
        taskRuns: d.total,
        ...(access.deployment(workspaceId, d.deployment.id, 'deployment.taskUsage.get')
          ? { href: `/workspaces/${workspaceId}/deployments/${d.deployment.id}/task-usage?days=${range}` }
          : {}),
      })) ?? null,
    [usage, access, workspaceId, range],
  )
  const name = usage?.workspace.label ?? 'This workspace'
  const first = usage?.days[0]?.date
  const last = usage?.days.at(-1)?.date
  return (
    <TaskUsageView
      title={isolated`${name}: task usage`}
      description="How many task runs each deployment of this workspace had. The platform keeps 90 days."
      scopeName={name}
      per="per deployment"
      csvHeader={['Deployment', 'Release name', 'Task runs']}
      layout="entities"
      rows={rows}
      window={first && last ? { from: first, to: last } : null}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      empty="This workspace has no deployments, so no task runs"
    />
  )
}
