export { AdminUserAccessPage as default } from '@/features/system/user-access-page'
