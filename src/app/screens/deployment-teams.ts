export { DeploymentTeamsPage as default } from '@/features/teams/deployment-teams-page'
