export { DeploymentOverviewPage as default } from '@/features/deployments/deployment-overview-page'
