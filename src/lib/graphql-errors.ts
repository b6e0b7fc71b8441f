import { CombinedGraphQLErrors } from '@apollo/client/errors'

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

/** Turns whatever Apollo reports into problems a screen can place and word. */
export function apiProblems(error: unknown): ApiProblem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const ext = (e.extensions ?? {}) as Record<string, unknown>
      const code = typeof ext.code === 'string' && KNOWN.has(ext.code) ? (ext.code as ErrorCode) : 'UNKNOWN'
      return { code, message: e.message, extensions: ext, ...(typeof ext.field === 'string' ? { field: ext.field } : {}) }
    })
  }
  if (error instanceof Error) {
    const offline = typeof navigator !== 'undefined' && !navigator.onLine
    return [
      {
        code: 'NETWORK',
        message: offline
          ? 'You are offline. Check your connection; the console retries when it is back.'
          : `The server could not be reached (${error.message}).`,
        extensions: {},
      },
    ]
  }
  return [{ code: 'UNKNOWN', message: 'Something went wrong.', extensions: {} }]
}

export function firstProblem(error: unknown): ApiProblem {
  return apiProblems(error)[0] ?? { code: 'UNKNOWN', message: 'Something went wrong.', extensions: {} }
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return apiProblems(error).some((p) => p.code === code)
}
