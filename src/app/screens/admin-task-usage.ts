export { PlatformTaskUsagePage as default } from '@/features/task-usage/platform-task-usage-page'
