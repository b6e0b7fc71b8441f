export { CreateDeploymentPage as default } from '@/features/deployments/create-deployment-page'
