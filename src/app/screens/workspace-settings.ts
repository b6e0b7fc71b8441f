export { WorkspaceSettingsPage as default } from '@/features/workspaces/workspace-settings-page'
