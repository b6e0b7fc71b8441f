export { AdminWorkspacesPage as default } from '@/features/system/admin-workspaces-page'
