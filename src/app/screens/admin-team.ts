export { TeamPage as default } from '@/features/teams/team-page'
