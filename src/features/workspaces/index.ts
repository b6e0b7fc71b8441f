export { WorkspacesQuery } from './workspaces-query'
export { WorkspacesPage } from './workspaces-page'
export { WorkspaceOverviewPage } from './workspace-overview-page'
