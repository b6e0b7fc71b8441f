import type { Access } from '@/features/auth'

export interface NavItem {
  to: string
  label: string
  /** index routes must match exactly */
  end?: boolean
}

export interface NavSection {
  title: string
  items: NavItem[]
}

/** The navigation for where the user is, showing only what their role can open. */
export function navSections(access: Access, workspaceId: string | undefined, deploymentId: string | undefined): NavSection[] {
  const sections: NavSection[] = [
    {
      title: 'Platform',
      items: [
        { to: '/workspaces', label: 'All workspaces', end: true },
        { to: '/account', label: 'Your roles' },
      ],
    },
  ]
  if (workspaceId) {
    const base = `/workspaces/${workspaceId}`
    const items: NavItem[] = []
    if (access.workspace(workspaceId, 'workspace.deployments.get')) items.push({ to: base, label: 'Overview', end: true })
    if (access.workspace(workspaceId, 'workspace.users.get')) items.push({ to: `${base}/users`, label: 'Members' })
    if (access.workspace(workspaceId, 'workspace.serviceAccounts.get')) items.push({ to: `${base}/service-accounts`, label: 'Service accounts' })
    if (access.workspace(workspaceId, 'workspace.teams.get')) items.push({ to: `${base}/teams`, label: 'Teams' })
    if (access.workspace(workspaceId, 'workspace.taskUsage.get')) items.push({ to: `${base}/task-usage`, label: 'Task usage' })
    if (access.workspace(workspaceId, 'workspace.deployments.get')) items.push({ to: `${base}/settings`, label: 'Settings' })
    sections.push({ title: 'Workspace', items })
  }
  if (workspaceId && deploymentId) {
    const base = `/workspaces/${workspaceId}/deployments/${deploymentId}`
    const can = (p: string) => access.deployment(workspaceId, deploymentId, p)
    const items: NavItem[] = []
    if (can('deployment.config.get')) {
      items.push({ to: base, label: 'Deployment overview', end: true })
      items.push({ to: `${base}/configure`, label: 'Configure' })
      items.push({ to: `${base}/settings`, label: 'Deployment settings' })
      items.push({ to: `${base}/history`, label: 'Deploy history' })
    }
    if (can('deployment.logs.get')) items.push({ to: `${base}/logs`, label: 'Logs' })
    if (can('deployment.metrics.get')) items.push({ to: `${base}/metrics`, label: 'Metrics' })
    if (can('deployment.serviceAccounts.get')) items.push({ to: `${base}/service-accounts`, label: 'Deployment service accounts' })
    if (access.workspace(workspaceId, 'workspace.users.get')) items.push({ to: `${base}/access`, label: 'Access' })
    if (can('deployment.teams.get')) items.push({ to: `${base}/teams`, label: 'Deployment teams' })
    if (can('deployment.taskUsage.get')) items.push({ to: `${base}/task-usage`, label: 'Deployment task usage' })
    sections.push({ title: 'Deployment', items })
  }
  const admin: NavItem[] = []
  if (access.system('system.users.get')) admin.push({ to: '/admin/users', label: 'Users' })
  if (access.system('system.deployments.get')) {
    admin.push({ to: '/admin/workspaces', label: 'Workspaces and quotas' })
    admin.push({ to: '/admin/deployments', label: 'All deployments' })
  }
  if (access.system('system.teams.get')) admin.push({ to: '/admin/teams', label: 'All teams' })
  if (access.system('system.taskUsage.get')) admin.push({ to: '/admin/task-usage', label: 'Platform task usage' })
  if (admin.length > 0) sections.push({ title: 'System admin', items: admin })
  return sections
}
