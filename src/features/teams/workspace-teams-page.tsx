import { useQuery } from '@apollo/client/react'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { isolated, isolatedList } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { RoleBadge, useGrantableRoles } from '@/features/people'
import { ROLE_LABELS } from '@/lib/permissions'
import { WorkspaceTeamsQuery } from './operations'
import { memberName, teamOrigin, type WorkspaceTeamRow, workspaceTeamRows } from './team-rows'
import { RemoveTeamDialog, TeamRolesDialog } from './workspace-team-dialogs'

type Action = { kind: 'roles'; row: WorkspaceTeamRow | null } | { kind: 'remove'; row: WorkspaceTeamRow } | null

const MEMBERS_SHOWN = 3

export function WorkspaceTeamsPage() {
  const { workspaceId = '' } = useParams()
  const access = useAccess()
  const { data, loading, error, refetch } = useQuery(WorkspaceTeamsQuery, { variables: { workspaceUuid: workspaceId } })
  const roles = useGrantableRoles({ scope: 'WORKSPACE', workspaceId })
  const [action, setAction] = useState<Action>(null)
  const rows = useMemo(() => (data ? workspaceTeamRows(data.workspaceTeams, workspaceId) : []), [data, workspaceId])
  const deployments = useMemo(() => (data?.workspaceDeployments ?? []).map((d) => ({ id: d.id, label: d.label })), [data])

  if (!data && loading) return <LoadingState label="Loading teams…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const ws = data.workspace
  const canManage = access.workspace(workspaceId, 'workspace.teams.update') && roles.length > 0
  const canOpenTeams = access.system('system.teams.get')
  const ctx = { workspaceId, workspaceLabel: ws.label, deployments, roles }

  return (
    <>
      <PageHeader
        title={isolated`${ws.label}: teams`}
        description={
          <>
            A team's members hold its roles here on top of their own; where the two differ, the more permissive applies.{' '}
            {canManage ? null : 'Only workspace admins change these roles.'}
          </>
        }
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => setAction({ kind: 'roles', row: null })}>
              Add team
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="The teams could not be refreshed" onRetry={() => void refetch()} /> : null}
      {rows.length === 0 ? (
        <EmptyState title="No team has a role here yet">{canManage ? 'Add a team to give all its members a role at once.' : null}</EmptyState>
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">Teams with roles in {ws.label}</caption>
            <thead className="border-b border-border bg-surface-sunken text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Team
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Members
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Workspace role
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Deployment roles
                </th>
                {canManage ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const { team } = row
                const names = team.users.map(memberName)
                return (
                  <tr key={team.id} className="border-b border-border align-top last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      {canOpenTeams ? (
                        <Link to={`/admin/teams/${team.id}`} className="inline-block max-w-xs truncate align-bottom font-medium underline-offset-2 hover:underline" title={team.name}>
                          {team.name}
                        </Link>
                      ) : (
                        <span className="inline-block max-w-xs truncate align-bottom font-medium" title={team.name}>
                          {team.name}
                        </span>
                      )}
                      <span className="block text-xs text-muted">{teamOrigin(team)}</span>
                    </th>
                    <td className="px-3 py-2">
                      <span className="tabular-nums">{names.length}</span>
                      {names.length ? (
                        <span className="line-clamp-2 max-w-xs text-xs text-muted wrap-anywhere" title={names.join(', ')}>
                          {isolatedList(names.slice(0, MEMBERS_SHOWN))}
                          {names.length > MEMBERS_SHOWN ? ` and ${names.length - MEMBERS_SHOWN} more` : ''}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">{row.workspaceRole ? <RoleBadge role={row.workspaceRole} /> : <span className="text-muted">None</span>}</td>
                    <td className="px-3 py-2">
                      {row.deploymentRoles.length ? (
                        <ul className="space-y-0.5" aria-label={`Deployment roles of team ${team.name}`}>
                          {row.deploymentRoles.map((d) => (
                            <li key={d.deploymentId} className="max-w-xs truncate">
                              {ROLE_LABELS[d.role]} on{' '}
                              <Link to={`/workspaces/${workspaceId}/deployments/${d.deploymentId}`} className="underline-offset-2 hover:underline" title={d.label}>
                                <bdi>{d.label}</bdi>
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-muted">None</span>
                      )}
                    </td>
                    {canManage ? (
                      <td className="px-3 py-2">
                        <div className="flex flex-wrap justify-end gap-2">
                          <Button size="sm" aria-label={`${row.workspaceRole ? 'Change roles' : 'Give a workspace role'} of team ${team.name}`} onClick={() => setAction({ kind: 'roles', row })}>
                            {row.workspaceRole ? 'Change roles' : 'Give a workspace role'}
                          </Button>
                          <Button size="sm" variant="ghost" aria-label={`Remove team ${team.name}`} onClick={() => setAction({ kind: 'remove', row })}>
                            Remove
                          </Button>
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
      {canManage && action?.kind === 'roles' ? <TeamRolesDialog ctx={ctx} row={action.row} rows={rows} onClose={() => setAction(null)} /> : null}
      {canManage && action?.kind === 'remove' ? <RemoveTeamDialog ctx={ctx} row={action.row} onClose={() => setAction(null)} /> : null}
    </>
  )
}
