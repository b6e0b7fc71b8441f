import { useQuery } from '@apollo/client/react'
import { useMemo } from 'react'
import { useAccess } from '@/features/auth'
import { PlatformTaskUsageQuery } from './operations'
import { TaskUsageView, useUsageRange } from './task-usage-view'
import type { UsageRow } from './usage-data'

/** Task runs of each workspace on the platform. */
export function PlatformTaskUsagePage() {
  const access = useAccess()
  const { range, days } = useUsageRange()
  const { data, previousData, loading, error, refetch } = useQuery(PlatformTaskUsageQuery, { variables: { days } })
  const usage = (data ?? previousData)?.platformTaskUsage
  const rows = useMemo<UsageRow[] | null>(
    () =>
      usage?.workspaces.map((w) => ({
        key: w.workspace.id,
        label: w.workspace.label,
        taskRuns: w.total,
        ...(access.workspace(w.workspace.id, 'workspace.taskUsage.get') ? { href: `/workspaces/${w.workspace.id}/task-usage?days=${range}` } : {}),
      })) ?? null,
    [usage, access, range],
  )
  const first = usage?.days[0]?.date
  const last = usage?.days.at(-1)?.date
  return (
    <TaskUsageView
      title="Platform task usage"
      description="How many task runs each workspace had, over all its deployments. The platform keeps 90 days."
      scopeName="the platform"
      per="per workspace"
      csvHeader={['Workspace', 'Task runs']}
      layout="entities"
      rows={rows}
      window={first && last ? { from: first, to: last } : null}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      empty="No workspaces yet, so no task runs"
    />
  )
}
