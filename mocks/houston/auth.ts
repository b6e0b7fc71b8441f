// Local sign-in: password check, token issue and token validation.
import type { HoustonContext, Viewer } from './context'
import { badInput, unauthenticated } from './errors'
import { hashHex, secretString } from './random'
import type { UserRecord } from './state'
import type { Store } from './store'

/** Every seeded account signs in with this password. */
export const DEMO_PASSWORD = 'demo'

export const DEFAULT_TOKEN_SECONDS = 24 * 60 * 60
const MAX_TOKEN_SECONDS = 365 * 24 * 60 * 60

export const hashPassword = (password: string): string => `cyrb128:${hashHex(`houston-password:${password}`)}`

export const AUTH_CONFIG = {
  localEnabled: true,
  publicSignup: false,
  initialSignup: false,
  // Placeholders: the console shows these providers as "not configured in demo".
  providers: [
    { name: 'google', displayName: 'Google', url: '#oauth/google' },
    { name: 'okta', displayName: 'Okta', url: '#oauth/okta' },
  ],
}

/** Finds the user an identity (email or username) names. */
export function userByIdentity(store: Store, identity: string): UserRecord | undefined {
  const id = identity.trim()
  return id.includes('@') ? store.userByEmail(id) : store.userByUsername(id)
}

export function checkPassword(store: Store, identity: string, password: string): UserRecord {
  const user = userByIdentity(store, identity)
  // One message for an unknown account and a wrong password: no account probing.
  if (!user || user.passwordHash === null || user.passwordHash !== hashPassword(password)) {
    throw unauthenticated('The email or password is not correct.')
  }
  if (user.status === 'inactive') throw unauthenticated('This account is deactivated. Ask a system admin to reactivate it.')
  return user
}

export interface IssuedToken {
  value: string
  userId: string
  iat: number
  exp: number
}

export function issueToken(store: Store, user: UserRecord, duration: number | null | undefined, nowMs: number): IssuedToken {
  const seconds = duration ?? DEFAULT_TOKEN_SECONDS
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TOKEN_SECONDS) {
    throw badInput('duration', `The token duration must be between 1 and ${MAX_TOKEN_SECONDS} seconds.`)
  }
  const iat = Math.floor(nowMs / 1000)
  store.dropExpiredTokens(iat)
  const value = secretString(32)
  const record = { userId: user.id, iat, exp: iat + seconds }
  store.putToken(value, record)
  return { value, ...record }
}

/** Who a bearer token belongs to, or why it is refused. */
export function authenticate(
  store: Store,
  rawToken: string | null,
  nowMs: number,
): { viewer: Viewer | null; authProblem: string | null } {
  const token = rawToken?.replace(/^Bearer\s+/i, '').trim() ?? ''
  if (!token) return { viewer: null, authProblem: null }
  const record = store.token(token)
  if (!record) return { viewer: null, authProblem: 'The token is not valid: sign in again.' }
  if (record.exp * 1000 <= nowMs) return { viewer: null, authProblem: 'Your session has expired: sign in again.' }
  const user = store.user(record.userId)
  if (!user) return { viewer: null, authProblem: 'The account of this token no longer exists.' }
  if (user.status === 'inactive') return { viewer: null, authProblem: 'This account is deactivated.' }
  return { viewer: { user, token }, authProblem: null }
}

/** The signed-in user, or UNAUTHENTICATED. */
export function requireViewer(ctx: HoustonContext): Viewer {
  if (ctx.viewer) return ctx.viewer
  throw unauthenticated(ctx.authProblem ?? 'Sign in first: this needs a valid token.')
}
