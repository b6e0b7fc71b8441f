// What every resolver gets: the store, the clock, and who is asking.
import type { Store } from './store'
import type { UserRecord } from './state'

export interface Viewer {
  user: UserRecord
  /** The bearer token the request came with. */
  token: string
}

export interface HoustonContext {
  store: Store
  now: () => number
  /** Null when no valid token came with the request. */
  viewer: Viewer | null
  /** Why a token that was sent was refused (expired, unknown, inactive user). */
  authProblem: string | null
}
