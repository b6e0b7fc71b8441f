export { WorkspaceServiceAccountsPage as default } from '@/features/people/service-accounts-page'
