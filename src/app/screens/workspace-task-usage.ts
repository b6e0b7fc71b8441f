export { WorkspaceTaskUsagePage as default } from '@/features/task-usage/workspace-task-usage-page'
