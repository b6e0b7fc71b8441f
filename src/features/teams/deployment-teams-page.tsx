import { useMutation, useQuery } from '@apollo/client/react'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { FieldShell, inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { RoleBadge, RoleRadios, useGrantableRoles } from '@/features/people'
import { apiProblems } from '@/lib/graphql-errors'
import { deploymentRoleOf, type Role, ROLE_LABELS } from '@/lib/permissions'
import { DeploymentAddTeamRoleMutation, DeploymentRemoveTeamRoleMutation, DeploymentTeamsQuery, DeploymentUpdateTeamRoleMutation, TeamChoicesQuery } from './operations'
import { bindingsOfTeam, type DeploymentTeamRow, deploymentTeamRows, teamOrigin } from './team-rows'

interface Ctx {
  workspaceId: string
  deploymentId: string
  deploymentLabel: string
  roles: readonly Role[]
}

const REFETCH = ['DeploymentTeams', 'Self']

/** Sets a team's own role on the deployment; with no row, a team is chosen first. */
function TeamRoleForm({ ctx, row, rows, onClose }: { ctx: Ctx; row: DeploymentTeamRow | null; rows: readonly DeploymentTeamRow[]; onClose: () => void }) {
  const choosing = row === null
  const choices = useQuery(TeamChoicesQuery, choosing ? { variables: { deploymentUuid: ctx.deploymentId } } : { skip: true })
  const options = useMemo(() => {
    const holding = new Set(rows.filter((r) => r.deploymentRole).map((r) => r.team.id))
    return (choices.data?.teams ?? []).filter((t) => !holding.has(t.id))
  }, [choices.data, rows])
  const [teamId, setTeamId] = useState(row?.team.id ?? '')
  const [role, setRole] = useState<Role | null>(row?.deploymentRole ?? null)
  const [add, adding] = useMutation(DeploymentAddTeamRoleMutation, { refetchQueries: REFETCH })
  const [update, updating] = useMutation(DeploymentUpdateTeamRoleMutation, { refetchQueries: REFETCH })
  const [problem, setProblem] = useState<{ team?: string; other?: string }>({})
  const existing = row ?? rows.find((r) => r.team.id === teamId) ?? null
  const name = existing?.team.name ?? options.find((t) => t.id === teamId)?.name ?? 'the team'
  const preview = role && existing ? deploymentRoleOf([...bindingsOfTeam(existing.team).filter((b) => b.deploymentId !== ctx.deploymentId), { role, workspaceId: ctx.workspaceId, deploymentId: ctx.deploymentId }], ctx.workspaceId, ctx.deploymentId) : role

  const save = async () => {
    if (!teamId) {
      setProblem({ team: 'Choose a team.' })
      return
    }
    if (!role) return
    const variables = { deploymentUuid: ctx.deploymentId, teamUuid: teamId, role }
    try {
      if (existing?.deploymentRole) await update({ variables })
      else await add({ variables })
    } catch (error: unknown) {
      const p = apiProblems(error)[0]
      setProblem(p?.field === 'teamUuid' ? { team: p.message } : { other: p?.message ?? 'Refused by the server.' })
      return
    }
    toast.success(
      <>
        Team <bdi>{name}</bdi> now has the deployment role {ROLE_LABELS[role].toLowerCase()} on <bdi>{ctx.deploymentLabel}</bdi>
      </>,
    )
    onClose()
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {choosing ? (
        choices.loading && !choices.data ? (
          <LoadingState label="Loading teams…" />
        ) : choices.error && !choices.data ? (
          <InlineAlert tone="danger">The teams could not be loaded: {apiProblems(choices.error)[0]?.message}</InlineAlert>
        ) : (
          <FieldShell label="Team" error={problem.team}>
            {({ id, describedBy, invalid }) => (
              <select id={id} className={inputClasses} aria-describedby={describedBy} aria-invalid={invalid} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
                <option value="">Choose a team</option>
                {options.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.users.length} member{t.users.length === 1 ? '' : 's'})
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        )
      ) : (
        <p className="text-sm">Workspace role of the team: {row.workspaceRole ? ROLE_LABELS[row.workspaceRole] : 'none'}. A deployment role replaces it on this deployment only.</p>
      )}
      <RoleRadios legend="Role on this deployment" roles={ctx.roles} value={role} onChange={setRole} />
      {preview ? (
        <p role="status" className="text-sm">
          Members get on <bdi>{ctx.deploymentLabel}</bdi> from the team: <strong>{ROLE_LABELS[preview]}</strong>
        </p>
      ) : null}
      {problem.other ? <InlineAlert tone="danger">{problem.other}</InlineAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={adding.loading || updating.loading} disabled={!role || role === row?.deploymentRole}>
          Save team role
        </Button>
      </div>
    </form>
  )
}

function RemoveTeamRoleDialog({ ctx, row, onClose }: { ctx: Ctx; row: DeploymentTeamRow; onClose: () => void }) {
  const [remove, { loading, error }] = useMutation(DeploymentRemoveTeamRoleMutation, { refetchQueries: REFETCH })
  const confirm = async () => {
    const result = await remove({ variables: { deploymentUuid: ctx.deploymentId, teamUuid: row.team.id } }).catch(() => null)
    if (!result?.data) return
    toast.success(isolated`Team ${row.team.name}'s role on ${ctx.deploymentLabel} removed`)
    onClose()
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={isolated`Remove team ${row.team.name}'s role on ${ctx.deploymentLabel}?`}
      description={
        row.workspaceRole
          ? `The team's workspace role applies here again: ${ROLE_LABELS[row.workspaceRole].toLowerCase()}.`
          : 'The team has no workspace role: its members lose what the team gave them here. Their own roles stay.'
      }
      confirmLabel="Remove team role"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}

type Action = { kind: 'set'; row: DeploymentTeamRow | null } | { kind: 'remove'; row: DeploymentTeamRow } | null

export function DeploymentTeamsPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const access = useAccess()
  const { data, loading, error, refetch } = useQuery(DeploymentTeamsQuery, { variables: { deploymentUuid: deploymentId } })
  const roles = useGrantableRoles({ scope: 'DEPLOYMENT', workspaceId, deploymentId })
  const [action, setAction] = useState<Action>(null)
  const rows = useMemo(() => (data ? deploymentTeamRows(data.deploymentTeams, workspaceId, deploymentId) : []), [data, workspaceId, deploymentId])

  if (!data && loading) return <LoadingState label="Loading teams…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const dep = data.deployment
  const canManage = access.deployment(workspaceId, deploymentId, 'deployment.teamRoles.update') && roles.length > 0
  const canOpenTeams = access.system('system.teams.get')
  const ctx: Ctx = { workspaceId, deploymentId, deploymentLabel: dep.label, roles }

  return (
    <>
      <PageHeader
        title={isolated`${dep.label}: teams`}
        description={
          <>
            A team's workspace role in <bdi>{dep.workspace.label}</bdi> applies here; a deployment role of the team replaces it on this deployment only. Members hold the team's role on top of their own, the more permissive applying.{' '}
            {canManage ? null : 'Only admins of this deployment change these roles.'}
          </>
        }
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => setAction({ kind: 'set', row: null })}>
              Add team
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="The teams could not be refreshed" onRetry={() => void refetch()} /> : null}
      {rows.length === 0 ? (
        <EmptyState title="No team has a role on this deployment">{canManage ? 'Add a team to give all its members a role here at once.' : null}</EmptyState>
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">Teams with roles on deployment {dep.label}</caption>
            <thead className="border-b border-border bg-surface-sunken text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Team
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Workspace role
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Deployment role
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Effective here
                </th>
                {canManage ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.team.id} className="border-b border-border last:border-0">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {canOpenTeams ? (
                      <Link to={`/admin/teams/${row.team.id}`} className="inline-block max-w-xs truncate align-bottom font-medium underline-offset-2 hover:underline" title={row.team.name}>
                        {row.team.name}
                      </Link>
                    ) : (
                      <span className="inline-block max-w-xs truncate align-bottom font-medium" title={row.team.name}>
                        {row.team.name}
                      </span>
                    )}
                    <span className="block text-xs text-muted">
                      {row.team.users.length} member{row.team.users.length === 1 ? '' : 's'} · {teamOrigin(row.team)}
                    </span>
                  </th>
                  <td className="px-3 py-2">{row.workspaceRole ? <RoleBadge role={row.workspaceRole} /> : <span className="text-muted">None</span>}</td>
                  <td className="px-3 py-2">{row.deploymentRole ? <RoleBadge role={row.deploymentRole} /> : <span className="text-muted">From workspace</span>}</td>
                  <td className="px-3 py-2">{row.effective ? <strong>{ROLE_LABELS[row.effective]}</strong> : null}</td>
                  {canManage ? (
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap justify-end gap-2">
                        <Button size="sm" aria-label={`${row.deploymentRole ? 'Change deployment role' : 'Set deployment role'} of team ${row.team.name}`} onClick={() => setAction({ kind: 'set', row })}>
                          {row.deploymentRole ? 'Change deployment role' : 'Set deployment role'}
                        </Button>
                        {row.deploymentRole ? (
                          <Button size="sm" variant="ghost" aria-label={`Remove deployment role of team ${row.team.name}`} onClick={() => setAction({ kind: 'remove', row })}>
                            Remove deployment role
                          </Button>
                        ) : null}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {canManage && action?.kind === 'set' ? (
        <Dialog open onOpenChange={(o) => (o ? undefined : setAction(null))} title={action.row ? isolated`Deployment role of team ${action.row.team.name} on ${dep.label}` : isolated`Add a team to ${dep.label}`}>
          <TeamRoleForm key={action.row?.team.id ?? 'new'} ctx={ctx} row={action.row} rows={rows} onClose={() => setAction(null)} />
        </Dialog>
      ) : null}
      {canManage && action?.kind === 'remove' ? <RemoveTeamRoleDialog ctx={ctx} row={action.row} onClose={() => setAction(null)} /> : null}
    </>
  )
}
