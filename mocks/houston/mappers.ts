// What the resolvers of each GraphQL type receive as their parent (codegen's
// `mappers`): the stored records, plus a few views that carry what a record
// does not (a freshly made API key, a token with its value).
import type { LogRecord } from '../logs/index'
import type { IssuedToken } from './auth'
import type {
  DeploymentRecord,
  DeployRevisionRecord,
  EnvVarRecord,
  InviteRecord,
  RoleBindingRecord,
  ServiceAccountRecord,
  TeamRecord,
  UserRecord,
  WorkspaceRecord,
} from './state'

export type {
  DeploymentRecord,
  EnvVarRecord,
  InviteRecord,
  LogRecord,
  RoleBindingRecord,
  TeamRecord,
  UserRecord,
  WorkspaceRecord,
}

/**
 * A service account. `revealedApiKey` is set only in the answer of the
 * mutation that creates it; `removedBinding` in the answer of the one that
 * deletes it (its binding is gone from the store by then).
 */
export type ServiceAccountParent = ServiceAccountRecord & { revealedApiKey?: string; removedBinding?: RoleBindingRecord }

export type TokenParent = IssuedToken

/** A deploy revision with the deployment it belongs to (to tell whether it is the current one). */
export type DeployRevisionParent = DeployRevisionRecord & { deployment: DeploymentRecord }

export interface AuthUserParent {
  user: UserRecord
  token: TokenParent | null
}
