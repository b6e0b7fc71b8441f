export { AccountAccessPage as default } from '@/features/system/user-access-page'
