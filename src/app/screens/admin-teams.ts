export { AdminTeamsPage as default } from '@/features/teams/admin-teams-page'
