export { AdminDeploymentsPage as default } from '@/features/system/admin-deployments-page'
