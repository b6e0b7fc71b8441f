import { useMutation, useQuery } from '@apollo/client/react'
import { useMemo, useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { FieldShell, inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert, LoadingState } from '@/components/ui/states'
import {
  choicesFromBindings,
  DeploymentRolesBlock,
  type DeploymentOption,
  type DeploymentRoleChoices,
  deploymentOfProblem,
  deploymentRolesInput,
  RoleRadios,
  useGrantableDeploymentRoles,
} from '@/features/people'
import { apiProblems } from '@/lib/graphql-errors'
import { type Role, ROLE_LABELS } from '@/lib/permissions'
import { TeamChoicesQuery, WorkspaceAddTeamMutation, WorkspaceRemoveTeamMutation, WorkspaceUpdateTeamRoleMutation } from './operations'
import { addableTeams, teamOrigin, type WorkspaceTeamRow } from './team-rows'

interface Ctx {
  workspaceId: string
  workspaceLabel: string
  deployments: readonly DeploymentOption[]
  /** Workspace roles the signed-in user may grant here. */
  roles: readonly Role[]
}

// Team roles decide what the signed-in user may do when they are a member.
const REFETCH = ['WorkspaceTeams', 'Self']

interface FormProps {
  ctx: Ctx
  /** The team whose roles change; null: choose a team to add. */
  row: WorkspaceTeamRow | null
  rows: readonly WorkspaceTeamRow[]
  onClose: () => void
}

function TeamRolesForm({ ctx, row, rows, onClose }: FormProps) {
  const choosing = row === null
  const choices = useQuery(TeamChoicesQuery, choosing ? { variables: { workspaceUuid: ctx.workspaceId } } : { skip: true })
  const options = useMemo(() => addableTeams(choices.data?.teams ?? [], rows), [choices.data, rows])
  const [teamId, setTeamId] = useState(row?.team.id ?? '')
  const [role, setRole] = useState<Role | null>(row?.workspaceRole ?? (ctx.roles.includes('WORKSPACE_VIEWER') ? 'WORKSPACE_VIEWER' : (ctx.roles[0] ?? null)))
  const initial = useMemo(() => choicesFromBindings(row?.deploymentRoles.map((d) => ({ role: d.role, deployment: { id: d.deploymentId } })) ?? []), [row])
  const [deploymentChoices, setDeploymentChoices] = useState<DeploymentRoleChoices>(initial)
  const deploymentRoles = useGrantableDeploymentRoles(
    ctx.workspaceId,
    ctx.deployments.map((d) => d.id),
  )
  const [add, adding] = useMutation(WorkspaceAddTeamMutation, { refetchQueries: REFETCH })
  const [update, updating] = useMutation(WorkspaceUpdateTeamRoleMutation, { refetchQueries: REFETCH })
  const [problems, setProblems] = useState<{ team?: string; role?: string; other?: string; deployments: Record<string, string> }>({ deployments: {} })
  const busy = adding.loading || updating.loading
  const teamName = row?.team.name ?? options.find((t) => t.id === teamId)?.name ?? 'the team'

  const save = async () => {
    if (!teamId) {
      setProblems({ team: 'Choose a team.', deployments: {} })
      return
    }
    if (!role) return
    const sent = deploymentRolesInput(deploymentChoices, ctx.deployments)
    const base = { workspaceUuid: ctx.workspaceId, teamUuid: teamId, role }
    setProblems({ deployments: {} })
    try {
      if (row?.workspaceRole) {
        await update({ variables: { ...base, deploymentRoles: sent } })
      } else {
        await add({ variables: { ...base, deploymentRoles: sent } })
        // A team that already had deployment roles here: the list chosen replaces them.
        const dropped = Object.keys(initial).some((id) => !sent.some((s) => s.deploymentUuid === id))
        if (dropped) await update({ variables: { ...base, deploymentRoles: sent } })
      }
    } catch (error: unknown) {
      const next: typeof problems = { deployments: {} }
      for (const p of apiProblems(error)) {
        const deploymentId = deploymentOfProblem(p.field, sent)
        if (deploymentId) next.deployments[deploymentId] = p.message
        else if (p.field === 'teamUuid') next.team = p.message
        else if (p.field === 'role') next.role = p.message
        else next.other = p.message
      }
      setProblems(next)
      return
    }
    const count = sent.length
    toast.success(
      <>
        <bdi>{teamName}</bdi> is now {ROLE_LABELS[role].toLowerCase()} of <bdi>{ctx.workspaceLabel}</bdi>
        {count ? `, with roles on ${count} deployment${count === 1 ? '' : 's'}` : ''}
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
        ) : options.length === 0 ? (
          <InlineAlert tone="info">Every team already has a role in <bdi>{ctx.workspaceLabel}</bdi>. A system admin can create more teams.</InlineAlert>
        ) : (
          <FieldShell label="Team" error={problems.team}>
            {({ id, describedBy, invalid }) => (
              <select id={id} className={inputClasses} aria-describedby={describedBy} aria-invalid={invalid} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
                <option value="">Choose a team</option>
                {options.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.users.length} member{t.users.length === 1 ? '' : 's'}, {teamOrigin(t).toLowerCase()})
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        )
      ) : (
        <p className="text-sm">
          {row.team.users.length} member{row.team.users.length === 1 ? '' : 's'} · {teamOrigin(row.team)}
        </p>
      )}
      <RoleRadios legend="Workspace role" roles={ctx.roles} value={role} onChange={setRole} />
      {problems.role ? <InlineAlert tone="danger">{problems.role}</InlineAlert> : null}
      <DeploymentRolesBlock
        legend="Deployment roles (optional)"
        hint="A chosen deployment gets its role in place of the workspace role for the team's members. Where a member also has a role of their own, the more permissive applies."
        deployments={ctx.deployments}
        roles={deploymentRoles}
        value={deploymentChoices}
        onChange={setDeploymentChoices}
        errors={problems.deployments}
        disabled={busy}
      />
      {problems.other ? <InlineAlert tone="danger">{problems.other}</InlineAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} disabled={choosing && options.length === 0}>
          {row?.workspaceRole ? 'Save roles' : 'Add team'}
        </Button>
      </div>
    </form>
  )
}

/** Adds a team to the workspace (row null), or changes a team's roles there. */
export function TeamRolesDialog({ ctx, row, rows, onClose }: FormProps) {
  const title = row ? isolated`Roles of team ${row.team.name} in ${ctx.workspaceLabel}` : isolated`Add a team to ${ctx.workspaceLabel}`
  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : onClose())} title={title} description="The team's members hold these roles on top of their own; the most permissive applies.">
      <TeamRolesForm key={row?.team.id ?? 'new'} ctx={ctx} row={row} rows={rows} onClose={onClose} />
    </Dialog>
  )
}

export function RemoveTeamDialog({ ctx, row, onClose }: { ctx: Ctx; row: WorkspaceTeamRow; onClose: () => void }) {
  const [remove, { loading, error }] = useMutation(WorkspaceRemoveTeamMutation, { refetchQueries: REFETCH })
  const deploymentCount = row.deploymentRoles.length
  const confirm = async () => {
    const result = await remove({ variables: { workspaceUuid: ctx.workspaceId, teamUuid: row.team.id } }).catch(() => null)
    if (!result?.data) return
    toast.success(isolated`Team ${row.team.name} removed from ${ctx.workspaceLabel}`)
    onClose()
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={isolated`Remove team ${row.team.name} from ${ctx.workspaceLabel}?`}
      description={`Its ${row.team.users.length} members lose the roles the team gives them here${deploymentCount ? `, including ${deploymentCount} deployment role${deploymentCount === 1 ? '' : 's'}` : ''}. Their own roles, and the team itself, stay.`}
      confirmLabel="Remove team"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}
