import { createBrowserRouter, type RouteObject } from 'react-router'
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from '@/components/pages/status-pages'
import { LoadingState } from '@/components/ui/states'
import { AdminHomeRedirect, type AccessRule, HomeRedirect, RequireAccess, RequireSession, rules } from './guards'
import { AppShell } from './shell/app-shell'

const RouteLoading = () => <LoadingState />

type Loader = () => Promise<{ default: React.ComponentType }>

/** A lazily loaded screen behind an access rule, with its own error boundary. */
function screen(path: string | undefined, load: Loader, rule?: AccessRule, what?: string): RouteObject {
  const base = path === undefined ? { index: true as const } : { path }
  return {
    ...base,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: RouteLoading,
    lazy: async () => {
      const { default: Screen } = await load()
      return {
        Component: rule
          ? () => (
              <RequireAccess rule={rule} what={what}>
                <Screen />
              </RequireAccess>
            )
          : Screen,
      }
    },
  }
}

const w = rules.workspacePerm
const d = rules.deploymentPerm
const s = rules.systemPerm

export const routes: RouteObject[] = [
  { path: '/sign-in', ErrorBoundary: RouteErrorPage, HydrateFallback: RouteLoading, lazy: async () => ({ Component: (await import('./screens/sign-in')).default }) },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: HomeRedirect },
      screen('workspaces', () => import('./screens/workspaces')),
      screen('account', () => import('./screens/account')),
      {
        path: 'workspaces/:workspaceId',
        children: [
          screen(undefined, () => import('./screens/workspace-overview'), rules.workspaceRead, 'this workspace'),
          screen('settings', () => import('./screens/workspace-settings'), rules.workspaceRead, 'this workspace'),
          screen('users', () => import('./screens/workspace-users'), w('workspace.users.get'), 'the members of this workspace'),
          screen('service-accounts', () => import('./screens/workspace-service-accounts'), w('workspace.serviceAccounts.get'), 'service accounts of this workspace'),
          screen('teams', () => import('./screens/workspace-teams'), w('workspace.teams.get'), 'the teams of this workspace'),
          screen('task-usage', () => import('./screens/workspace-task-usage'), w('workspace.taskUsage.get'), 'the task usage of this workspace'),
          screen('deployments/new', () => import('./screens/create-deployment'), w('workspace.deployments.create'), 'creating deployments'),
          {
            path: 'deployments/:deploymentId',
            children: [
              screen(undefined, () => import('./screens/deployment-overview'), d('deployment.config.get'), 'this deployment'),
              screen('configure', () => import('./screens/deployment-configure'), d('deployment.config.get'), 'this deployment'),
              screen('settings', () => import('./screens/deployment-settings'), d('deployment.config.get'), 'this deployment'),
              screen('history', () => import('./screens/deployment-history'), d('deployment.config.get'), 'this deployment'),
              screen('logs', () => import('./screens/deployment-logs'), d('deployment.logs.get'), 'the logs of this deployment'),
              screen('metrics', () => import('./screens/deployment-metrics'), d('deployment.metrics.get'), 'the metrics of this deployment'),
              screen('service-accounts', () => import('./screens/deployment-service-accounts'), d('deployment.serviceAccounts.get'), 'service accounts of this deployment'),
              screen('access', () => import('./screens/deployment-access'), w('workspace.users.get'), 'access to this deployment'),
              screen('teams', () => import('./screens/deployment-teams'), d('deployment.teams.get'), 'the teams of this deployment'),
              screen('task-usage', () => import('./screens/deployment-task-usage'), d('deployment.taskUsage.get'), 'the task usage of this deployment'),
            ],
          },
        ],
      },
      {
        path: 'admin',
        children: [
          { index: true, Component: AdminHomeRedirect },
          screen('users', () => import('./screens/admin-users'), s('system.users.get'), 'the system admin pages'),
          screen('workspaces', () => import('./screens/admin-workspaces'), s('system.deployments.get'), 'the system admin pages'),
          screen('deployments', () => import('./screens/admin-deployments'), s('system.deployments.get'), 'the system admin pages'),
          screen('users/:userId', () => import('./screens/admin-user'), s('system.users.get'), 'the system admin pages'),
          screen('teams', () => import('./screens/admin-teams'), s('system.teams.get'), 'the teams of the platform'),
          screen('teams/:teamId', () => import('./screens/admin-team'), s('system.teams.get'), 'the teams of the platform'),
          screen('task-usage', () => import('./screens/admin-task-usage'), s('system.taskUsage.get'), 'the task usage of the platform'),
        ],
      },
      { path: 'forbidden', Component: () => <ForbiddenPage /> },
      { path: '*', Component: NotFoundPage },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
