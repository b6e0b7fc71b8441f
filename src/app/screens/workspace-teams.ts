export { WorkspaceTeamsPage as default } from '@/features/teams/workspace-teams-page'
