import { useMutation, useQuery } from '@apollo/client/react'
import { useMemo, useState } from 'react'
import { useParams } from 'react-router'
import { toast } from 'sonner'
import { Button, buttonClasses } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { inputClasses } from '@/components/ui/field'
import { isolated, isolatedList } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { UrlCheckbox } from '@/components/ui/url-checkbox'
import { useAccess, useSession } from '@/features/auth'
import { firstProblem } from '@/lib/graphql-errors'
import { type Role, ROLE_LABELS } from '@/lib/permissions'
import { useSearchState } from '@/lib/search-params'
import { accessRows, accessSearchSchema, type AccessRow, effectiveWith, filterAccessRows, liftingTeams, overrideIrrelevance } from './access-rows'
import { DeploymentAccessQuery, DeploymentAddUserRoleMutation, DeploymentRemoveUserRoleMutation, DeploymentUpdateUserRoleMutation } from './operations'
import { RoleBadge, RoleRadios, useGrantableRoles } from './role-choice'

interface Ctx {
  workspaceId: string
  deploymentId: string
  deploymentLabel: string
  isSelf: boolean
}

function SetRoleForm({ row, roles, ctx, onClose }: { row: AccessRow; roles: readonly Role[]; ctx: Ctx; onClose: () => void }) {
  const [role, setRole] = useState<Role | null>(row.override?.role ?? null)
  const refetchQueries = ctx.isSelf ? ['Self'] : []
  const [add, adding] = useMutation(DeploymentAddUserRoleMutation, { refetchQueries })
  const [update, updating] = useMutation(DeploymentUpdateUserRoleMutation, { refetchQueries })
  const error = adding.error ?? updating.error
  const irrelevant = overrideIrrelevance(row, isolated)
  const preview = role ? effectiveWith(row, role, ctx.workspaceId, ctx.deploymentId) : null

  const save = async () => {
    if (!role) return
    const variables = { deploymentUuid: ctx.deploymentId, userId: row.userId, role }
    const ok = row.override ? await update({ variables }).then((r) => Boolean(r.data), () => false) : await add({ variables }).then((r) => Boolean(r.data), () => false)
    if (!ok) return
    toast.success(
      <>
        <bdi>{row.name}</bdi> now has the deployment role {ROLE_LABELS[role].toLowerCase()} on <bdi>{ctx.deploymentLabel}</bdi>
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
      <p className="text-sm">
        Workspace role: {row.workspaceRole ? ROLE_LABELS[row.workspaceRole] : 'none'}. A deployment role replaces it on this deployment only, narrower or wider.
      </p>
      {irrelevant ? <InlineAlert tone="info">{irrelevant}</InlineAlert> : null}
      <RoleRadios legend="Role on this deployment" roles={roles} value={role} onChange={setRole} />
      {preview ? (
        <p role="status" className="text-sm">
          Effective role on <bdi>{ctx.deploymentLabel}</bdi> after saving: <strong>{ROLE_LABELS[preview]}</strong>
        </p>
      ) : null}
      {error ? <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={adding.loading || updating.loading} disabled={!role || role === row.override?.role}>
          Save deployment role
        </Button>
      </div>
    </form>
  )
}

function RemoveOverrideDialog({ row, ctx, onClose }: { row: AccessRow; ctx: Ctx; onClose: () => void }) {
  const [remove, { loading, error }] = useMutation(DeploymentRemoveUserRoleMutation, { refetchQueries: ctx.isSelf ? ['Self'] : [] })
  const after = effectiveWith(row, null, ctx.workspaceId, ctx.deploymentId)
  const confirm = async () => {
    const result = await remove({ variables: { deploymentUuid: ctx.deploymentId, userId: row.userId } }).catch(() => null)
    if (!result?.data) return
    toast.success(isolated`${row.name}'s deployment role on ${ctx.deploymentLabel} removed`)
    onClose()
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={isolated`Remove ${row.name}'s role on ${ctx.deploymentLabel}?`}
      description={
        after
          ? `Their workspace role applies again: ${ROLE_LABELS[after].toLowerCase()} on this deployment.`
          : 'They have no workspace role: they lose all access to this deployment, and to the workspace if this was their only role in it.'
      }
      confirmLabel="Remove deployment role"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}

type Action = { kind: 'set' | 'remove'; row: AccessRow } | null

export function DeploymentAccessPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const access = useAccess()
  const { user } = useSession()
  const [search, setSearch] = useSearchState(accessSearchSchema)
  const { data, loading, error, refetch } = useQuery(DeploymentAccessQuery, { variables: { workspaceUuid: workspaceId, deploymentUuid: deploymentId } })
  const roles = useGrantableRoles({ scope: 'DEPLOYMENT', workspaceId, deploymentId })
  const [action, setAction] = useState<Action>(null)

  const rows = useMemo(() => (data ? accessRows(data.workspace.roleBindings, data.deployment.roleBindings, workspaceId, deploymentId) : []), [data, workspaceId, deploymentId])
  const visible = useMemo(() => filterAccessRows(rows, search), [rows, search])

  if (!data && loading) return <LoadingState label="Loading access…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const dep = data.deployment
  const canManage = access.workspace(workspaceId, 'workspace.iam.update') && roles.length > 0
  const overrides = rows.filter((r) => r.override).length
  const ctxOf = (row: AccessRow): Ctx => ({ workspaceId, deploymentId, deploymentLabel: dep.label, isSelf: row.userId === user.id })

  return (
    <>
      <PageHeader
        title={isolated`${dep.label}: access`}
        description={
          <>
            Each member's workspace role applies to every deployment of <bdi>{data.workspace.label}</bdi>; a deployment role replaces it here only. Workspace and system admins are admins of every deployment.{' '}
            {canManage ? null : 'Only workspace admins change these roles.'}
          </>
        }
      />
      {error ? <ErrorState error={error} title="Access could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter people">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search</span>
          <input type="search" className={inputClasses} placeholder="Name or email" value={search.q} onChange={(e) => setSearch({ q: e.target.value })} />
        </label>
        <UrlCheckbox className="pb-2" checked={search.only === 'overrides'} onChange={(checked) => setSearch({ only: checked ? 'overrides' : undefined })}>
          Only people with a deployment role ({overrides})
        </UrlCheckbox>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="Nobody has access yet" />
      ) : visible.length === 0 ? (
        <EmptyState
          title="Nobody matches these filters"
          action={
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => setSearch({ q: '', only: undefined })}>
              Clear filters
            </button>
          }
        />
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">Roles on deployment {dep.label}</caption>
            <thead className="border-b border-border bg-surface-sunken text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Person
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
              {visible.map((row) => (
                <tr key={row.userId} className="border-b border-border last:border-0">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="inline-block max-w-xs truncate align-bottom font-medium" title={row.name}>
                      {row.name}
                    </span>
                    {row.userId === user.id ? <span className="text-muted"> (you)</span> : null}
                    <span className="block break-all text-xs text-muted">{row.email}</span>
                  </th>
                  <td className="px-3 py-2">{row.workspaceRole ? <RoleBadge role={row.workspaceRole} /> : <span className="text-muted">None</span>}</td>
                  <td className="px-3 py-2">{row.override ? <RoleBadge role={row.override.role} /> : <span className="text-muted">From workspace</span>}</td>
                  <td className="px-3 py-2">
                    {row.effective ? <strong>{ROLE_LABELS[row.effective]}</strong> : <span className="text-muted">No access</span>}
                    {row.systemRole === 'SYSTEM_ADMIN' ? <span className="block text-xs text-muted">as system admin</span> : null}
                    {liftingTeams(row).length ? <span className="block text-xs text-muted">through team {isolatedList(liftingTeams(row))}</span> : null}
                  </td>
                  {canManage ? (
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap justify-end gap-2">
                        <Button size="sm" aria-label={`${row.override ? 'Change deployment role' : 'Set deployment role'} of ${row.name}`} onClick={() => setAction({ kind: 'set', row })}>
                          {row.override ? 'Change deployment role' : 'Set deployment role'}
                        </Button>
                        {row.override ? (
                          <Button size="sm" variant="ghost" aria-label={`Remove deployment role of ${row.name}`} onClick={() => setAction({ kind: 'remove', row })}>
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
        <Dialog open onOpenChange={(o) => (o ? undefined : setAction(null))} title={isolated`Deployment role of ${action.row.name} on ${dep.label}`}>
          <SetRoleForm key={action.row.userId} row={action.row} roles={roles} ctx={ctxOf(action.row)} onClose={() => setAction(null)} />
        </Dialog>
      ) : null}
      {canManage && action?.kind === 'remove' ? <RemoveOverrideDialog row={action.row} ctx={ctxOf(action.row)} onClose={() => setAction(null)} /> : null}
    </>
  )
}
