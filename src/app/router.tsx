import { lazy, Suspense, useLayoutEffect, useState } from 'react'
import { type Location, matchRoutes, type NavigateFunction, type RouteObject, useLocation, useNavigate, useRoutes } from 'react-router'
import { ForbiddenPage, NotFoundPage } from '@/components/pages/status-pages'
import { LoadingState } from '@/components/ui/states'
import { AdminHomeRedirect, type AccessRule, HomeRedirect, RequireAccess, RequireSession, rules } from './guards'
import { RouteBoundary } from './route-boundary'
import { AppShell } from './shell/app-shell'

type Loader = () => Promise<{ default: React.ComponentType }>

/**
 * A lazily loaded screen behind an access rule, with its own error boundary.
 * Navigations are transitions and the Suspense boundaries above the screens
 * (the shell's, the root's) stay revealed, so the page on screen stays until
 * the next one's code has loaded; only the first page shows a loading state.
 *
 * Declarative routes rather than the data router: the console loads no data
 * in loaders, and leaving that machinery out keeps about 16 KiB gzip off the
 * entry.
 */
function screen(path: string | undefined, load: Loader, rule?: AccessRule, what?: string): RouteObject {
  // One load shared by preloadScreen and the screen itself; a failed one is tried again next time.
  let loading: ReturnType<Loader> | null = null
  let loaded: React.ComponentType | null = null
  const loadOnce = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default
        return module
      },
      (error: unknown) => {
        loading = null
        throw error
      },
    ))
  const Lazy = lazy(loadOnce)
  // A screen whose code is in (preloaded while the session loaded, or opened before) renders at once.
  // Through lazy() it would suspend for a tick even then, and React holds a revealed fallback for
  // 300 ms before it shows what replaced it: the page's own requests would wait that long too.
  // Chosen once per mount, so that the screen is never swapped for the same screen (losing its state).
  function Screen() {
    const [Loaded] = useState(() => loaded)
    return Loaded ? <Loaded /> : <Lazy />
  }
  const element = (
    <RouteBoundary>
      {rule ? (
        <RequireAccess rule={rule} what={what}>
          <Screen />
        </RequireAccess>
      ) : (
        <Screen />
      )}
    </RouteBoundary>
  )
  const route: RouteObject = path === undefined ? { index: true, element } : { path, element }
  loaders.set(route, loadOnce)
  return route
}

/** Each screen route's loader, for preloadScreen. */
const loaders = new WeakMap<RouteObject, () => ReturnType<Loader>>()

const w = rules.workspacePerm
const d = rules.deploymentPerm
const s = rules.systemPerm

export const routes: RouteObject[] = [
  screen('/sign-in', () => import('./screens/sign-in')),
  {
    path: '/',
    element: (
      <RouteBoundary>
        <RequireSession>
          <AppShell />
        </RequireSession>
      </RouteBoundary>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
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
          { index: true, element: <AdminHomeRedirect /> },
          screen('users', () => import('./screens/admin-users'), s('system.users.get'), 'the system admin pages'),
          screen('workspaces', () => import('./screens/admin-workspaces'), s('system.deployments.get'), 'the system admin pages'),
          screen('deployments', () => import('./screens/admin-deployments'), s('system.deployments.get'), 'the system admin pages'),
          screen('users/:userId', () => import('./screens/admin-user'), s('system.users.get'), 'the system admin pages'),
          screen('teams', () => import('./screens/admin-teams'), s('system.teams.get'), 'the teams of the platform'),
          screen('teams/:teamId', () => import('./screens/admin-team'), s('system.teams.get'), 'the teams of the platform'),
          screen('task-usage', () => import('./screens/admin-task-usage'), s('system.taskUsage.get'), 'the task usage of the platform'),
        ],
      },
      { path: 'forbidden', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

/**
 * Starts loading the code of the screen at this address, so that it comes in
 * while the session and the shell do instead of after them. Errors are left
 * to the screen's own boundary, which meets the same loader when it renders.
 */
export function preloadScreen(pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) {
    loaders.get(match.route)?.().catch(() => undefined)
  }
}

/** The console's pages, for a <BrowserRouter> (or a <MemoryRouter> in tests). */
export function AppRoutes() {
  return <Suspense fallback={<LoadingState />}>{useRoutes(routes)}</Suspense>
}

/**
 * Where the console is and a way to move it, for code outside React (the
 * session-expiry handler, tests): the page on screen, not one still loading.
 */
export interface AppNavigator {
  readonly state: { readonly location: Pick<Location, 'pathname' | 'search' | 'hash'> }
  navigate: (to: string, options?: { replace?: boolean }) => void
  /** Settles once the router is rendered: before, the location is not known and navigating does nothing. */
  readonly ready: Promise<void>
}

/** An AppNavigator and the component, rendered inside the router, that keeps it current. */
export function createAppNavigator(): { navigator: AppNavigator; NavigatorBridge: () => null } {
  let location: AppNavigator['state']['location'] = { pathname: '/', search: '', hash: '' }
  let navigate: NavigateFunction | null = null
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const navigator: AppNavigator = {
    state: {
      get location() {
        return location
      },
    },
    navigate: (to, options) => void navigate?.(to, options),
    ready,
  }
  function NavigatorBridge() {
    const current = useLocation()
    const navigateHere = useNavigate()
    useLayoutEffect(() => {
      location = current
      navigate = navigateHere
      markReady()
    })
    return null
  }
  return { navigator, NavigatorBridge }
}
