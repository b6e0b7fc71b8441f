// The one place where role bindings become permissions. The UI asks it what
// to show; the fake Houston asks it what to allow. The table is the domain's
// (shared/spec/domain.md, "Roles and permissions").

export const ROLES = [
  'SYSTEM_VIEWER',
  'SYSTEM_EDITOR',
  'SYSTEM_ADMIN',
  'WORKSPACE_VIEWER',
  'WORKSPACE_EDITOR',
  'WORKSPACE_ADMIN',
  'DEPLOYMENT_VIEWER',
  'DEPLOYMENT_EDITOR',
  'DEPLOYMENT_ADMIN',
] as const

export type Role = (typeof ROLES)[number]
export type Scope = 'SYSTEM' | 'WORKSPACE' | 'DEPLOYMENT'
export type Level = 'VIEWER' | 'EDITOR' | 'ADMIN'

const LEVELS: readonly Level[] = ['VIEWER', 'EDITOR', 'ADMIN']

/** Grants added at each level; a level holds its own and every lower level's. */
const GRANTS: Record<Scope, Record<Level, readonly string[]>> = {
  SYSTEM: {
    VIEWER: ['system.monitoring.get', 'system.serviceAccounts.get', 'system.airflow.get', 'system.teams.get', 'system.taskUsage.get'],
    EDITOR: ['system.iam.update', 'system.serviceAccounts.update', 'system.airflow.user'],
    ADMIN: [
      'system.deployments.get',
      'system.deployments.update',
      'system.deployments.delete',
      'system.deployments.logs',
      'system.deployments.metrics',
      'system.invite.get',
      'system.serviceAccounts.create',
      'system.serviceAccounts.delete',
      'system.users.get',
      'system.user.invite',
      'system.user.delete',
      'system.workspace.suspend',
      'system.airflow.admin',
      'system.teams.update',
      'system.taskUsage.export',
    ],
  },
  WORKSPACE: {
    VIEWER: [
      'workspace.deployments.get',
      'workspace.invites.get',
      'workspace.serviceAccounts.get',
      'workspace.users.get',
      'workspace.teams.get',
      'workspace.taskUsage.get',
    ],
    EDITOR: [
      'workspace.config.update',
      'workspace.deployments.create',
      'workspace.serviceAccounts.create',
      'workspace.serviceAccounts.update',
      'workspace.serviceAccounts.delete',
    ],
    ADMIN: ['workspace.config.delete', 'workspace.iam.update', 'workspace.teams.update'],
  },
  DEPLOYMENT: {
    VIEWER: [
      'deployment.airflow.get',
      'deployment.config.get',
      'deployment.logs.get',
      'deployment.metrics.get',
      'deployment.serviceAccounts.get',
      'deployment.images.pull',
      'deployment.teams.get',
      'deployment.taskUsage.get',
    ],
    EDITOR: [
      'deployment.airflow.user',
      'deployment.config.update',
      'deployment.images.push',
      'deployment.serviceAccounts.create',
      'deployment.serviceAccounts.update',
      'deployment.serviceAccounts.delete',
    ],
    ADMIN: ['deployment.airflow.admin', 'deployment.config.delete', 'deployment.teamRoles.update'],
  },
}

/** What every signed-in user may do, whatever their bindings. */
export const EVERY_USER: readonly string[] = ['system.workspace.create']

export function roleScope(role: Role): Scope {
  return role.slice(0, role.indexOf('_')) as Scope
}

export function roleLevel(role: Role): Level {
  return role.slice(role.indexOf('_') + 1) as Level
}

export function roleOf(scope: Scope, level: Level): Role {
  return `${scope}_${level}`
}

/** Orders roles of one scope: VIEWER < EDITOR < ADMIN. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level)
}

export function isAtLeast(role: Role, level: Level): boolean {
  return levelRank(roleLevel(role)) >= levelRank(level)
}

/** The permissions one role grants, lower levels included. */
export function permissionsOfRole(role: Role): ReadonlySet<string> {
  const scope = roleScope(role)
  const rank = levelRank(roleLevel(role))
  const out = new Set<string>()
  for (const level of LEVELS.slice(0, rank + 1)) {
    for (const p of GRANTS[scope][level]) out.add(p)
  }
  return out
}

/** The team a binding is held through; a binding without one is the user's own (direct). */
export interface TeamSource {
  teamId: string
  teamName: string
}

export interface Binding {
  role: Role
  workspaceId?: string | null
  deploymentId?: string | null
  /** Set when the role is held as a member of a team. */
  via?: TeamSource | null
}

function maxLevel(levels: readonly Level[]): Level | null {
  let best: Level | null = null
  for (const l of levels) if (best === null || levelRank(l) > levelRank(best)) best = l
  return best
}

function systemLevel(bindings: readonly Binding[]): Level | null {
  return maxLevel(bindings.filter((b) => roleScope(b.role) === 'SYSTEM').map((b) => roleLevel(b.role)))
}

/** The user's role on one workspace (the highest workspace binding), or null. */
export function workspaceRoleOf(bindings: readonly Binding[], workspaceId: string): Role | null {
  const level = maxLevel(
    bindings
      .filter((b) => roleScope(b.role) === 'WORKSPACE' && b.workspaceId === workspaceId)
      .map((b) => roleLevel(b.role)),
  )
  return level ? roleOf('WORKSPACE', level) : null
}

/** The bindings of each source apart: the direct ones first, then each team's. */
function groupBySource(bindings: readonly Binding[]): Binding[][] {
  const groups = new Map<string, Binding[]>([['direct', []]])
  for (const b of bindings) {
    const key = b.via ? `team:${b.via.teamId}` : 'direct'
    const group = groups.get(key)
    if (group) group.push(b)
    else groups.set(key, [b])
  }
  return [...groups.values()].filter((g) => g.length > 0)
}

/**
 * The binding role that decides one source's deployment role, by the override
 * rule: a system admin or workspace admin is admin everywhere; otherwise a
 * deployment binding replaces the workspace role.
 */
function decidingRoleOfSource(bindings: readonly Binding[], workspaceId: string, deploymentId: string): Role | null {
  const sys = systemRoleOf(bindings)
  if (sys === 'SYSTEM_ADMIN') return sys
  const ws = workspaceRoleOf(bindings, workspaceId)
  if (ws === 'WORKSPACE_ADMIN') return ws
  const override = maxLevel(
    bindings
      .filter((b) => roleScope(b.role) === 'DEPLOYMENT' && b.deploymentId === deploymentId)
      .map((b) => roleLevel(b.role)),
  )
  return override ? roleOf('DEPLOYMENT', override) : ws
}

function deploymentLevelOfSource(bindings: readonly Binding[], workspaceId: string, deploymentId: string): Level | null {
  const role = decidingRoleOfSource(bindings, workspaceId, deploymentId)
  if (!role) return null
  return roleScope(role) === 'DEPLOYMENT' || roleScope(role) === 'WORKSPACE' ? roleLevel(role) : 'ADMIN'
}

/**
 * The user's role on one deployment.
 * - A workspace role applies to every deployment of the workspace at the same level.
 * - A deployment binding overrides it for that deployment (narrows or widens),
 *   except that a workspace admin is deployment admin on every deployment.
 * - A system admin is deployment admin everywhere.
 * - Roles come from several sources (the user's own bindings, and each team
 *   they belong to): the rule above applies to each source by itself, and the
 *   most permissive result wins. So a team's workspace editor role lifts a
 *   direct deployment viewer override, and a team's deployment role never
 *   narrows what the user's own workspace role gives.
 */
export function deploymentRoleOf(
  bindings: readonly Binding[],
  workspaceId: string,
  deploymentId: string,
): Role | null {
  if (systemLevel(bindings) === 'ADMIN') return 'DEPLOYMENT_ADMIN'
  const level = maxLevel(
    groupBySource(bindings).flatMap((group) => {
      const l = deploymentLevelOfSource(group, workspaceId, deploymentId)
      return l ? [l] : []
    }),
  )
  return level ? roleOf('DEPLOYMENT', level) : null
}

/** Permissions that hold everywhere: system roles and the every-user grants. */
export function systemPermissions(bindings: readonly Binding[]): Set<string> {
  const out = new Set<string>(EVERY_USER)
  const level = systemLevel(bindings)
  if (level) for (const p of permissionsOfRole(roleOf('SYSTEM', level))) out.add(p)
  return out
}

/**
 * Permissions on one workspace. A system admin acts as workspace admin on
 * every workspace (Houston lets system permissions stand in for workspace ones).
 */
export function workspacePermissions(bindings: readonly Binding[], workspaceId: string): Set<string> {
  const out = systemPermissions(bindings)
  const role = systemLevel(bindings) === 'ADMIN' ? 'WORKSPACE_ADMIN' : workspaceRoleOf(bindings, workspaceId)
  if (role) for (const p of permissionsOfRole(role)) out.add(p)
  return out
}

/** Permissions on one deployment: its workspace's plus the deployment role's. */
export function deploymentPermissions(
  bindings: readonly Binding[],
  workspaceId: string,
  deploymentId: string,
): Set<string> {
  const out = workspacePermissions(bindings, workspaceId)
  const role = deploymentRoleOf(bindings, workspaceId, deploymentId)
  if (role) for (const p of permissionsOfRole(role)) out.add(p)
  return out
}

export type PermissionSource =
  | { kind: 'everyone' }
  | { kind: 'direct'; role: Role }
  | ({ kind: 'team'; role: Role } & TeamSource)

export interface ExplainedPermission {
  permission: string
  /** Every source that grants it on its own: the direct roles first, then teams by name. */
  sources: PermissionSource[]
}

/** The role of one source that grants a permission of this scope on the target, or null. */
function grantingRoleOfSource(bindings: readonly Binding[], permission: string, target: GrantTarget): Role | null {
  if (permission.startsWith('system.')) return systemRoleOf(bindings)
  if (target.scope === 'SYSTEM') return null
  if (permission.startsWith('workspace.')) {
    return systemRoleOf(bindings) === 'SYSTEM_ADMIN' ? 'SYSTEM_ADMIN' : workspaceRoleOf(bindings, target.workspaceId)
  }
  if (target.scope !== 'DEPLOYMENT') return null
  return decidingRoleOfSource(bindings, target.workspaceId, target.deploymentId)
}

function permissionsOn(bindings: readonly Binding[], target: GrantTarget): Set<string> {
  switch (target.scope) {
    case 'SYSTEM':
      return systemPermissions(bindings)
    case 'WORKSPACE':
      return workspacePermissions(bindings, target.workspaceId)
    case 'DEPLOYMENT':
      return deploymentPermissions(bindings, target.workspaceId, target.deploymentId)
  }
}

/**
 * Every permission the bindings give on a target (the platform, a workspace or
 * a deployment), each with where it comes from: every signed-in user, the
 * user's own roles, or a team, with the role that grants it. The permissions
 * listed are exactly those of systemPermissions / workspacePermissions /
 * deploymentPermissions for the same target.
 */
export function explainPermissions(bindings: readonly Binding[], target: GrantTarget): ExplainedPermission[] {
  const out = new Map<string, PermissionSource[]>()
  const add = (permission: string, source: PermissionSource) => {
    const list = out.get(permission)
    if (list) list.push(source)
    else out.set(permission, [source])
  }
  for (const p of EVERY_USER) add(p, { kind: 'everyone' })
  const groups = groupBySource(bindings).sort((a, b) => {
    const an = a[0]?.via?.teamName ?? ''
    const bn = b[0]?.via?.teamName ?? ''
    return an.localeCompare(bn)
  })
  for (const group of groups) {
    const via = group[0]?.via ?? null
    for (const p of permissionsOn(group, target)) {
      if (EVERY_USER.includes(p)) continue
      const role = grantingRoleOfSource(group, p, target)
      if (!role) continue
      add(p, via ? { kind: 'team', role, teamId: via.teamId, teamName: via.teamName } : { kind: 'direct', role })
    }
  }
  const order: Record<string, number> = { system: 0, workspace: 1, deployment: 2 }
  return [...out.entries()]
    .map(([permission, sources]) => ({ permission, sources }))
    .sort((a, b) => {
      const sa = order[a.permission.slice(0, a.permission.indexOf('.'))] ?? 3
      const sb = order[b.permission.slice(0, b.permission.indexOf('.'))] ?? 3
      return sa - sb || a.permission.localeCompare(b.permission)
    })
}

/** Workspaces the bindings give any access to (system admins see all: pass them separately). */
export function boundWorkspaceIds(bindings: readonly Binding[]): Set<string> {
  const out = new Set<string>()
  for (const b of bindings) if (b.workspaceId) out.add(b.workspaceId)
  return out
}

/** Roles a user of `own` role may grant on the same scope: never above their own. */
export function grantableRoles(own: Role | null, scope: Scope): Role[] {
  if (!own) return []
  const ownRank = roleScope(own) === 'SYSTEM' && roleLevel(own) === 'ADMIN' ? 2 : levelRank(roleLevel(own))
  return LEVELS.filter((l) => levelRank(l) <= ownRank).map((l) => roleOf(scope, l))
}

/** The highest system role among some bindings, or null. */
export function systemRoleOf(bindings: readonly Binding[]): Role | null {
  const level = systemLevel(bindings)
  return level ? roleOf('SYSTEM', level) : null
}

export type GrantTarget =
  | { scope: 'SYSTEM' }
  | { scope: 'WORKSPACE'; workspaceId: string }
  | { scope: 'DEPLOYMENT'; workspaceId: string; deploymentId: string }

/**
 * The role someone grants with on a target: a system admin grants anything;
 * otherwise their own role of the target's scope there.
 */
export function grantingRoleOf(bindings: readonly Binding[], target: GrantTarget): Role | null {
  if (systemLevel(bindings) === 'ADMIN') return 'SYSTEM_ADMIN'
  switch (target.scope) {
    case 'SYSTEM':
      return systemRoleOf(bindings)
    case 'WORKSPACE':
      return workspaceRoleOf(bindings, target.workspaceId)
    case 'DEPLOYMENT':
      return deploymentRoleOf(bindings, target.workspaceId, target.deploymentId)
  }
}

/** The roles of the target's scope that these bindings may grant there (never above their own). */
export function grantableRolesOn(bindings: readonly Binding[], target: GrantTarget): Role[] {
  return grantableRoles(grantingRoleOf(bindings, target), target.scope)
}

export const ROLE_LABELS: Record<Role, string> = {
  SYSTEM_VIEWER: 'System viewer',
  SYSTEM_EDITOR: 'System editor',
  SYSTEM_ADMIN: 'System admin',
  WORKSPACE_VIEWER: 'Viewer',
  WORKSPACE_EDITOR: 'Editor',
  WORKSPACE_ADMIN: 'Admin',
  DEPLOYMENT_VIEWER: 'Viewer',
  DEPLOYMENT_EDITOR: 'Editor',
  DEPLOYMENT_ADMIN: 'Admin',
}
