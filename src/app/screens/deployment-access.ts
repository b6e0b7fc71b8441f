export { DeploymentAccessPage as default } from '@/features/people/deployment-access-page'
