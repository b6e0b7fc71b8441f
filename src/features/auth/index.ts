export { prefetchSession, SessionProvider, useAccess, useSession, useSignOut, primaryEmail, accessFor, toBindings } from './session'
export type { Access, SelfUser } from './session'
