// Who can do what on one deployment: each member's workspace role, their
// deployment role of their own (an override), and the role that results,
// which the one permission module decides.
import { z } from 'zod'
import { plain, type Wording } from '@/components/ui/isolated'
import type { Binding, Role } from '@/lib/permissions'
import { deploymentRoleOf, roleScope } from '@/lib/permissions'
import { primaryAddress } from './member-rows'

interface UserLike {
  id: string
  username: string
  fullName: string | null
  emails: readonly { address: string; primary: boolean }[]
  /** The user's bindings as far as the viewer may see them (system roles only to system admins), their teams' included. */
  roleBindings?: readonly {
    role: Role
    workspace: { id: string } | null
    deployment: { id: string; workspace?: { id: string } } | null
    team?: { id: string; name: string } | null
  }[]
}

interface BindingLike {
  id: string
  role: Role
  user: UserLike | null
}

export interface AccessRow {
  userId: string
  name: string
  email: string
  workspaceRole: Role | null
  /** The deployment binding of this user on this deployment, if any. */
  override: { id: string; role: Role } | null
  systemRole: Role | null
  /** Roles the user holds here through teams (each marked with its team). */
  teamBindings: Binding[]
  /** What the user's own roles alone give here. */
  ownEffective: Role | null
  effective: Role | null
}

export const accessSearchSchema = z.object({
  q: z.string().catch('').default(''),
  only: z.enum(['overrides']).optional().catch(undefined),
})

function systemBindingsOf(user: UserLike): Binding[] {
  return (user.roleBindings ?? []).filter((b) => roleScope(b.role) === 'SYSTEM' && !b.workspace && !b.deployment && !b.team).map((b) => ({ role: b.role }))
}

/** The user's team roles that count here: system roles, and roles in this workspace. */
function teamBindingsOf(user: UserLike, workspaceId: string): Binding[] {
  return (user.roleBindings ?? []).flatMap((b) => {
    if (!b.team) return []
    const ws = b.workspace?.id ?? b.deployment?.workspace?.id ?? null
    if (ws !== null && ws !== workspaceId) return []
    return [{ role: b.role, workspaceId: ws, deploymentId: b.deployment?.id ?? null, via: { teamId: b.team.id, teamName: b.team.name } }]
  })
}

/** Names of the teams that lift a user above what their own roles give here, or []. */
export function liftingTeams(row: Pick<AccessRow, 'teamBindings' | 'ownEffective' | 'effective'>): string[] {
  if (row.effective === row.ownEffective) return []
  return [...new Set(row.teamBindings.flatMap((b) => (b.via ? [b.via.teamName] : [])))].sort()
}

function highestSystemRole(bindings: readonly Binding[]): Role | null {
  const order: Role[] = ['SYSTEM_ADMIN', 'SYSTEM_EDITOR', 'SYSTEM_VIEWER']
  return order.find((r) => bindings.some((b) => b.role === r)) ?? null
}

/**
 * The role a user would have on the deployment with a given override of their
 * own (null: none), their team roles included.
 */
export function effectiveWith(
  row: Pick<AccessRow, 'workspaceRole' | 'systemRole'> & Partial<Pick<AccessRow, 'teamBindings'>>,
  override: Role | null,
  workspaceId: string,
  deploymentId: string,
): Role | null {
  const bindings: Binding[] = [...(row.teamBindings ?? [])]
  if (row.systemRole) bindings.push({ role: row.systemRole })
  if (row.workspaceRole) bindings.push({ role: row.workspaceRole, workspaceId })
  if (override) bindings.push({ role: override, workspaceId, deploymentId })
  return deploymentRoleOf(bindings, workspaceId, deploymentId)
}

/** Workspace members, plus anyone with a role on this deployment only; by name. */
export function accessRows(members: readonly BindingLike[], overrides: readonly BindingLike[], workspaceId: string, deploymentId: string): AccessRow[] {
  const byUser = new Map<string, AccessRow>()
  const rowFor = (user: UserLike): AccessRow => {
    let row = byUser.get(user.id)
    if (!row) {
      row = {
        userId: user.id,
        name: user.fullName ?? user.username,
        email: primaryAddress(user),
        workspaceRole: null,
        override: null,
        systemRole: highestSystemRole(systemBindingsOf(user)),
        teamBindings: teamBindingsOf(user, workspaceId),
        ownEffective: null,
        effective: null,
      }
      byUser.set(user.id, row)
    }
    return row
  }
  for (const b of members) if (b.user) rowFor(b.user).workspaceRole = b.role
  for (const b of overrides) if (b.user) rowFor(b.user).override = { id: b.id, role: b.role }
  const rows = [...byUser.values()]
  for (const row of rows) {
    row.effective = effectiveWith(row, row.override?.role ?? null, workspaceId, deploymentId)
    row.ownEffective = effectiveWith({ ...row, teamBindings: [] }, row.override?.role ?? null, workspaceId, deploymentId)
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name))
}

export function filterAccessRows(rows: readonly AccessRow[], search: z.infer<typeof accessSearchSchema>): AccessRow[] {
  const q = search.q.trim().toLowerCase()
  return rows.filter((r) => (!search.only || r.override) && (!q || r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q)))
}

/** Why an override changes nothing for this person, or null. */
export function overrideIrrelevance(row: Pick<AccessRow, 'workspaceRole' | 'systemRole' | 'name'>): string | null
/** With `isolated` as the wording: the sentence to show, the name in a bdi. */
export function overrideIrrelevance<T>(row: Pick<AccessRow, 'workspaceRole' | 'systemRole' | 'name'>, words: Wording<T>): T | null
export function overrideIrrelevance(row: Pick<AccessRow, 'workspaceRole' | 'systemRole' | 'name'>, words: Wording<unknown> = plain): unknown {
  if (row.systemRole === 'SYSTEM_ADMIN') return words`${row.name} is a system admin, and so admin of every deployment: a deployment role changes nothing for them.`
  if (row.workspaceRole === 'WORKSPACE_ADMIN') return words`${row.name} is a workspace admin, and so admin of every deployment in it: a deployment role changes nothing for them.`
  return null
}
