export { DeploymentSettingsPage as default } from '@/features/deployments/deployment-settings-page'
