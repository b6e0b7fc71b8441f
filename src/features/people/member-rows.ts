// Members and pending invites as one list, and the rules the members screen
// decides on before asking the server: the search, the role filter, and who is
// the last admin.
import { z } from 'zod'
import { plain, type Wording } from '@/components/ui/isolated'
import type { MemberBindingFragment, PendingInviteFragment, UserStatus } from '@/gql/graphql'
import { type Level, type Role, roleLevel, roleOf } from '@/lib/permissions'

export const ROLE_FILTERS = ['viewer', 'editor', 'admin'] as const
export type RoleFilter = (typeof ROLE_FILTERS)[number]

export const membersSearchSchema = z.object({
  q: z.string().catch('').default(''),
  role: z.enum(ROLE_FILTERS).optional().catch(undefined),
})

export function levelOfFilter(filter: RoleFilter): Level {
  return filter.toUpperCase() as Level
}

export type MemberStatus = UserStatus | 'invited'

export interface MemberRow {
  kind: 'member' | 'invite'
  /** The binding's id for a member, the invite's for an invite. */
  id: string
  userId: string | null
  name: string
  email: string
  role: Role
  status: MemberStatus
  /** When they joined (the binding was made) or were invited. */
  since: string
  /** For an invite: the deployment roles it grants on acceptance, by deployment label. */
  deploymentRoles: { deploymentId: string; label: string; role: Role }[]
}

type Binding = Pick<MemberBindingFragment, 'id' | 'role' | 'createdAt' | 'user'>

export function primaryAddress(user: { emails: readonly { address: string; primary: boolean }[]; username: string }): string {
  return user.emails.find((e) => e.primary)?.address ?? user.emails[0]?.address ?? user.username
}

/** Members (sorted by name) then pending invites (sorted by email). */
export function memberRows(bindings: readonly Binding[], invites: readonly PendingInviteFragment[]): MemberRow[] {
  const members: MemberRow[] = bindings.flatMap((b) =>
    b.user
      ? [
          {
            kind: 'member' as const,
            id: b.id,
            userId: b.user.id,
            name: b.user.fullName ?? b.user.username,
            email: primaryAddress(b.user),
            role: b.role,
            status: b.user.status,
            since: b.createdAt,
            deploymentRoles: [],
          },
        ]
      : [],
  )
  members.sort((a, b) => a.name.localeCompare(b.name))
  const pending: MemberRow[] = invites
    .map((i) => ({
      kind: 'invite' as const,
      id: i.id,
      userId: null,
      name: i.email,
      email: i.email,
      role: i.role,
      status: 'invited' as const,
      since: i.createdAt,
      deploymentRoles: i.deploymentRoles
        .map((d) => ({ deploymentId: d.deployment.id, label: d.deployment.label, role: d.role }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    }))
    .sort((a, b) => a.email.localeCompare(b.email))
  return [...members, ...pending]
}

export function filterMembers(rows: readonly MemberRow[], search: { q: string; role?: RoleFilter | undefined }): MemberRow[] {
  const q = search.q.trim().toLowerCase()
  const level = search.role ? levelOfFilter(search.role) : null
  return rows.filter(
    (r) => (!level || roleLevel(r.role) === level) && (!q || r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q)),
  )
}

/**
 * Why this row's admin role cannot be lowered or removed, or null: a
 * workspace keeps at least one admin (pending invites do not count).
 */
export function lastAdminReason(row: MemberRow, rows: readonly MemberRow[], workspaceLabel: string, isSelf: boolean): string | null
/** With `isolated` as the wording: the sentence to show, each name in a bdi. */
export function lastAdminReason<T>(row: MemberRow, rows: readonly MemberRow[], workspaceLabel: string, isSelf: boolean, words: Wording<T>): T | null
export function lastAdminReason(row: MemberRow, rows: readonly MemberRow[], workspaceLabel: string, isSelf: boolean, words: Wording<unknown> = plain): unknown {
  if (row.kind !== 'member' || row.role !== roleOf('WORKSPACE', 'ADMIN')) return null
  const admins = rows.filter((r) => r.kind === 'member' && r.role === roleOf('WORKSPACE', 'ADMIN')).length
  if (admins > 1) return null
  return isSelf
    ? words`You are the last admin of ${workspaceLabel}, and a workspace must keep at least one admin: this role can be neither lowered nor removed. Make someone else an admin first.`
    : words`${row.name} is the last admin of ${workspaceLabel}, and a workspace must keep at least one admin: this role can be neither lowered nor removed. Make someone else an admin first.`
}

export const STATUS_TEXT: Record<MemberStatus, string> = {
  active: 'Active',
  pending: 'Pending',
  inactive: 'Deactivated',
  invited: 'Invited',
}
