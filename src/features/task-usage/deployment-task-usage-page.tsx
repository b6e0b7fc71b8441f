import { useQuery } from '@apollo/client/react'
import { useMemo } from 'react'
import { useParams } from 'react-router'
import { isolated } from '@/components/ui/isolated'
import { DeploymentTaskUsageQuery } from './operations'
import { TaskUsageView, useUsageRange } from './task-usage-view'
import type { UsageRow } from './usage-data'

/** Task runs per day of one deployment. */
export function DeploymentTaskUsagePage() {
  const { deploymentId = '' } = useParams()
  const { days } = useUsageRange()
  const { data, previousData, loading, error, refetch } = useQuery(DeploymentTaskUsageQuery, { variables: { deploymentUuid: deploymentId, days } })
  const usage = (data ?? previousData)?.deploymentTaskUsage
  const rows = useMemo<UsageRow[] | null>(() => usage?.days.map((d) => ({ key: d.date, label: d.date, taskRuns: d.taskRuns })) ?? null, [usage])
  const first = usage?.days[0]?.date
  const last = usage?.days.at(-1)?.date
  const name = usage?.deployment.label ?? 'This deployment'
  return (
    <TaskUsageView
      title={isolated`${name}: task usage`}
      description="How many task runs this deployment had each day (UTC). The platform keeps 90 days."
      scopeName={name}
      per="per day"
      csvHeader={['Date', 'Task runs']}
      layout="days"
      rows={rows}
      window={first && last ? { from: first, to: last } : null}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      empty="No days in this range"
    />
  )
}
