import { useApolloClient, useMutation, useQuery } from '@apollo/client/react'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess, useSession } from '@/features/auth'
import { MemberStatusBadge, primaryAddress, RoleBadge } from '@/features/people'
import type { TeamSummaryFragment } from '@/gql/graphql'
import { firstProblem } from '@/lib/graphql-errors'
import { grantableRolesOn, type Role, ROLE_LABELS, roleScope } from '@/lib/permissions'
import { CreateTeamSystemRoleBindingMutation, DeleteTeamMutation, DeleteTeamSystemRoleBindingMutation, TeamQuery } from './operations'
import { TeamFormDialog } from './team-form-dialog'
import { memberName, teamOrigin } from './team-rows'

const SYSTEM_ROLES = ['SYSTEM_VIEWER', 'SYSTEM_EDITOR', 'SYSTEM_ADMIN'] as const satisfies readonly Role[]

function SystemRoles({ team, canUpdate }: { team: TeamSummaryFragment; canUpdate: boolean }) {
  const { bindings } = useSession()
  const grantable = canUpdate ? grantableRolesOn(bindings, { scope: 'SYSTEM' }) : []
  const refetchQueries = ['Team', 'Self']
  const [grant, granting] = useMutation(CreateTeamSystemRoleBindingMutation, { refetchQueries })
  const [revoke, revoking] = useMutation(DeleteTeamSystemRoleBindingMutation, { refetchQueries })
  const [pending, setPending] = useState<Role | null>(null)
  const held = new Set(team.roleBindings.filter((b) => roleScope(b.role) === 'SYSTEM').map((b) => b.role))
  const error = granting.error ?? revoking.error

  const change = async (role: Role, has: boolean) => {
    setPending(role)
    granting.reset()
    revoking.reset()
    const variables = { teamUuid: team.id, role }
    const ok = await (has ? revoke({ variables }) : grant({ variables })).then(
      (r) => Boolean(r.data),
      () => false,
    )
    setPending(null)
    if (ok)
      toast.success(
        <>
          Team <bdi>{team.name}</bdi>: {ROLE_LABELS[role].toLowerCase()} {has ? 'revoked' : 'granted'}
        </>,
      )
  }

  const shown = SYSTEM_ROLES.filter((r) => held.has(r) || grantable.includes(r))
  return (
    <section aria-labelledby="team-system-heading" className="space-y-2">
      <h2 id="team-system-heading" className="text-lg font-semibold">
        System role
      </h2>
      {shown.length === 0 ? <p className="text-sm text-muted">None: the team's members hold no system role through it.</p> : null}
      <ul className="space-y-2">
        {shown.map((role) => {
          const has = held.has(role)
          return (
            <li key={role} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border bg-surface p-3 text-sm">
              <span>
                <span className="font-medium">{ROLE_LABELS[role]}</span> <span className="text-muted">({has ? 'granted' : 'not granted'})</span>
              </span>
              {grantable.includes(role) ? (
                <Button
                  size="sm"
                  variant={has ? 'secondary' : 'primary'}
                  aria-label={`${has ? 'Revoke' : 'Grant'} ${ROLE_LABELS[role].toLowerCase()} for team ${team.name}`}
                  busy={pending === role}
                  disabled={pending !== null && pending !== role}
                  onClick={() => void change(role, has)}
                >
                  {has ? 'Revoke' : 'Grant'}
                </Button>
              ) : null}
            </li>
          )
        })}
      </ul>
      {error ? <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert> : null}
    </section>
  )
}

function DeleteTeamDialog({ team, onClose }: { team: TeamSummaryFragment; onClose: () => void }) {
  const navigate = useNavigate()
  const client = useApolloClient()
  const [remove, { loading, error }] = useMutation(DeleteTeamMutation, { refetchQueries: ['Self'] })
  const roleCount = team.roleBindings.length
  const confirm = async () => {
    const result = await remove({ variables: { teamUuid: team.id } }).catch(() => null)
    if (!result?.data) return
    toast.success(isolated`Team ${team.name} deleted`)
    onClose()
    await navigate('/admin/teams', { replace: true })
    // Once this page is gone: every cached list of teams drops the removed one.
    client.cache.evict({ id: client.cache.identify({ __typename: 'Team', id: team.id }) })
    client.cache.gc()
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={isolated`Delete team ${team.name}?`}
      description={`Its ${team.users.length} members lose the ${roleCount} role${roleCount === 1 ? '' : 's'} the team gives them. Their own roles and accounts stay.`}
      confirmLabel="Delete team"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}

/** One team: its members, its system role, and its roles in workspaces and on deployments. */
export function TeamPage() {
  const { teamId = '' } = useParams()
  const access = useAccess()
  const { data, loading, error, refetch } = useQuery(TeamQuery, { variables: { teamUuid: teamId } })
  const [action, setAction] = useState<'edit' | 'delete' | null>(null)

  if (!data && loading) return <LoadingState label="Loading the team…" />
  if (!data) return <ErrorState error={error} title="The team could not be loaded" onRetry={() => void refetch()} />

  const team = data.team
  const canUpdate = access.system('system.teams.update')
  const local = team.source === 'LOCAL'
  const scoped = team.roleBindings.filter((b) => roleScope(b.role) !== 'SYSTEM')

  return (
    <>
      <PageHeader
        title={isolated`Team ${team.name}`}
        description={
          <>
            {teamOrigin(team)}
            {team.description ? (
              <>
                {' · '}
                <bdi>{team.description}</bdi>
              </>
            ) : null}
          </>
        }
        actions={
          canUpdate && local ? (
            <>
              <Button onClick={() => setAction('edit')}>Edit team</Button>
              <Button variant="danger" onClick={() => setAction('delete')}>
                Delete team
              </Button>
            </>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="The team could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="space-y-8">
        {local ? null : (
          <InlineAlert tone="info">
            {teamOrigin(team)}: its name and members are managed there and follow it. Its roles are managed here.
          </InlineAlert>
        )}
        <section aria-labelledby="team-members-heading" className="space-y-2">
          <h2 id="team-members-heading" className="text-lg font-semibold">
            Members ({team.users.length})
          </h2>
          {team.users.length === 0 ? (
            <EmptyState title="Nobody is in this team">{canUpdate && local ? 'Edit the team to add people.' : null}</EmptyState>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={`Members of team ${team.name}`}>
              {team.users.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span className="min-w-0 max-w-full">
                    {access.system('system.users.get') ? (
                      <Link to={`/admin/users/${u.id}`} className="inline-block max-w-full truncate align-bottom font-medium underline-offset-2 hover:underline" title={memberName(u)}>
                        {memberName(u)}
                      </Link>
                    ) : (
                      <span className="inline-block max-w-full truncate align-bottom font-medium" title={memberName(u)}>
                        {memberName(u)}
                      </span>
                    )}
                    <span className="block break-all text-xs text-muted">{primaryAddress(u)}</span>
                  </span>
                  <MemberStatusBadge status={u.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <SystemRoles team={team} canUpdate={canUpdate} />
        <section aria-labelledby="team-roles-heading" className="space-y-2">
          <h2 id="team-roles-heading" className="text-lg font-semibold">
            Roles in workspaces and on deployments
          </h2>
          <p className="text-sm text-muted">Workspace admins give teams these roles on their workspace's Teams page; deployment admins on a deployment's.</p>
          {scoped.length === 0 ? (
            <EmptyState title="No workspace or deployment role yet" />
          ) : (
            <ul className="space-y-1 text-sm" aria-label={`Roles of team ${team.name}`}>
              {scoped.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center gap-2">
                  <RoleBadge role={b.role} />
                  {b.deployment ? (
                    <span className="min-w-0 wrap-anywhere">
                      on deployment{' '}
                      <Link to={`/workspaces/${b.deployment.workspace.id}/deployments/${b.deployment.id}/teams`} className="underline-offset-2 hover:underline">
                        <bdi>{b.deployment.label}</bdi>
                      </Link>
                      {b.workspace ? (
                        <>
                          {' in '}
                          <bdi>{b.workspace.label}</bdi>
                        </>
                      ) : null}
                    </span>
                  ) : b.workspace ? (
                    <span className="min-w-0 wrap-anywhere">
                      of workspace{' '}
                      <Link to={`/workspaces/${b.workspace.id}/teams`} className="underline-offset-2 hover:underline">
                        <bdi>{b.workspace.label}</bdi>
                      </Link>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {action === 'edit' ? <TeamFormDialog team={team} onClose={() => setAction(null)} /> : null}
      {action === 'delete' ? <DeleteTeamDialog team={team} onClose={() => setAction(null)} /> : null}
    </>
  )
}
