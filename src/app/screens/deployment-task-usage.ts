export { DeploymentTaskUsagePage as default } from '@/features/task-usage/deployment-task-usage-page'
