import { skipToken, useQuery } from '@apollo/client/react'
import { useMemo } from 'react'
import { Link, useParams } from 'react-router'
import { inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { primaryAddress } from '@/features/people'
import type { UserAccessFragment } from '@/gql/graphql'
import { explainPermissions, type PermissionSource } from '@/lib/permissions'
import { useSearchState } from '@/lib/search-params'
import { accessScopeSchema, bindingsOf, fullRoleName, placeOf, roleRows, sourceText, targetOf, workspacesOf } from './access-explained'
import { AccessDeploymentsQuery, AccountAccessQuery, UserAccessQuery } from './operations'

/** "deployment X in Y", "workspace Y" or "the platform", each name isolated from the words around it. */
function Place({ deployment, workspace }: { deployment: string | null | undefined; workspace: string | null | undefined }) {
  return placeOf(deployment, workspace, isolated)
}

/** sourceText, with a team's name isolated from the role after it. */
function Source({ source }: { source: PermissionSource }) {
  if (source.kind !== 'team') return sourceText(source)
  return (
    <>
      Team <bdi>{source.teamName}</bdi>: {fullRoleName(source.role)}
    </>
  )
}

function AccessView({ user, self }: { user: UserAccessFragment; self: boolean }) {
  const access = useAccess()
  const [scope, setScope] = useSearchState(accessScopeSchema)
  const workspaces = useMemo(() => workspacesOf(user.roleBindings), [user.roleBindings])
  const ws = workspaces.find((w) => w.id === scope.ws)
  const deployments = useQuery(AccessDeploymentsQuery, ws ? { variables: { workspaceUuid: ws.id } } : skipToken)
  const dep = deployments.data?.workspaceDeployments.find((d) => d.id === scope.dep)
  const wsId = ws?.id ?? ''
  const depId = ws && dep ? dep.id : ''
  const target = useMemo(() => targetOf({ ws: wsId, dep: depId }), [wsId, depId])
  const explained = useMemo(() => explainPermissions(bindingsOf(user.roleBindings), target), [user.roleBindings, target])
  const rows = useMemo(() => roleRows(user.roleBindings), [user.roleBindings])
  const name = user.fullName ?? user.username
  const canOpenTeams = access.system('system.teams.get')

  return (
    <>
      <PageHeader
        title={self ? 'Your roles and permissions' : isolated`Roles and permissions of ${name}`}
        description={
          <>
            <bdi>{primaryAddress(user)}</bdi>. Roles come from {self ? 'your' : 'their'} own bindings and from {self ? 'your' : 'their'} teams; where they differ, the most permissive applies.
          </>
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="access-teams-heading" className="space-y-2">
          <h2 id="access-teams-heading" className="text-lg font-semibold">
            Teams ({user.teams.length})
          </h2>
          {user.teams.length === 0 ? (
            <p className="text-sm text-muted">
              {self ? (
                'You are'
              ) : (
                <>
                  <bdi>{name}</bdi> is
                </>
              )}{' '}
              in no team.
            </p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Teams">
              {user.teams.map((t) => (
                <li key={t.id} className="rounded-full border border-border-strong px-3 py-1 text-sm">
                  {canOpenTeams ? (
                    <Link to={`/admin/teams/${t.id}`} className="underline-offset-2 hover:underline">
                      <bdi>{t.name}</bdi>
                    </Link>
                  ) : (
                    <bdi>{t.name}</bdi>
                  )}
                  {t.source === 'IDP' ? (
                    <span className="text-muted">
                      {' ('}
                      {t.provider ? <bdi>{t.provider}</bdi> : 'identity provider'})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="access-roles-heading" className="space-y-2">
          <h2 id="access-roles-heading" className="text-lg font-semibold">
            Roles
          </h2>
          {rows.length === 0 ? (
            <EmptyState title="No roles">{self ? 'You can create a workspace, or ask to be invited to one.' : 'They can create a workspace, or be invited to one.'}</EmptyState>
          ) : (
            <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
              <table className="w-full min-w-[32rem] text-sm">
                <caption className="sr-only">Roles of {name}</caption>
                <thead className="border-b border-border bg-surface-sunken text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Role
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      On
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Held
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.id}-${r.team?.id ?? 'own'}`} className="border-b border-border last:border-0">
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <span className="font-medium">{fullRoleName(r.role)}</span>
                      </th>
                      <td className="px-3 py-2"><Place deployment={r.deploymentLabel} workspace={r.workspaceLabel} /></td>
                      <td className="px-3 py-2">
                        {r.team ? (
                          <>
                            Through team <bdi>{r.team.name}</bdi>
                          </>
                        ) : (
                          'Own role'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
        </section>

        <section aria-labelledby="access-perms-heading" className="space-y-3">
          <h2 id="access-perms-heading" className="text-lg font-semibold">
            Permissions and where they come from
          </h2>
          <div className="flex flex-wrap gap-3" role="group" aria-label="Where to explain">
            <label className="flex min-w-48 flex-col gap-1 text-sm">
              <span className="font-medium">Workspace</span>
              <select className={inputClasses} value={ws?.id ?? ''} onChange={(e) => setScope({ ws: e.target.value, dep: '' })}>
                <option value="">None: the platform</option>
                {workspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.label}
                  </option>
                ))}
              </select>
            </label>
            {ws ? (
              <label className="flex min-w-48 flex-col gap-1 text-sm">
                <span className="font-medium">Deployment</span>
                <select className={inputClasses} value={dep?.id ?? ''} onChange={(e) => setScope({ dep: e.target.value })} disabled={!deployments.data}>
                  <option value="">None: the workspace</option>
                  {(deployments.data?.workspaceDeployments ?? []).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          {deployments.error ? <ErrorState error={deployments.error} title="The deployments could not be loaded" onRetry={() => void deployments.refetch()} /> : null}
          <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full min-w-[32rem] text-sm">
              <caption className="px-3 py-2 text-left text-sm text-muted">
                {explained.length} permissions on <Place deployment={ws ? dep?.label : null} workspace={ws?.label} />
              </caption>
              <thead className="border-b border-border bg-surface-sunken text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Permission
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Comes from
                  </th>
                </tr>
              </thead>
              <tbody>
                {explained.map((e) => (
                  <tr key={e.permission} className="border-b border-border align-top last:border-0">
                    <th scope="row" className="px-3 py-1.5 text-left font-mono text-xs font-normal">
                      {e.permission}
                    </th>
                    <td className="px-3 py-1.5">
                      <ul>
                        {e.sources.map((s) => (
                          <li key={sourceText(s)}>
                            <Source source={s} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </section>
      </div>
    </>
  )
}

/** The signed-in user's own roles, teams and permissions. */
export function AccountAccessPage() {
  const { data, loading, error, refetch } = useQuery(AccountAccessQuery)
  if (!data && loading) return <LoadingState label="Loading your roles…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />
  return (
    <>
      {error ? <ErrorState error={error} title="Your roles could not be refreshed" onRetry={() => void refetch()} /> : null}
      <AccessView user={data.self.user} self />
    </>
  )
}

/** A user's roles, teams and permissions, for system admins. */
export function AdminUserAccessPage() {
  const { userId = '' } = useParams()
  const { data, loading, error, refetch } = useQuery(UserAccessQuery, { variables: { userUuid: userId } })
  if (!data && loading) return <LoadingState label="Loading the user’s access…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />
  const user = data.users[0]
  if (!user) return <EmptyState title="No such user">The user may have been removed.</EmptyState>
  return (
    <>
      {error ? <ErrorState error={error} title="The user’s access could not be refreshed" onRetry={() => void refetch()} /> : null}
      <AccessView user={user} self={false} />
    </>
  )
}
