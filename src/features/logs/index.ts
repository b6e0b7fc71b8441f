export { DeploymentLogsPage } from './deployment-logs-page'
