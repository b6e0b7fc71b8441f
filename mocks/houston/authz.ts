// Every permission decision of the fake Houston goes through here, and from
// here through src/lib/permissions.ts: the role table lives there only.
import {
  type Binding,
  type Role,
  type Scope,
  boundWorkspaceIds,
  deploymentPermissions,
  grantableRoles,
  grantingRoleOf,
  roleScope,
  systemPermissions,
  systemRoleOf,
  workspacePermissions,
} from '../../src/lib/permissions'
import { requireViewer } from './auth'
import type { HoustonContext } from './context'
import { badInput, forbidden, type ForbiddenTarget, houstonError } from './errors'
import type { DeploymentRecord, RoleBindingRecord, TeamRecord, WorkspaceRecord } from './state'
import type { Store } from './store'

export function toBinding(b: RoleBindingRecord, team?: TeamRecord): Binding {
  return { role: b.role, workspaceId: b.workspaceId, deploymentId: b.deploymentId, via: team ? { teamId: team.id, teamName: team.name } : null }
}

/** A user's binding records: their own, then those of each team they are a member of. */
export function bindingRecordsOfUser(store: Store, userId: string): { binding: RoleBindingRecord; team: TeamRecord | null }[] {
  const out: { binding: RoleBindingRecord; team: TeamRecord | null }[] = store.bindingsOfUser(userId).map((binding) => ({ binding, team: null }))
  for (const team of store.teamsOfUser(userId)) for (const binding of store.bindingsOfTeam(team.id)) out.push({ binding, team })
  return out
}

/**
 * A user's bindings, their own and their teams' (each marked with its team):
 * the permission module combines them, the most permissive winning.
 */
export function bindingsOfUser(store: Store, userId: string): Binding[] {
  return bindingRecordsOfUser(store, userId).map(({ binding, team }) => toBinding(binding, team ?? undefined))
}

/** The signed-in user's bindings (read afresh: a mutation may have just changed them). */
export function viewerBindings(ctx: HoustonContext): Binding[] {
  return bindingsOfUser(ctx.store, requireViewer(ctx).user.id)
}

export const viewerSystemPermissions = (ctx: HoustonContext) => systemPermissions(viewerBindings(ctx))
export const viewerWorkspacePermissions = (ctx: HoustonContext, ws: WorkspaceRecord) =>
  workspacePermissions(viewerBindings(ctx), ws.id)
export const viewerDeploymentPermissions = (ctx: HoustonContext, dep: DeploymentRecord) =>
  deploymentPermissions(viewerBindings(ctx), dep.workspaceId, dep.id)

export { systemRoleOf }

export const isSystemAdmin = (bindings: readonly Binding[]): boolean => systemRoleOf(bindings) === 'SYSTEM_ADMIN'

/**
 * Whether the viewer may see a workspace at all: any role in it (a deployment
 * role in one of its deployments counts), or a system role that acts as a
 * workspace role everywhere.
 */
export function canSeeWorkspace(ctx: HoustonContext, ws: WorkspaceRecord): boolean {
  const bindings = viewerBindings(ctx)
  return boundWorkspaceIds(bindings).has(ws.id) || workspacePermissions(bindings, ws.id).has('workspace.deployments.get')
}

/** Refuses a workspace the viewer has no role in (naming the permission that would open it). */
export function requireWorkspaceVisible(ctx: HoustonContext, ws: WorkspaceRecord, action: string): void {
  if (!canSeeWorkspace(ctx, ws)) throw forbidden('workspace.deployments.get', workspaceTarget(ctx, ws), action)
}

const workspaceTarget = (ctx: HoustonContext, ws: WorkspaceRecord): ForbiddenTarget => ({
  entityType: 'WORKSPACE',
  entityId: ws.id,
  // Names the workspace only to those who may see it.
  name: canSeeWorkspace(ctx, ws) ? `workspace "${ws.label}"` : `workspace ${ws.id}`,
})

const deploymentTarget = (ctx: HoustonContext, dep: DeploymentRecord): ForbiddenTarget => ({
  entityType: 'DEPLOYMENT',
  entityId: dep.id,
  name: viewerDeploymentPermissions(ctx, dep).has('deployment.config.get')
    ? `deployment "${dep.label}" (${dep.releaseName})`
    : `deployment ${dep.id}`,
})

export function requireSystem(ctx: HoustonContext, permission: string, action?: string): void {
  if (!viewerSystemPermissions(ctx).has(permission)) {
    throw forbidden(permission, { entityType: 'SYSTEM', name: 'the platform' }, action)
  }
}

export function requireWorkspace(ctx: HoustonContext, ws: WorkspaceRecord, permission: string, action?: string): void {
  if (!viewerWorkspacePermissions(ctx, ws).has(permission)) throw forbidden(permission, workspaceTarget(ctx, ws), action)
}

export function requireDeployment(ctx: HoustonContext, dep: DeploymentRecord, permission: string, action?: string): void {
  if (!viewerDeploymentPermissions(ctx, dep).has(permission)) {
    throw forbidden(permission, deploymentTarget(ctx, dep), action)
  }
}

/** The viewer's own role for granting on a scope: a system admin grants anything. */
function ownRoleFor(ctx: HoustonContext, scope: Scope, ws?: WorkspaceRecord, dep?: DeploymentRecord): Role | null {
  const bindings = viewerBindings(ctx)
  if (scope === 'SYSTEM') return grantingRoleOf(bindings, { scope })
  if (scope === 'WORKSPACE') return ws ? grantingRoleOf(bindings, { scope, workspaceId: ws.id }) : isSystemAdmin(bindings) ? 'SYSTEM_ADMIN' : null
  return dep ? grantingRoleOf(bindings, { scope, workspaceId: dep.workspaceId, deploymentId: dep.id }) : isSystemAdmin(bindings) ? 'SYSTEM_ADMIN' : null
}

/**
 * Refuses a role of the wrong scope, or one above the viewer's own.
 * `field` is the argument the role came in.
 */
export function requireGrantable(
  ctx: HoustonContext,
  role: Role,
  scope: Scope,
  target: { workspace?: WorkspaceRecord; deployment?: DeploymentRecord } = {},
  field = 'role',
): void {
  if (roleScope(role) !== scope) {
    throw badInput(field, `${role} is not a ${scope.toLowerCase()} role: choose one of ${scope}_VIEWER, ${scope}_EDITOR, ${scope}_ADMIN.`)
  }
  const own = ownRoleFor(ctx, scope, target.workspace, target.deployment)
  const allowed = grantableRoles(own, scope)
  if (!allowed.includes(role)) {
    throw houstonError(
      'FORBIDDEN',
      `You cannot grant ${role}: it is above your own role (${own ?? 'none'}). ` +
        (allowed.length ? `You can grant ${allowed.join(', ')}.` : 'You can grant no role here.'),
      { permission: `grant ${role}`, grantableRoles: allowed },
    )
  }
}

/** Whether the viewer may see one of a team's bindings: their own team's, or by the *.teams.get permission where it applies. */
export function canSeeTeamBinding(ctx: HoustonContext, team: TeamRecord, b: RoleBindingRecord): boolean {
  const viewer = requireViewer(ctx)
  if (team.userIds.includes(viewer.user.id)) return true
  const bindings = viewerBindings(ctx)
  if (systemPermissions(bindings).has('system.teams.get')) return true
  if (!b.workspaceId) return false
  if (b.deploymentId) return deploymentPermissions(bindings, b.workspaceId, b.deploymentId).has('deployment.teams.get')
  return workspacePermissions(bindings, b.workspaceId).has('workspace.teams.get')
}

/** Whether the viewer may open a team: system.teams.get, a member, or one who sees one of its roles. */
export function canSeeTeam(ctx: HoustonContext, team: TeamRecord): boolean {
  if (viewerSystemPermissions(ctx).has('system.teams.get')) return true
  if (team.userIds.includes(requireViewer(ctx).user.id)) return true
  return ctx.store.bindingsOfTeam(team.id).some((b) => canSeeTeamBinding(ctx, team, b))
}
