// A user's roles and where each of their permissions comes from (their own
// roles, a team's, or what every user has), as the access page lists them.
// Which permissions hold is the permission module's answer (explainPermissions);
// this only reads the API's bindings and words the sources.
import { z } from 'zod'
import { plain, type Wording } from '@/components/ui/isolated'
import { type Binding, type GrantTarget, type PermissionSource, type Role, ROLE_LABELS, roleLevel, roleScope } from '@/lib/permissions'

interface BindingLike {
  id: string
  role: Role
  workspace: { id: string; label: string } | null
  deployment: { id: string; label: string; workspace: { id: string; label: string } } | null
  team: { id: string; name: string } | null
}

export function bindingsOf(roleBindings: readonly BindingLike[]): Binding[] {
  return roleBindings.map((b) => ({
    role: b.role,
    workspaceId: b.workspace?.id ?? b.deployment?.workspace.id ?? null,
    deploymentId: b.deployment?.id ?? null,
    via: b.team ? { teamId: b.team.id, teamName: b.team.name } : null,
  }))
}

/** "System admin", "Workspace editor", "Deployment viewer". */
export function fullRoleName(role: Role): string {
  const scope = roleScope(role)
  return scope === 'SYSTEM' ? ROLE_LABELS[role] : `${scope.charAt(0)}${scope.slice(1).toLowerCase()} ${roleLevel(role).toLowerCase()}`
}

export function sourceText(source: PermissionSource): string {
  switch (source.kind) {
    case 'everyone':
      return 'Every signed-in user'
    case 'direct':
      return `Own role: ${fullRoleName(source.role)}`
    case 'team':
      return `Team ${source.teamName}: ${fullRoleName(source.role)}`
  }
}

/**
 * Where a role applies: "the platform", "workspace Data Platform", "deployment Customer ETL in
 * Data Platform". `words` puts the names in: isolated on screen, plain to sort by.
 */
export function placeOf<T>(deployment: string | null | undefined, workspace: string | null | undefined, words: Wording<T>): T | string {
  if (deployment != null && workspace != null) return words`deployment ${deployment} in ${workspace}`
  if (workspace != null) return words`workspace ${workspace}`
  return 'the platform'
}

export interface RoleRow {
  id: string
  role: Role
  /** Where the role applies (see placeOf): a deployment's and its workspace's names, a workspace's, or neither. */
  deploymentLabel: string | null
  workspaceLabel: string | null
  /** null: the user's own. */
  team: { id: string; name: string } | null
}

/** System roles first, then by where, then own before team roles. */
export function roleRows(roleBindings: readonly BindingLike[]): RoleRow[] {
  const order = (r: Role) => ['SYSTEM', 'WORKSPACE', 'DEPLOYMENT'].indexOf(roleScope(r))
  const where = (r: RoleRow) => placeOf(r.deploymentLabel, r.workspaceLabel, plain)
  return roleBindings
    .map((b) => ({
      id: b.id,
      role: b.role,
      deploymentLabel: b.deployment?.label ?? null,
      workspaceLabel: b.deployment?.workspace.label ?? b.workspace?.label ?? null,
      team: b.team,
    }))
    .sort((a, b) => order(a.role) - order(b.role) || where(a).localeCompare(where(b)) || (a.team?.name ?? '').localeCompare(b.team?.name ?? ''))
}

export function workspacesOf(roleBindings: readonly BindingLike[]): { id: string; label: string }[] {
  const byId = new Map<string, string>()
  for (const b of roleBindings) {
    const ws = b.workspace ?? b.deployment?.workspace
    if (ws) byId.set(ws.id, ws.label)
  }
  return [...byId].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label))
}

export const accessScopeSchema = z.object({
  ws: z.string().catch('').default(''),
  dep: z.string().catch('').default(''),
})

export function targetOf(scope: z.infer<typeof accessScopeSchema>): GrantTarget {
  if (!scope.ws) return { scope: 'SYSTEM' }
  if (!scope.dep) return { scope: 'WORKSPACE', workspaceId: scope.ws }
  return { scope: 'DEPLOYMENT', workspaceId: scope.ws, deploymentId: scope.dep }
}
