import { z } from 'zod'
import { envVarKeyProblem } from '@/lib/env-vars'

export interface EnvVarRow {
  key: string
  value: string
  isSecret: boolean
  /** A secret the server holds; its value is never sent to the browser. */
  storedSecret: boolean
  /** The person chose to overwrite the stored secret's value. */
  replacing: boolean
}

export interface ServerEnvVar {
  key: string
  value: string | null
  isSecret: boolean
}

export function rowsFromServer(vars: readonly ServerEnvVar[]): EnvVarRow[] {
  return vars.map((v) => ({
    key: v.key,
    value: v.isSecret ? '' : (v.value ?? ''),
    isSecret: v.isSecret,
    storedSecret: v.isSecret,
    replacing: false,
  }))
}

export const envVarsFormSchema = z
  .object({
    rows: z.array(
      z.object({
        key: z.string(),
        value: z.string().max(10000, 'Values are at most 10,000 characters.'),
        isSecret: z.boolean(),
        storedSecret: z.boolean(),
        replacing: z.boolean(),
      }),
    ),
  })
  .superRefine(({ rows }, ctx) => {
    rows.forEach((row, i) => {
      const others = rows.filter((_, j) => j !== i && j < i).map((r) => r.key.trim())
      const problem = envVarKeyProblem(row.key.trim(), others)
      if (problem) ctx.addIssue({ code: 'custom', path: ['rows', i, 'key'], message: problem })
      const keepsStored = row.storedSecret && !row.replacing
      if (!keepsStored && row.storedSecret && !row.isSecret && row.value === '') {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'value'], message: 'Enter a new value: a secret’s stored value cannot be revealed.' })
      } else if (!keepsStored && row.isSecret && row.value === '') {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'value'], message: 'Enter the secret value.' })
      }
    })
  })

export type EnvVarsFormValues = z.infer<typeof envVarsFormSchema>

/** What goes to `updateDeploymentVariables`: a stored secret left alone is sent with a null value, so the server keeps it. */
export function toInput(rows: readonly EnvVarRow[]) {
  return rows.map((r) => ({
    key: r.key.trim(),
    isSecret: r.isSecret,
    value: r.storedSecret && !r.replacing && r.isSecret ? null : r.value,
  }))
}

/** Maps a server field such as `environmentVariables[2].key` onto the form's row. */
export function rowFieldOf(field: string | undefined): { index: number; name: 'key' | 'value' } | null {
  const m = field?.match(/^environmentVariables\[(\d+)\]\.(key|value)$/)
  if (!m?.[1] || !m[2]) return null
  return { index: Number(m[1]), name: m[2] as 'key' | 'value' }
}

/** What an exported secret's value reads: the value itself never leaves the server. */
export const MASKED_SECRET = '********'

/**
 * The variables as a JSON document to download: every key with its value,
 * secrets masked. Built from the list the server sent, which holds no
 * secret value in the first place.
 */
export function exportVariables(vars: readonly ServerEnvVar[]): string {
  const list = vars.map((v) => ({ key: v.key, value: v.isSecret ? MASKED_SECRET : (v.value ?? ''), isSecret: v.isSecret }))
  return `${JSON.stringify(list, null, 2)}\n`
}
