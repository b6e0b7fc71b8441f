// Platform-wide administration: all users and system roles.
import { requireViewer } from '../auth'
import { requireGrantable, requireSystem } from '../authz'
import { badInput, lastAdmin, notFound } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { iso } from '../lifecycle'
import type { RoleBindingRecord, UserRecord } from '../state'
import { userById } from './lookup'
import { userMatcher } from './members'

export const systemResolvers: Resolvers = {
  Query: {
    users: (_parent, { user, cursor, take }, ctx) => {
      requireSystem(ctx, 'system.users.get', 'list the users of the platform')
      if (take != null && take < 1) throw badInput('take', 'take must be at least 1.')
      // One pass in username order that stops once the page is full, as a database's LIMIT does.
      const matches = userMatcher(user)
      const page: UserRecord[] = []
      let afterCursor = !cursor
      for (const u of ctx.store.usersByUsername()) {
        if (!matches(u)) continue
        if (afterCursor) {
          page.push(u)
          if (take != null && page.length >= take) break
        } else if (u.id === cursor) afterCursor = true
      }
      if (!afterCursor) throw badInput('cursor', `The cursor ${cursor} names no user in this list.`)
      return page
    },
  },

  Mutation: {
    createSystemRoleBinding: (_parent, { userId, role }, ctx) => {
      requireSystem(ctx, 'system.iam.update', 'grant system roles')
      requireGrantable(ctx, role, 'SYSTEM')
      const user = userById(ctx, userId)
      if (ctx.store.bindingsOfUser(user.id).some((b) => b.role === role)) {
        throw badInput('role', `${user.email} already has ${role}.`)
      }
      const binding: RoleBindingRecord = {
        id: ctx.store.newId(),
        role,
        userId: user.id,
        serviceAccountId: null,
        workspaceId: null,
        deploymentId: null,
        createdAt: iso(ctx.now()),
      }
      ctx.store.putBinding(binding)
      return binding
    },

    updateUserStatus: (_parent, { userUuid, status }, ctx) => {
      const viewer = requireViewer(ctx)
      requireSystem(ctx, 'system.user.delete', 'deactivate or reactivate users')
      const user = userById(ctx, userUuid, 'userUuid')
      if (status === 'pending') {
        throw badInput('status', 'A user cannot be made pending: set active (reactivate) or inactive (deactivate).')
      }
      // Deactivating yourself would also lock out the last system admin; nobody may do it.
      if (user.id === viewer.user.id) throw badInput('userUuid', 'You cannot change the status of your own account: ask another system admin.')
      if (user.status === status) return user
      if (status === 'active' && user.status === 'pending') {
        throw badInput('status', `${user.email} has not accepted their invitation yet: they become active when they do.`)
      }
      user.status = status
      user.updatedAt = iso(ctx.now())
      // A deactivated user's sessions end at once; reactivating does not revive them.
      if (status === 'inactive') ctx.store.dropTokensOf(user.id)
      ctx.store.changed()
      return user
    },

    deleteSystemRoleBinding: (_parent, { userId, role }, ctx) => {
      requireSystem(ctx, 'system.iam.update', 'remove system roles')
      requireGrantable(ctx, role, 'SYSTEM')
      const user = userById(ctx, userId)
      const binding = ctx.store.bindingsOfUser(user.id).find((b) => b.role === role)
      if (!binding) throw notFound('system role', role, 'role', `${user.email} does not have ${role}.`)
      if (role === 'SYSTEM_ADMIN') {
        const admins = new Set(
          ctx.store
            .users()
            .filter((u) => u.status !== 'inactive' && ctx.store.bindingsOfUser(u.id).some((b) => b.role === 'SYSTEM_ADMIN'))
            .map((u) => u.id),
        )
        if (admins.size <= 1 && admins.has(user.id)) {
          throw lastAdmin(`${user.email} is the last system admin: make someone else a system admin first.`)
        }
      }
      ctx.store.removeBinding(binding.id)
      return binding
    },
  },
}
