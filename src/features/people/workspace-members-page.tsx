import { useQuery } from '@apollo/client/react'
import { useMemo, useState } from 'react'
import { useParams } from 'react-router'
import { Button, buttonClasses } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess, useSession } from '@/features/auth'
import { formatDateTime } from '@/lib/format'
import { ROLE_LABELS } from '@/lib/permissions'
import { useSearchState } from '@/lib/search-params'
import { InviteDialog } from './invite-dialog'
import { ChangeRoleDialog, RemoveMemberDialog, RevokeInviteDialog } from './member-dialogs'
import { filterMembers, lastAdminReason, memberRows, membersSearchSchema, type MemberRow, ROLE_FILTERS, type RoleFilter } from './member-rows'
import { WorkspaceMembersQuery } from './operations'
import { RoleBadge, useGrantableRoles } from './role-choice'
import { MemberStatusBadge } from './status-badge'

type Action = { kind: 'role' | 'remove' | 'revoke'; row: MemberRow } | null

export function WorkspaceMembersPage() {
  const { workspaceId = '' } = useParams()
  const access = useAccess()
  const { user } = useSession()
  const [search, setSearch] = useSearchState(membersSearchSchema)
  const { data, loading, error, refetch } = useQuery(WorkspaceMembersQuery, { variables: { workspaceUuid: workspaceId } })
  const roles = useGrantableRoles({ scope: 'WORKSPACE', workspaceId })
  const [inviting, setInviting] = useState(false)
  const [action, setAction] = useState<Action>(null)

  const rows = useMemo(() => (data ? memberRows(data.workspace.roleBindings, data.workspace.invites) : []), [data])
  const visible = useMemo(() => filterMembers(rows, search), [rows, search])
  const existing = useMemo(
    () => ({ memberEmails: rows.filter((r) => r.kind === 'member').map((r) => r.email), inviteEmails: rows.filter((r) => r.kind === 'invite').map((r) => r.email) }),
    [rows],
  )

  if (!data && loading) return <LoadingState label="Loading members…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const ws = data.workspace
  const canManage = access.workspace(workspaceId, 'workspace.iam.update') && roles.length > 0
  const memberCount = rows.filter((r) => r.kind === 'member').length
  const inviteCount = rows.length - memberCount
  const filtered = search.q.trim() !== '' || search.role !== undefined

  return (
    <>
      <PageHeader
        title={isolated`${ws.label}: members`}
        description={
          <>
            {memberCount} member{memberCount === 1 ? '' : 's'}
            {inviteCount ? `, ${inviteCount} pending invite${inviteCount === 1 ? '' : 's'}` : ''}.{' '}
            {canManage ? null : 'Your role lets you see the members; only workspace admins change them.'}
          </>
        }
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => setInviting(true)}>
              Invite people
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="The member list could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="mb-3 flex flex-wrap gap-3" role="search" aria-label="Filter members">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search</span>
          <input type="search" className={inputClasses} placeholder="Name or email" value={search.q} onChange={(e) => setSearch({ q: e.target.value })} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Role</span>
          <select className={inputClasses} value={search.role ?? ''} onChange={(e) => setSearch({ role: (e.target.value || undefined) as RoleFilter | undefined })}>
            <option value="">Any role</option>
            {ROLE_FILTERS.map((r) => (
              <option key={r} value={r}>
                {r.charAt(0).toUpperCase() + r.slice(1)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No members or invites">{canManage ? 'Invite the first people to this workspace.' : null}</EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState
          title="Nobody matches these filters"
          action={
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => setSearch({ q: '', role: undefined })}>
              Clear filters
            </button>
          }
        />
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[46rem] text-sm">
            <caption className="sr-only">
              Members and pending invites of {ws.label}
              {filtered ? `, ${visible.length} of ${rows.length} shown` : ''}
            </caption>
            <thead className="border-b border-border bg-surface-sunken text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Role
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Joined or invited
                </th>
                {canManage ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => {
                const isSelf = row.userId === user.id
                const lastAdmin = lastAdminReason(row, rows, ws.label, isSelf)
                const noteId = `last-admin-${row.id}`
                const who = row.kind === 'invite' ? `invite for ${row.email}` : isSelf ? `${row.name} (you)` : row.name
                return (
                  <tr key={`${row.kind}-${row.id}`} className="border-b border-border last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      {row.kind === 'member' ? (
                        <>
                          <span className="inline-block max-w-xs truncate align-bottom font-medium" title={row.name}>
                            {row.name}
                          </span>
                          {isSelf ? <span className="text-muted"> (you)</span> : null}
                          <span className="block break-all text-xs text-muted">{row.email}</span>
                        </>
                      ) : (
                        <span className="break-all font-medium">{row.email}</span>
                      )}
                      {lastAdmin ? (
                        <span id={noteId} className="mt-1 block text-xs text-muted">
                          Last admin: can be neither demoted nor removed.
                        </span>
                      ) : null}
                    </th>
                    <td className="px-3 py-2">
                      <RoleBadge role={row.role} />
                      {row.deploymentRoles.length ? (
                        <ul className="mt-1 space-y-0.5 text-xs text-muted" aria-label={`Deployment roles of ${who}`}>
                          {row.deploymentRoles.map((d) => (
                            <li key={d.deploymentId} className="max-w-xs truncate" title={`${ROLE_LABELS[d.role]} on ${d.label}`}>
                              {ROLE_LABELS[d.role]} on <bdi>{d.label}</bdi>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      <MemberStatusBadge status={row.status} />
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <span className="text-muted">{row.kind === 'invite' ? 'Invited ' : 'Joined '}</span>
                      {formatDateTime(row.since)}
                    </td>
                    {canManage ? (
                      <td className="px-3 py-2">
                        <div className="flex flex-wrap justify-end gap-2">
                          <Button size="sm" aria-label={`Change role of ${who}`} onClick={() => setAction({ kind: 'role', row })}>
                            Change role
                          </Button>
                          {row.kind === 'member' ? (
                            <Button
                              size="sm"
                              variant="ghost"
                              disabled={Boolean(lastAdmin)}
                              aria-label={isSelf ? `Leave ${ws.label}` : `Remove ${who}`}
                              aria-describedby={lastAdmin ? noteId : undefined}
                              onClick={() => setAction({ kind: 'remove', row })}
                            >
                              {isSelf ? 'Leave' : 'Remove'}
                            </Button>
                          ) : (
                            <Button size="sm" variant="ghost" aria-label={`Revoke ${who}`} onClick={() => setAction({ kind: 'revoke', row })}>
                              Revoke
                            </Button>
                          )}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {canManage ? (
        <>
          <InviteDialog open={inviting} onOpenChange={setInviting} workspaceId={ws.id} workspaceLabel={ws.label} existing={existing} roles={roles} />
          {action ? (
            <>
              <ChangeRoleDialog
                open={action.kind === 'role'}
                row={action.row}
                workspaceId={ws.id}
                workspaceLabel={ws.label}
                isSelf={action.row.userId === user.id}
                roles={roles}
                lastAdmin={lastAdminReason(action.row, rows, ws.label, action.row.userId === user.id, isolated)}
                onClose={() => setAction(null)}
              />
              <RemoveMemberDialog open={action.kind === 'remove'} row={action.row} workspaceId={ws.id} workspaceLabel={ws.label} isSelf={action.row.userId === user.id} onClose={() => setAction(null)} />
              <RevokeInviteDialog open={action.kind === 'revoke'} row={action.row} onClose={() => setAction(null)} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  )
}
