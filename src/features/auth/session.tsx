import type { ApolloClient } from '@apollo/client'
import { useApolloClient, useQuery } from '@apollo/client/react'
import { createContext, use, useCallback, useMemo, type ReactNode } from 'react'
import type { SelfQuery as SelfQueryData } from '@/gql/graphql'
import { type Binding, deploymentPermissions, systemPermissions, workspacePermissions } from '@/lib/permissions'
import { clearRegisteredCaches } from '@/lib/cache-registry'
import { useDrawnInTransition } from '@/lib/first-draw'
import { readSession, writeSession } from '@/lib/session-store'
import { SelfQuery } from './operations'

export type SelfUser = SelfQueryData['self']['user']

export interface Access {
  /** A permission that holds everywhere (system roles, every-user grants). */
  system(permission: string): boolean
  workspace(workspaceId: string, permission: string): boolean
  deployment(workspaceId: string, deploymentId: string, permission: string): boolean
}

interface SessionValue {
  user: SelfUser
  bindings: Binding[]
  access: Access
  signOut: () => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

export function toBindings(user: SelfUser): Binding[] {
  return user.roleBindings.map((b) => ({
    role: b.role,
    workspaceId: b.workspace?.id ?? b.deployment?.workspace.id ?? null,
    deploymentId: b.deployment?.id ?? null,
    via: b.team ? { teamId: b.team.id, teamName: b.team.name } : null,
  }))
}

/** Builds the permission questions the UI asks from the user's bindings; the answers come from the one permission module. */
export function accessFor(bindings: readonly Binding[]): Access {
  const system = systemPermissions(bindings)
  const workspaceCache = new Map<string, Set<string>>()
  const deploymentCache = new Map<string, Set<string>>()
  return {
    system: (p) => system.has(p),
    workspace: (ws, p) => {
      let set = workspaceCache.get(ws)
      if (!set) workspaceCache.set(ws, (set = workspacePermissions(bindings, ws)))
      return set.has(p)
    },
    deployment: (ws, d, p) => {
      let set = deploymentCache.get(d)
      if (!set) deploymentCache.set(d, (set = deploymentPermissions(bindings, ws, d)))
      return set.has(p)
    },
  }
}

/** Clears the token and every cache, so the next person on this browser sees nothing of the last. */
export function useSignOut() {
  const client = useApolloClient()
  return useCallback(async () => {
    writeSession(null)
    clearRegisteredCaches()
    await client.clearStore()
  }, [client])
}

const SESSION_FETCH_POLICY = 'cache-first'

/**
 * Asks for the signed-in user as soon as the client exists, before the first render: the
 * provider's own query then joins the request in flight (Apollo sends one of two identical
 * queries), and every signed-in page's data waits one step less.
 */
export function prefetchSession(client: ApolloClient): void {
  if (!readSession()) return
  // A failure is the provider's to show: its query sends again and reports it.
  client.query({ query: SelfQuery, fetchPolicy: SESSION_FETCH_POLICY }).catch(() => undefined)
}

export function SessionProvider({ children, loading, error }: { children: ReactNode; loading: ReactNode; error: (e: unknown, retry: () => void) => ReactNode }) {
  const { data, error: queryError, refetch } = useQuery(SelfQuery, { fetchPolicy: SESSION_FETCH_POLICY })
  const signOut = useSignOut()
  const value = useMemo<SessionValue | null>(() => {
    if (!data) return null
    const bindings = toBindings(data.self.user)
    return { user: data.self.user, bindings, access: accessFor(bindings), signOut }
  }, [data, signOut])
  // The first answer draws the whole shell and the page in it.
  const drawn = useDrawnInTransition(value !== null)
  if (!value) return queryError ? error(queryError, () => void refetch()) : loading
  if (!drawn) return loading
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionValue {
  const value = use(SessionContext)
  if (!value) throw new Error('useSession must be used inside a signed-in route')
  return value
}

export function useAccess(): Access {
  return useSession().access
}

export function primaryEmail(user: Pick<SelfUser, 'emails' | 'username'>): string {
  return user.emails.find((e) => e.primary)?.address ?? user.emails[0]?.address ?? user.username
}
