import { systemPermissions } from '../../../src/lib/permissions'
import { AUTH_CONFIG, checkPassword, issueToken, requireViewer } from '../auth'
import { bindingsOfUser, isSystemAdmin } from '../authz'
import type { Resolvers } from '../generated/resolvers-types'

export const authResolvers: Resolvers = {
  Query: {
    authConfig: () => AUTH_CONFIG,
    self: (_parent, _args, ctx) => ({ user: requireViewer(ctx).user, token: null }),
  },
  Mutation: {
    createToken: (_parent, { identity, password, duration }, ctx) => {
      const user = checkPassword(ctx.store, identity, password)
      return { user, token: issueToken(ctx.store, user, duration, ctx.now()) }
    },
  },
  AuthUser: {
    permissions: ({ user }, _args, ctx) => [...systemPermissions(bindingsOfUser(ctx.store, user.id))].sort(),
    isAdmin: ({ user }, _args, ctx) => isSystemAdmin(bindingsOfUser(ctx.store, user.id)),
  },
  Token: {
    payload: (t) => ({ uuid: t.userId, iat: t.iat, exp: t.exp }),
  },
}
