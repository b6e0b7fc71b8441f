export { WorkspaceOverviewPage as default } from '@/features/workspaces/workspace-overview-page'
