// The errors the fake Houston refuses with. Each carries the machine-readable
// `extensions.code` listed at the top of schema.graphql, and the details the
// console needs to place the message (field, remaining AU, permission).
import { GraphQLError } from 'graphql'

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'QUOTA_EXCEEDED'
  | 'CONFLICT'
  | 'LAST_ADMIN'

type Extensions = Record<string, unknown>

export function houstonError(code: ErrorCode, message: string, extensions: Extensions = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } })
}

export const unauthenticated = (message = 'Sign in first: this needs a valid token.') =>
  houstonError('UNAUTHENTICATED', message)

export interface ForbiddenTarget {
  entityType: 'SYSTEM' | 'WORKSPACE' | 'DEPLOYMENT'
  entityId?: string
  /** How to name the entity in the message, e.g. `workspace "Data Platform"`. */
  name: string
}

/** A refusal that names the permission the caller lacks. */
export function forbidden(permission: string, target: ForbiddenTarget, action?: string): GraphQLError {
  const what = action ? `You cannot ${action}` : 'You are not allowed to do this'
  const where = target.entityType === 'SYSTEM' ? 'on the platform' : `on ${target.name}`
  return houstonError('FORBIDDEN', `${what}: it needs the permission ${permission} ${where}, which your roles do not grant.`, {
    permission,
    entityType: target.entityType,
    ...(target.entityId ? { entityId: target.entityId } : {}),
  })
}

export const badInput = (field: string, message: string, extensions: Extensions = {}) =>
  houstonError('BAD_USER_INPUT', message, { ...extensions, field })

export const notFound = (what: string, id: string, field?: string, message?: string) =>
  houstonError('NOT_FOUND', message ?? `No ${what} with id ${id} exists, or you cannot see it.`, {
    ...(field ? { field } : {}),
  })

export const conflict = (message: string, extensions: Extensions = {}) => houstonError('CONFLICT', message, extensions)

export const lastAdmin = (message: string) => houstonError('LAST_ADMIN', message)

export const quotaExceeded = (message: string, extensions: { remainingAu: number } & Extensions) =>
  houstonError('QUOTA_EXCEEDED', message, extensions)
