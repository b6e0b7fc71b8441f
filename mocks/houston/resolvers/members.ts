// Who belongs to a workspace and with which role: members, invites and
// deployment-level role overrides.
import { type Role, workspacePermissions } from '../../../src/lib/permissions'
import { requireViewer } from '../auth'
import { bindingRecordsOfUser, requireGrantable, requireWorkspace, viewerBindings, viewerSystemPermissions } from '../authz'
import type { HoustonContext } from '../context'
import { badInput, lastAdmin, notFound } from '../errors'
import type { Resolvers, UserSearch } from '../generated/resolvers-types'
import { iso } from '../lifecycle'
import { secretString } from '../random'
import type { RoleBindingRecord, UserRecord, WorkspaceRecord } from '../state'
import * as valid from '../validate'
import { deploymentRolesIn } from './deployment-roles'
import { deploymentById, sortedBy, userById, workspaceById, workspaceOf } from './lookup'

/**
 * Users matching a search: every given criterion must hold, case-insensitively.
 * The criteria are read once, so filtering 10,000 users makes no closure per user.
 */
export function userMatcher(search: UserSearch | null | undefined): (u: UserRecord) => boolean {
  if (!search) return () => true
  const needle = (value: string | null | undefined) => value?.trim().toLowerCase() || null
  const username = needle(search.username)
  const email = needle(search.email)
  const fullName = needle(search.fullName)
  const phrase = needle(search.searchPhrase)
  const userUuid = search.userUuid ?? null
  return (u) => {
    if (userUuid && u.id !== userUuid) return false
    if (username && !u.username.toLowerCase().includes(username)) return false
    if (email && !u.email.toLowerCase().includes(email)) return false
    if (fullName && !(u.fullName ?? '').toLowerCase().includes(fullName)) return false
    if (phrase && !u.username.toLowerCase().includes(phrase) && !u.email.toLowerCase().includes(phrase) && !(u.fullName ?? '').toLowerCase().includes(phrase)) return false
    return true
  }
}

function memberBinding(ctx: HoustonContext, ws: WorkspaceRecord, userId: string): RoleBindingRecord | undefined {
  return ctx.store.bindingsOfWorkspace(ws.id).find((b) => b.userId === userId)
}

/** Refuses to leave a workspace without an admin. */
function assertKeepsAnAdmin(ctx: HoustonContext, ws: WorkspaceRecord, binding: RoleBindingRecord, what: string) {
  if (binding.role !== 'WORKSPACE_ADMIN') return
  const admins = ctx.store.bindingsOfWorkspace(ws.id).filter((b) => b.userId !== null && b.role === 'WORKSPACE_ADMIN')
  if (admins.length <= 1) {
    throw lastAdmin(`${what}: they are the last admin of workspace ${ws.label}, and a workspace must keep at least one. Make someone else an admin first.`)
  }
}

/** Whether the viewer may see a binding (their own, or one of their teams') that a user holds. */
function canSeeBinding(ctx: HoustonContext, holderId: string, b: RoleBindingRecord): boolean {
  if (holderId === requireViewer(ctx).user.id) return true
  if (b.workspaceId) return workspacePermissions(viewerBindings(ctx), b.workspaceId).has('workspace.users.get')
  return viewerSystemPermissions(ctx).has('system.users.get')
}

export const memberResolvers: Resolvers = {
  Query: {
    workspaceUsers: (_parent, { workspaceUuid, user }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.users.get', "see this workspace's members")
      const matches = userMatcher(user)
      return ctx.store
        .bindingsOfWorkspace(ws.id)
        .flatMap((b) => (b.userId ? [ctx.store.user(b.userId)] : []))
        .filter((u): u is UserRecord => u !== undefined && matches(u))
        .sort(sortedBy((u) => u.username))
    },

    workspaceInvites: (_parent, { workspaceUuid, invite }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.invites.get', "see this workspace's invites")
      const email = invite?.email?.trim().toLowerCase()
      return ctx.store
        .invitesOf(ws.id)
        .filter((i) => (!invite?.inviteUuid || i.id === invite.inviteUuid) && (!email || i.email.includes(email)))
        .sort(sortedBy((i) => i.email))
    },
  },

  Mutation: {
    workspaceAddUser: (_parent, args, ctx) => {
      const ws = workspaceById(ctx, args.workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.iam.update', 'add people to this workspace')
      const role: Role = args.role ?? 'WORKSPACE_VIEWER'
      requireGrantable(ctx, role, 'WORKSPACE', { workspace: ws })
      const email = valid.email(args.email)
      const deploymentRoles = deploymentRolesIn(ctx, ws, args.deploymentRoles)
      const now = iso(ctx.now())
      const user = ctx.store.userByEmail(email)
      if (user) {
        const existing = memberBinding(ctx, ws, user.id)
        if (existing) throw badInput('email', `${email} is already a member of ${ws.label} (${existing.role}).`)
        grantMembership(ctx, user.id, ws.id, role, deploymentRoles, now)
        return ws
      }
      if (ctx.store.invitesOf(ws.id).some((i) => i.email === email)) {
        throw badInput('email', `${email} has already been invited to ${ws.label}.`)
      }
      ctx.store.putInvite({
        id: ctx.store.newId(),
        email,
        role,
        workspaceId: ws.id,
        token: secretString(),
        deploymentRoles: deploymentRoles.map((d) => ({ deploymentId: d.deployment.id, role: d.role })),
        createdAt: now,
        updatedAt: now,
      })
      return ws
    },

    workspaceUpdateUserRole: (_parent, args, ctx) => {
      const ws = workspaceById(ctx, args.workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.iam.update', "change roles in this workspace")
      requireGrantable(ctx, args.role, 'WORKSPACE', { workspace: ws })
      const email = valid.email(args.email)
      const user = ctx.store.userByEmail(email)
      const binding = user ? memberBinding(ctx, ws, user.id) : undefined
      if (binding) {
        if (args.role !== 'WORKSPACE_ADMIN') assertKeepsAnAdmin(ctx, ws, binding, `${email} cannot be demoted`)
        binding.role = args.role
        ctx.store.changed()
        return args.role
      }
      const invite = ctx.store.invitesOf(ws.id).find((i) => i.email === email)
      if (invite) {
        invite.role = args.role
        invite.updatedAt = iso(ctx.now())
        return args.role
      }
      throw houstonNotMember(email, ws)
    },

    workspaceRemoveUser: (_parent, { workspaceUuid, userUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.iam.update', 'remove people from this workspace')
      const user = userById(ctx, userUuid, 'userUuid')
      const binding = memberBinding(ctx, ws, user.id)
      if (!binding) throw houstonNotMember(user.email, ws, 'userUuid')
      assertKeepsAnAdmin(ctx, ws, binding, `${user.email} cannot be removed`)
      // Leaving a workspace also ends the user's roles on its deployments.
      for (const b of ctx.store.bindingsOfUser(user.id)) {
        if (b.workspaceId === ws.id) ctx.store.removeBinding(b.id)
      }
      return ws
    },

    deleteInviteToken: (_parent, { inviteUuid }, ctx) => {
      const invite = ctx.store.invite(inviteUuid)
      if (!invite) throw notFound('invite', inviteUuid, 'inviteUuid')
      const ws = workspaceById(ctx, invite.workspaceId)
      requireWorkspace(ctx, ws, 'workspace.iam.update', "revoke this workspace's invites")
      ctx.store.removeInvite(invite.id)
      return invite
    },

    deploymentAddUserRole: (_parent, { deploymentUuid, userId, role }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      const ws = workspaceOf(ctx, dep)
      requireWorkspace(ctx, ws, 'workspace.iam.update', "change roles on this workspace's deployments")
      requireGrantable(ctx, role, 'DEPLOYMENT', { workspace: ws, deployment: dep })
      const user = userById(ctx, userId)
      const existing = ctx.store.bindingsOfDeployment(dep.id).find((b) => b.userId === user.id)
      if (existing) {
        throw badInput('userId', `${user.email} already has ${existing.role} on ${dep.label}: change that role instead.`)
      }
      const binding: RoleBindingRecord = {
        id: ctx.store.newId(),
        role,
        userId: user.id,
        serviceAccountId: null,
        workspaceId: ws.id,
        deploymentId: dep.id,
        createdAt: iso(ctx.now()),
      }
      ctx.store.putBinding(binding)
      return binding
    },

    deploymentUpdateUserRole: (_parent, { deploymentUuid, userId, role }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      const ws = workspaceOf(ctx, dep)
      requireWorkspace(ctx, ws, 'workspace.iam.update', "change roles on this workspace's deployments")
      requireGrantable(ctx, role, 'DEPLOYMENT', { workspace: ws, deployment: dep })
      const user = userById(ctx, userId)
      const binding = ctx.store.bindingsOfDeployment(dep.id).find((b) => b.userId === user.id)
      if (!binding) throw notFoundOverride(user, dep.label)
      binding.role = role
      ctx.store.changed()
      return binding
    },

    deploymentRemoveUserRole: (_parent, { deploymentUuid, userId }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      const ws = workspaceOf(ctx, dep)
      requireWorkspace(ctx, ws, 'workspace.iam.update', "change roles on this workspace's deployments")
      const user = userById(ctx, userId)
      const binding = ctx.store.bindingsOfDeployment(dep.id).find((b) => b.userId === user.id)
      if (!binding) throw notFoundOverride(user, dep.label)
      ctx.store.removeBinding(binding.id)
      return binding
    },
  },

  User: {
    emails: (u) => [{ address: u.email, primary: true, verified: u.emailVerified }],
    // The user's own bindings, then their teams' (RoleBinding.team says which).
    roleBindings: (u, _args, ctx) =>
      bindingRecordsOfUser(ctx.store, u.id)
        .map(({ binding }) => binding)
        .filter((b) => canSeeBinding(ctx, u.id, b)),
  },

  RoleBinding: {
    user: (b, _args, ctx) => (b.userId ? (ctx.store.user(b.userId) ?? null) : null),
    serviceAccount: (b, _args, ctx) => (b.serviceAccountId ? (ctx.store.serviceAccount(b.serviceAccountId) ?? null) : null),
    workspace: (b, _args, ctx) => (b.workspaceId ? (ctx.store.workspace(b.workspaceId) ?? null) : null),
    deployment: (b, _args, ctx) => (b.deploymentId ? (ctx.store.deployment(b.deploymentId) ?? null) : null),
  },

  Invite: {
    workspace: (i, _args, ctx) => workspaceById(ctx, i.workspaceId),
    // A deployment deleted since the invite was made is left out.
    deploymentRoles: (i, _args, ctx) =>
      (i.deploymentRoles ?? []).flatMap(({ deploymentId, role }) => {
        const deployment = ctx.store.deployment(deploymentId)
        return deployment && deployment.workspaceId === i.workspaceId ? [{ deployment, role }] : []
      }),
  },
}

/**
 * Makes a user a member with a workspace role and roles on some of its
 * deployments (replacing a deployment role they already hold there).
 */
export function grantMembership(
  ctx: HoustonContext,
  userId: string,
  workspaceId: string,
  role: Role,
  deploymentRoles: readonly { role: Role; deployment: { id: string } }[],
  now: string,
): void {
  ctx.store.putBinding({ id: ctx.store.newId(), role, userId, serviceAccountId: null, workspaceId, deploymentId: null, createdAt: now })
  for (const { deployment, role: depRole } of deploymentRoles) {
    const own = ctx.store.bindingsOfDeployment(deployment.id).find((b) => b.userId === userId)
    if (own) {
      own.role = depRole
      ctx.store.changed()
    } else {
      ctx.store.putBinding({ id: ctx.store.newId(), role: depRole, userId, serviceAccountId: null, workspaceId, deploymentId: deployment.id, createdAt: now })
    }
  }
}

function houstonNotMember(email: string, ws: WorkspaceRecord, field = 'email') {
  return notFound('member', email, field, `${email} is not a member of ${ws.label} and has no pending invite there.`)
}

function notFoundOverride(user: UserRecord, deploymentLabel: string) {
  return notFound('deployment role', user.id, 'userId', `${user.email} has no role of their own on ${deploymentLabel}.`)
}
