import { useQuery } from '@apollo/client/react'
import type { ReactNode } from 'react'
import { Navigate, useLocation, useParams, type Params } from 'react-router'
import { ForbiddenPage } from '@/components/pages/status-pages'
import { ErrorState, LoadingState } from '@/components/ui/states'
import { type Access, SessionProvider, useAccess } from '@/features/auth'
import { WorkspacesQuery } from '@/features/workspaces'
import { readSession } from '@/lib/session-store'
import { navSections } from './shell/nav-items'

/** Signed-in routes: without a session, go to sign-in and come back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation()
  if (!readSession()) {
    const returnTo = `${location.pathname}${location.search}${location.hash}`
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />
  }
  return (
    <SessionProvider
      loading={<LoadingState label="Signing you in…" />}
      error={(error, retry) => (
        <div className="mx-auto max-w-xl p-8">
          <ErrorState error={error} title="Your account could not be loaded" onRetry={retry} />
        </div>
      )}
    >
      {children}
    </SessionProvider>
  )
}

export type AccessRule = (access: Access, params: Readonly<Params>) => boolean

/** A route only its permitted roles may open; everyone else gets the forbidden page. */
export function RequireAccess({ rule, what, children }: { rule: AccessRule; what?: string; children: ReactNode }) {
  const access = useAccess()
  const params = useParams()
  if (!rule(access, params)) return <ForbiddenPage what={what} />
  return children
}

export const rules = {
  workspaceRead: ((a, p) => a.workspace(p.workspaceId ?? '', 'workspace.deployments.get')) satisfies AccessRule,
  workspacePerm: (permission: string): AccessRule => (a, p) => a.workspace(p.workspaceId ?? '', permission),
  deploymentPerm: (permission: string): AccessRule => (a, p) => a.deployment(p.workspaceId ?? '', p.deploymentId ?? '', permission),
  systemPerm: (permission: string): AccessRule => (a) => a.system(permission),
}

/** `/` opens the first workspace the user belongs to. */
export function HomeRedirect() {
  const { data, error, refetch } = useQuery(WorkspacesQuery)
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />
  if (!data) return <LoadingState label="Loading your workspaces…" />
  const first = data.workspaces[0]
  return <Navigate to={first ? `/workspaces/${first.id}` : '/workspaces'} replace />
}

/** `/admin` opens the first system admin page the user may open (a system viewer cannot open users). */
export function AdminHomeRedirect() {
  const access = useAccess()
  const first = navSections(access, undefined, undefined).find((s) => s.title === 'System admin')?.items[0]
  return first ? <Navigate to={first.to} replace /> : <ForbiddenPage what="the system admin pages" />
}
