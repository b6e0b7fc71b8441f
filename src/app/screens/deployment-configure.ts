export { DeploymentConfigurePage as default } from '@/features/resources/configure-page'
