import { useQuery } from '@apollo/client/react'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { Button, buttonClasses } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { isolatedList } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { RoleBadge } from '@/features/people'
import { useSearchState } from '@/lib/search-params'
import { AllTeamsQuery } from './operations'
import { TeamFormDialog } from './team-form-dialog'
import { filterTeams, teamListRows, teamsSearchSchema } from './team-rows'

/** Every team on the platform: local ones and those imported from the identity provider. */
export function AdminTeamsPage() {
  const access = useAccess()
  const [search, setSearch] = useSearchState(teamsSearchSchema)
  const { data, loading, error, refetch } = useQuery(AllTeamsQuery)
  const [creating, setCreating] = useState(false)
  const rows = useMemo(() => (data ? teamListRows(data.teams) : []), [data])
  const visible = useMemo(() => filterTeams(rows, search), [rows, search])

  if (!data && loading) return <LoadingState label="Loading teams…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const canCreate = access.system('system.teams.update')
  const filtered = search.q.trim() !== '' || search.source !== undefined

  return (
    <>
      <PageHeader
        title="Teams"
        description="Groups of people that hold roles together. Teams imported from the identity provider keep its name and members; local teams are made here."
        actions={
          canCreate ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New team
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="The teams could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="mb-3 flex flex-wrap gap-3" role="search" aria-label="Filter teams">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search</span>
          <input type="search" className={inputClasses} placeholder="Team or member name" value={search.q} onChange={(e) => setSearch({ q: e.target.value })} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Source</span>
          <select className={inputClasses} value={search.source ?? ''} onChange={(e) => setSearch({ source: e.target.value === 'LOCAL' || e.target.value === 'IDP' ? e.target.value : undefined })}>
            <option value="">Any source</option>
            <option value="LOCAL">Local</option>
            <option value="IDP">Identity provider</option>
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No teams yet">{canCreate ? 'Create a team to give a group of people roles at once.' : null}</EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState
          title="No team matches these filters"
          action={
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => setSearch({ q: '', source: undefined })}>
              Clear filters
            </button>
          }
        />
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">
              Teams{filtered ? `, ${visible.length} of ${rows.length} shown` : ''}
            </caption>
            <thead className="border-b border-border bg-surface-sunken text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Team
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Members
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  System role
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Workspaces
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <tr key={row.team.id} className="border-b border-border last:border-0">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link to={`/admin/teams/${row.team.id}`} className="inline-block max-w-xs truncate align-bottom font-medium underline-offset-2 hover:underline" title={row.team.name}>
                      {row.team.name}
                    </Link>
                    <span className="block text-xs text-muted">{row.origin}</span>
                  </th>
                  <td className="px-3 py-2 tabular-nums">{row.team.users.length}</td>
                  <td className="px-3 py-2">
                    {row.systemRoles.length ? (
                      <span className="flex flex-wrap gap-1">
                        {row.systemRoles.map((r) => (
                          <RoleBadge key={r} role={r} />
                        ))}
                      </span>
                    ) : (
                      <span className="text-muted">None</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{row.workspaces.length ? isolatedList(row.workspaces) : <span className="text-muted">None</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {creating && canCreate ? <TeamFormDialog team={null} onClose={() => setCreating(false)} /> : null}
    </>
  )
}
