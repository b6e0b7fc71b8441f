export { WorkspaceMembersPage as default } from '@/features/people/workspace-members-page'
