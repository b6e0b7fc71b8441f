export { DeployHistoryPage as default } from '@/features/deployments/deploy-history-page'
