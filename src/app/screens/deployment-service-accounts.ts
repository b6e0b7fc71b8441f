export { DeploymentServiceAccountsPage as default } from '@/features/people/service-accounts-page'
