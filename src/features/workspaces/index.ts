export { WorkspacesQuery } from './operations'
export { WorkspacesPage } from './workspaces-page'
export { WorkspaceOverviewPage } from './workspace-overview-page'
