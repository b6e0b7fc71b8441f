import { DeploymentMetricsPage } from '@/features/metrics/deployment-metrics-page'
import { QueryScope } from '@/lib/query-client'

export default function DeploymentMetricsScreen() {
  return (
    <QueryScope>
      <DeploymentMetricsPage />
    </QueryScope>
  )
}
