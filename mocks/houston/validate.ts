// Input rules shared by the mutations. Each refusal is a BAD_USER_INPUT whose
// `field` names the argument or JSON path, so the console can put the message
// next to the input it concerns.
import type { z } from 'zod'
import { isEmailAddress, normaliseEmail } from '../../src/lib/email'
import { envVarKeyProblem } from '../../src/lib/env-vars'
import { badInput } from './errors'
import type { EnvVarRecord } from './state'

export const LABEL_MAX = 100
export const DESCRIPTION_MAX = 1000
export const tooLong = (field: string, what: string, max: number, length: number) =>
  badInput(field, `${what} is at most ${max} characters (this one has ${length}).`)

export function label(value: string, field = 'label'): string {
  const trimmed = value.trim()
  if (!trimmed) throw badInput(field, 'Enter a name: it cannot be blank.')
  if (trimmed.length > LABEL_MAX) throw tooLong(field, 'A name', LABEL_MAX, trimmed.length)
  return trimmed
}

/** A description, or null when none was given (blank counts as none). */
export function description(value: string | null | undefined, field = 'description'): string | null {
  const trimmed = value?.trim() ?? ''
  if (trimmed.length > DESCRIPTION_MAX) throw tooLong(field, 'A description', DESCRIPTION_MAX, trimmed.length)
  return trimmed || null
}

/** A syntactically valid email, lower-cased. */
export function email(value: string, field = 'email'): string {
  const trimmed = normaliseEmail(value)
  if (!trimmed) throw badInput(field, 'Enter an email address.')
  if (!isEmailAddress(trimmed)) throw badInput(field, `"${value.trim()}" is not a valid email address.`)
  return trimmed
}

/** `config` + ['workers', 'replicas'] -> `config.workers.replicas`; indices as `[2]`. */
export function jsonPath(root: string, path: readonly PropertyKey[]): string {
  let out = root
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`
  return out
}

/** Parses a JSON argument with its zod schema; the first issue becomes the error. */
export function json<S extends z.ZodType>(schema: S, value: unknown, field: string): z.infer<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badInput(field, `${field} must be a JSON object.`)
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  if (!issue) throw badInput(field, `${field} is not valid.`)
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? ''
    const at = jsonPath(field, [...issue.path, key])
    throw badInput(at, `${at} is not a known setting.`)
  }
  const at = jsonPath(field, issue.path)
  throw badInput(at, `${at}: ${issue.message}`, {
    issues: parsed.error.issues.map((i) => ({ field: jsonPath(field, i.path), message: i.message })),
  })
}

export interface EnvVarInput {
  key: string
  value?: string | null
  isSecret: boolean
}

/**
 * The list a deployment will have after an update. A secret sent with a null
 * value keeps the value it has; a new secret, or a secret made plain, needs one.
 */
export function environmentVariables(
  input: readonly EnvVarInput[],
  stored: readonly EnvVarRecord[],
  field = 'environmentVariables',
): EnvVarRecord[] {
  const storedByKey = new Map(stored.map((v) => [v.key, v]))
  const seen: string[] = []
  return input.map((v, i) => {
    const key = v.key.trim()
    const problem = envVarKeyProblem(key, seen)
    if (problem) throw badInput(`${field}[${i}].key`, problem)
    seen.push(key)
    if (v.value != null) return { key, value: v.value, isSecret: v.isSecret }
    const before = storedByKey.get(key)
    // A stored value kept as a secret: a secret left alone, or a plain value made secret.
    if (v.isSecret && before) return { key, value: before.value, isSecret: true }
    const why = v.isSecret
      ? `${key} is a new secret: enter its value.`
      : before?.isSecret
        ? `${key} was a secret: enter a new value to make it a plain variable.`
        : `Enter a value for ${key} (an empty string is allowed).`
    throw badInput(`${field}[${i}].value`, why)
  })
}
