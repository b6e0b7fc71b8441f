import { useMutation, useQuery } from '@apollo/client/react'
import { memo, useEffect, useEffectEvent, useState } from 'react'
import { Link, NavigationType, useLocation, useNavigate, useNavigationType, useSearchParams } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { inputClasses } from '@/components/ui/field'
import { isolated, isolatedList } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess, useSession } from '@/features/auth'
import { MemberStatusBadge, primaryAddress, RoleBadge } from '@/features/people'
import type { AdminUserFragment } from '@/gql/graphql'
import { formatDateTime, formatInteger } from '@/lib/format'
import { firstProblem, hasCode } from '@/lib/graphql-errors'
import { grantableRolesOn, type Role, ROLE_LABELS } from '@/lib/permissions'
import { useSearchState } from '@/lib/search-params'
import { backStackOf, pageOf, systemRolesOf, teamSystemRolesOf, USERS_PAGE_SIZE, usersSearchSchema, workspaceCountOf } from './admin-lists'
import { AdminUsersQuery, CreateSystemRoleBindingMutation, DeleteSystemRoleBindingMutation, UpdateUserStatusMutation } from './operations'

const SYSTEM_ROLE_TEXT: Record<'SYSTEM_VIEWER' | 'SYSTEM_EDITOR' | 'SYSTEM_ADMIN', string> = {
  SYSTEM_VIEWER: 'Platform monitoring; sees system service accounts.',
  SYSTEM_EDITOR: 'Also grants system viewer and editor roles.',
  SYSTEM_ADMIN: 'Everything: every workspace, deployment, user and quota.',
}
const SYSTEM_ROLES = ['SYSTEM_VIEWER', 'SYSTEM_EDITOR', 'SYSTEM_ADMIN'] as const

const nameOf = (u: AdminUserFragment) => u.fullName ?? u.username

function SystemRolesDialog({ user, onClose }: { user: AdminUserFragment; onClose: () => void }) {
  const { bindings, user: me } = useSession()
  const grantable = grantableRolesOn(bindings, { scope: 'SYSTEM' })
  const isSelf = me.id === user.id
  // The list is fetched again (a searched list is not kept in the cache), and the session's own roles.
  const refetchQueries = isSelf ? ['AdminUsers', 'Self'] : ['AdminUsers']
  const [grant, granting] = useMutation(CreateSystemRoleBindingMutation, { refetchQueries })
  const [revoke, revoking] = useMutation(DeleteSystemRoleBindingMutation, { refetchQueries })
  const [pending, setPending] = useState<Role | null>(null)
  // The user as the last change left them, until the list brings them back.
  const [changed, setChanged] = useState<AdminUserFragment | null>(null)
  const held = systemRolesOf((changed ?? user).roleBindings)
  const error = granting.error ?? revoking.error

  const change = async (role: Role, has: boolean) => {
    setPending(role)
    granting.reset()
    revoking.reset()
    const variables = { userId: user.id, role }
    const answer = await (has
      ? revoke({ variables }).then((r) => r.data?.deleteSystemRoleBinding.user)
      : grant({ variables }).then((r) => r.data?.createSystemRoleBinding.user)
    ).catch(() => undefined)
    setPending(null)
    if (answer) setChanged(answer)
    if (answer)
      toast.success(
        <>
          <bdi>{nameOf(user)}</bdi>: {ROLE_LABELS[role].toLowerCase()} {has ? 'revoked' : 'granted'}
        </>,
      )
  }

  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : onClose())} title={isolated`System roles of ${nameOf(user)}`} description="System roles apply to the whole platform, on top of any workspace or deployment role.">
      <div className="space-y-3">
        <ul className="space-y-2">
          {SYSTEM_ROLES.map((role) => {
            const has = held.includes(role)
            const can = grantable.includes(role)
            return (
              <li key={role} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border p-3 text-sm">
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">
                    {ROLE_LABELS[role]} <span className="font-normal text-muted">({has ? 'granted' : 'not granted'})</span>
                  </span>
                  <span className="block text-muted">{SYSTEM_ROLE_TEXT[role]}</span>
                </span>
                {can ? (
                  <Button
                    size="sm"
                    variant={has ? 'secondary' : 'primary'}
                    aria-label={`${has ? 'Revoke' : 'Grant'} ${ROLE_LABELS[role].toLowerCase()}`}
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
        {isSelf && held.includes('SYSTEM_ADMIN') ? <InlineAlert tone="warning">These are your own roles: revoking system admin takes this page away from you.</InlineAlert> : null}
        {error ? <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert> : null}
        <div className="flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </Dialog>
  )
}

function StatusDialog({ user, onClose }: { user: AdminUserFragment; onClose: () => void }) {
  const [update, { loading, error }] = useMutation(UpdateUserStatusMutation, { refetchQueries: ['AdminUsers'] })
  const deactivate = user.status !== 'inactive'
  const confirm = async () => {
    const result = await update({ variables: { userUuid: user.id, status: deactivate ? 'inactive' : 'active' } }).catch(() => null)
    if (!result?.data) return
    toast.success(
      <>
        <bdi>{nameOf(user)}</bdi> {deactivate ? 'deactivated' : 'reactivated'}
      </>,
    )
    onClose()
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={deactivate ? isolated`Deactivate ${nameOf(user)}?` : isolated`Reactivate ${nameOf(user)}?`}
      description={
        deactivate
          ? 'They are signed out everywhere and cannot sign in until reactivated. Their roles stay, so reactivating restores their access.'
          : 'They can sign in again, with the roles they had.'
      }
      confirmLabel={deactivate ? 'Deactivate user' : 'Reactivate user'}
      variant={deactivate ? 'danger' : 'primary'}
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}

/** How long typing must pause before the search goes into the URL. */
const URL_WRITE_DELAY_MS = 250

/** The list's variables: one page of users (and one more, to know if there is a next page). */
const usersVariables = (q: string, after: string | undefined) => ({ user: q ? { searchPhrase: q } : null, cursor: after ?? null, take: USERS_PAGE_SIZE + 1 })

type Action = { kind: 'roles' | 'status'; user: AdminUserFragment } | null

interface UserRowProps {
  user: AdminUserFragment
  isSelf: boolean
  canGrant: boolean
  canDeactivate: boolean
  onAction: (action: Action) => void
}

/** Memoised: typing a search draws the page again, and a row whose user did not change need not be. */
const UserRow = memo(function UserRow({ user: u, isSelf, canGrant, canDeactivate, onAction }: UserRowProps) {
  const roles = systemRolesOf(u.roleBindings)
  const teamRoles = teamSystemRolesOf(u.roleBindings)
  // Nobody changes their own status (the server refuses it too).
  const statusAction = canDeactivate && !isSelf ? (u.status === 'inactive' ? 'Reactivate' : 'Deactivate') : null
  return (
    <tr className="border-b border-border last:border-0">
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <Link to={`/admin/users/${u.id}`} className="inline-block max-w-xs truncate align-bottom font-medium underline-offset-2 hover:underline" title={nameOf(u)}>
          {nameOf(u)}
        </Link>
        {isSelf ? <span className="text-muted"> (you)</span> : null}
        <span className="block break-all text-xs text-muted">{primaryAddress(u)}</span>
      </th>
      <td className="px-3 py-2">
        <MemberStatusBadge status={u.status} />
      </td>
      <td className="px-3 py-2">
        {roles.length ? (
          <span className="flex flex-wrap gap-1">
            {roles.map((r) => (
              <RoleBadge key={r} role={r} />
            ))}
          </span>
        ) : teamRoles.length ? null : (
          <span className="text-muted">None</span>
        )}
        {teamRoles.map((t) => (
          <span key={t.role} className="mt-1 block text-xs text-muted">
            {ROLE_LABELS[t.role]} through {isolatedList(t.teams)}
          </span>
        ))}
      </td>
      <td className="px-3 py-2 tabular-nums">{workspaceCountOf(u.roleBindings)}</td>
      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(u.createdAt)}</td>
      {canGrant || canDeactivate ? (
        <td className="px-3 py-2">
          <div className="flex flex-wrap justify-end gap-2">
            {canGrant ? (
              <Button size="sm" aria-label={`System roles of ${nameOf(u)}`} onClick={() => onAction({ kind: 'roles', user: u })}>
                System roles
              </Button>
            ) : null}
            {statusAction ? (
              <Button size="sm" variant="ghost" aria-label={`${statusAction} ${nameOf(u)}`} onClick={() => onAction({ kind: 'status', user: u })}>
                {statusAction}
              </Button>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  )
})

export function AdminUsersPage() {
  const access = useAccess()
  const { user: me, bindings } = useSession()
  const [search] = useSearchState(usersSearchSchema)
  // What is typed; follows the URL when that changes from elsewhere (Back, a link). The field
  // writes its searches in place (REPLACE): those leave the typing undisturbed.
  const [draft, setDraft] = useState(search.q)
  const [syncedQ, setSyncedQ] = useState(search.q)
  const navigationType = useNavigationType()
  if (search.q !== syncedQ) {
    setSyncedQ(search.q)
    if (navigationType !== NavigationType.Replace && draft.trim() !== search.q) setDraft(search.q)
  }
  const [params] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const back = backStackOf(location.state)
  const [action, setAction] = useState<Action>(null)

  const q = search.q.trim()
  // The list follows what is typed at once (a cursor belongs to the search in the URL).
  const typed = draft.trim()
  // A search's answers are not kept in the cache: typing through thousands of users would keep every
  // one seen for the life of the tab, and storing 50 users with their bindings costs each keystroke
  // about 15 ms. The unsearched list is kept, so coming back to it shows it at once.
  const { data, previousData, loading, error, refetch } = useQuery(AdminUsersQuery, {
    variables: usersVariables(typed, typed === q ? search.after : undefined),
    fetchPolicy: typed ? 'no-cache' : 'cache-and-network',
  })
  const shown = data ?? previousData
  // The search the rows on screen answer: the caption and the empty state speak of that one.
  const [answeredQ, setAnsweredQ] = useState(typed)
  if (data && answeredQ !== typed) setAnsweredQ(typed)
  const shownQ = data ? typed : answeredQ

  /** Paging pushes history entries, so Back goes to the previous page too. */
  const goTo = (patch: { q?: string; after?: string | undefined }, nextBack: string[], replace = false) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    const query = next.toString()
    void navigate({ search: query ? `?${query}` : '' }, { state: { usersBack: nextBack }, replace })
  }
  const searchFor = (text: string) => {
    const next = text.trim()
    if (next === q) return
    goTo({ q: next, after: undefined }, [], true)
  }
  // Every keystroke searches (Apollo shows only the newest answer), and the URL names the search
  // on screen: it is written once that search's answer is in and typing pauses. So a keystroke
  // redraws the list alone, not every link on the page as a change of address does, and fast
  // typing stays clear of the browsers' limits on history writes (Safari: 100 in 10 s).
  const writeSearch = useEffectEvent(searchFor)
  useEffect(() => {
    if (loading) return
    const timer = setTimeout(() => writeSearch(typed), URL_WRITE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [loading, typed])

  const canGrant = access.system('system.iam.update') && grantableRolesOn(bindings, { scope: 'SYSTEM' }).length > 0
  const canDeactivate = access.system('system.user.delete')
  const page = shown ? pageOf(shown.users, USERS_PAGE_SIZE) : null
  const offset = back.length * USERS_PAGE_SIZE
  const knowsOffset = !search.after || back.length > 0
  const badCursor = error && hasCode(error, 'BAD_USER_INPUT') && search.after
  // The row as the cache has it now: a dialog shows the roles its own changes made.
  const acting = action ? { ...action, user: page?.rows.find((u) => u.id === action.user.id) ?? action.user } : null

  return (
    <>
      <PageHeader title="Users" description="Everyone with an account on the platform: their status and system roles." />
      <form
        role="search"
        aria-label="Search users"
        className="mb-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault()
          searchFor(draft)
        }}
      >
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search</span>
          <input
            type="search"
            className={inputClasses}
            placeholder="Name, username or email"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <Button type="submit">Search</Button>
      </form>
      {badCursor ? (
        <ErrorState error={error} title="This page of users no longer exists" onRetry={() => goTo({ after: undefined }, [])} />
      ) : error ? (
        <ErrorState error={error} title={shown ? 'The user list could not be refreshed' : 'The user list could not be loaded'} onRetry={() => void refetch()} />
      ) : null}
      {!page ? (
        loading ? <LoadingState label="Loading users…" /> : null
      ) : page.rows.length === 0 ? (
        <EmptyState title={shownQ ? `No user matches “${shownQ}”` : 'No users'} />
      ) : (
        <>
          <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface" aria-busy={loading || undefined}>
            {/* Fixed layout: a search refills all 50 rows, and an automatic table measures every cell again each time. */}
            <table className="w-full min-w-[56rem] table-fixed text-sm">
              <caption className="sr-only">Users{shownQ ? ` matching ${shownQ}` : ''}</caption>
              {/* Sized for their longest content (a role badge, a date, the "System roles" button); the name takes the rest. */}
              <colgroup>
                <col />
                <col className="w-26" />
                <col className="w-40" />
                <col className="w-28" />
                <col className="w-48" />
                {canGrant || canDeactivate ? <col className="w-36" /> : null}
              </colgroup>
              <thead className="border-b border-border bg-surface-sunken text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    System roles
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Workspaces
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Created
                  </th>
                  {canGrant || canDeactivate ? (
                    <th scope="col" className="px-3 py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {/* Keyed by position: a new search fills the same rows with other users (rows hold no state),
                    which costs the browser far less than 50 rows taken down and 50 built. */}
                {page.rows.map((u, i) => (
                  <UserRow key={i} user={u} isSelf={u.id === me.id} canGrant={canGrant} canDeactivate={canDeactivate} onAction={setAction} />
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <nav aria-label="Pages of users" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
            <p aria-live="polite">
              {knowsOffset
                ? `Users ${formatInteger(offset + 1)}–${formatInteger(offset + page.rows.length)}${page.hasNext ? '' : ' (the last)'}`
                : `${formatInteger(page.rows.length)} users from a later page`}
              {loading ? ' · loading…' : ''}
            </p>
            <div className="flex flex-wrap gap-2">
              {search.after ? (
                <Button size="sm" variant="ghost" onClick={() => goTo({ after: undefined }, [])}>
                  First page
                </Button>
              ) : null}
              <Button size="sm" disabled={back.length === 0} onClick={() => goTo({ after: back.at(-1) || undefined }, back.slice(0, -1))}>
                Previous page
              </Button>
              <Button size="sm" disabled={!page.hasNext} onClick={() => goTo({ after: page.rows.at(-1)?.id }, [...back, search.after ?? ''])}>
                Next page
              </Button>
            </div>
          </nav>
        </>
      )}
      {acting?.kind === 'roles' ? <SystemRolesDialog user={acting.user} onClose={() => setAction(null)} /> : null}
      {acting?.kind === 'status' ? <StatusDialog user={acting.user} onClose={() => setAction(null)} /> : null}
    </>
  )
}
