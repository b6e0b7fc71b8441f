import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors'

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'QUOTA_EXCEEDED'
  | 'CONFLICT'
  | 'LAST_ADMIN'
  | 'NETWORK'
  | 'UNKNOWN'

export interface ApiProblem {
  code: ErrorCode
  message: string
  /** The argument or JSON path a BAD_USER_INPUT concerns. */
  field?: string
  extensions: Record<string, unknown>
}

const KNOWN = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'QUOTA_EXCEEDED', 'CONFLICT', 'LAST_ADMIN'])

interface WireError {
  message: string
  extensions?: Record<string, unknown> | null
}

function problemOf(e: WireError): ApiProblem {
  const ext = e.extensions ?? {}
  const code = typeof ext.code === 'string' && KNOWN.has(ext.code) ? (ext.code as ErrorCode) : 'UNKNOWN'
  return { code, message: e.message, extensions: ext, ...(typeof ext.field === 'string' ? { field: ext.field } : {}) }
}

/** The GraphQL errors a non-2xx answer carries in its body, when it carries any (a proxy's error page does not). */
function errorsInBody(bodyText: string): WireError[] {
  let body: unknown
  try {
    body = JSON.parse(bodyText)
  } catch {
    return []
  }
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return []
  return (body.errors as unknown[]).flatMap((e): WireError[] => {
    if (typeof e !== 'object' || e === null || !('message' in e) || typeof e.message !== 'string' || e.message === '') return []
    const extensions = 'extensions' in e && typeof e.extensions === 'object' && e.extensions !== null ? (e.extensions as Record<string, unknown>) : null
    return [{ message: e.message, extensions }]
  })
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine
}

const OFFLINE_MESSAGE = 'You are offline. Check your connection; the console retries when it is back.'

/** Turns whatever Apollo reports into problems a screen can place and word. */
export function apiProblems(error: unknown): ApiProblem[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(problemOf)
  if (ServerError.is(error)) {
    // The server was reached but did not answer the operation: say so, with its own words when it sent any.
    const listed = errorsInBody(error.bodyText)
    if (listed.length > 0) return listed.map(problemOf)
    return [{ code: 'NETWORK', message: `The server answered with an error (HTTP ${error.statusCode}). Try again in a moment.`, extensions: { statusCode: error.statusCode } }]
  }
  if (ServerParseError.is(error)) {
    return [{ code: 'NETWORK', message: `The server’s answer could not be read (HTTP ${error.statusCode}). Try again in a moment.`, extensions: { statusCode: error.statusCode } }]
  }
  if (error instanceof Error) {
    return [{ code: 'NETWORK', message: isOffline() ? OFFLINE_MESSAGE : `The server could not be reached (${error.message}).`, extensions: {} }]
  }
  return [{ code: 'UNKNOWN', message: 'Something went wrong.', extensions: {} }]
}

/**
 * Whether asking again may give another answer: the network failed, or the
 * server answered 5xx, 408 or 429. A GraphQL error or any other 4xx would
 * only come back the same.
 */
export function isTransient(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false
  if (ServerError.is(error) || ServerParseError.is(error)) {
    const status = error.statusCode
    return status >= 500 || status === 408 || status === 429
  }
  return error instanceof Error
}

export function firstProblem(error: unknown): ApiProblem {
  return apiProblems(error)[0] ?? { code: 'UNKNOWN', message: 'Something went wrong.', extensions: {} }
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return apiProblems(error).some((p) => p.code === code)
}
