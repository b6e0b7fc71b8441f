// Creating an account (Houston's `createUser`). This platform has no public
// signup: an account is made by accepting an invitation, whose secret token
// reached the invited address. Accepting grants what the invites of that
// address offered (workspace roles and deployment roles) and uses them up.
import { AUTH_CONFIG, hashPassword, issueToken } from '../auth'
import { badInput } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { iso } from '../lifecycle'
import type { UserRecord } from '../state'
import * as valid from '../validate'
import { grantMembership } from './members'

export const PASSWORD_MIN = 8

export const signupResolvers: Resolvers = {
  Mutation: {
    createUser: (_parent, args, ctx) => {
      const email = valid.email(args.email)
      const token = args.inviteToken?.trim() ?? ''
      const invites = ctx.store.workspaces().flatMap((w) => ctx.store.invitesOf(w.id)).filter((i) => i.email === email)
      if (!AUTH_CONFIG.publicSignup) {
        if (!token) throw badInput('inviteToken', 'Accounts are made by invitation: open the link in the invitation email.')
        if (!invites.some((i) => i.token === token)) {
          throw badInput('inviteToken', 'This invitation is not valid for this address: it was revoked, already used, or sent to another address.')
        }
      }
      if (ctx.store.userByEmail(email)) throw badInput('email', `An account for ${email} already exists: sign in instead.`)
      if (args.password.length < PASSWORD_MIN) throw badInput('password', `Choose a password of at least ${PASSWORD_MIN} characters.`)
      const fullName = args.fullName?.trim() || null
      const now = iso(ctx.now())
      const local = email.slice(0, email.indexOf('@'))
      let username = local
      for (let n = 2; ctx.store.userByUsername(username); n++) username = `${local}${n}`
      const user: UserRecord = {
        id: ctx.store.newId(),
        username,
        email,
        emailVerified: true,
        fullName,
        status: 'active',
        passwordHash: hashPassword(args.password),
        createdAt: now,
        updatedAt: now,
      }
      ctx.store.putUser(user)
      // The token proved the address: every invitation of it is accepted.
      for (const invite of invites) {
        const deploymentRoles = (invite.deploymentRoles ?? []).flatMap(({ deploymentId, role }) => {
          const deployment = ctx.store.deployment(deploymentId)
          return deployment && deployment.workspaceId === invite.workspaceId ? [{ deployment, role }] : []
        })
        if (ctx.store.workspace(invite.workspaceId)) grantMembership(ctx, user.id, invite.workspaceId, invite.role, deploymentRoles, now)
        ctx.store.removeInvite(invite.id)
      }
      return { user, token: issueToken(ctx.store, user, null, ctx.now()) }
    },
  },
}
