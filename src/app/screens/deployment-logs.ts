export { DeploymentLogsPage as default } from '@/features/logs/deployment-logs-page'
