export { DeploymentMetricsPage as default } from '@/features/metrics/deployment-metrics-page'
