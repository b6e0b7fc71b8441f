export { AdminUsersPage as default } from '@/features/system/admin-users-page'
