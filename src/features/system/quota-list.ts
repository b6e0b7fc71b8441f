// The workspaces-and-quotas list's rules: what its URL holds, and how rows
// are searched and sorted.
import { z } from 'zod'

export const QUOTA_SORTS = ['label', 'deployments', 'used', 'quota', 'left', 'usage'] as const
export type QuotaSort = (typeof QUOTA_SORTS)[number]

export const quotaSearchSchema = z.object({
  q: z.string().catch('').default(''),
  sort: z.enum(QUOTA_SORTS).catch('label').default('label'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
})
export type QuotaSearch = z.infer<typeof quotaSearchSchema>

export interface WorkspaceQuotaRow {
  id: string
  label: string
  deploymentCount: number
  auQuota: number
  auUsed: number
  /** millicpu */
  cpuQuota: number
  cpuUsed: number
  /** MiB */
  memoryQuota: number
  memoryUsed: number
}

/** What quotas count: AU, or (on a platform with AU turned off) CPU and memory. */
export type QuotaMeasure = 'au' | 'resources'

const share = (used: number, quota: number) => (quota <= 0 ? (used > 0 ? 1 : 0) : used / quota)

/** Share of the quota in use, 0..1 or more (a zero quota with use counts as full); without AU, the fuller of CPU and memory. */
export function usageOf(row: WorkspaceQuotaRow, measure: QuotaMeasure = 'au'): number {
  if (measure === 'au') return share(row.auUsed, row.auQuota)
  return Math.max(share(row.cpuUsed, row.cpuQuota), share(row.memoryUsed, row.memoryQuota))
}

type SortKey = (r: WorkspaceQuotaRow, measure: QuotaMeasure) => number | string

const KEY: Record<QuotaSort, SortKey> = {
  label: (r) => r.label.toLowerCase(),
  deployments: (r) => r.deploymentCount,
  // Without AU, amounts sort by CPU (memory comes with it in the platform's grain).
  used: (r, m) => (m === 'au' ? r.auUsed : r.cpuUsed),
  quota: (r, m) => (m === 'au' ? r.auQuota : r.cpuQuota),
  left: (r, m) => (m === 'au' ? r.auQuota - r.auUsed : r.cpuQuota - r.cpuUsed),
  usage: usageOf,
}

export function filterAndSortQuotas<T extends WorkspaceQuotaRow>(rows: readonly T[], search: QuotaSearch, measure: QuotaMeasure = 'au'): T[] {
  const q = search.q.trim().toLowerCase()
  const sign = search.dir === 'asc' ? 1 : -1
  const key = KEY[search.sort]
  return rows
    .filter((r) => !q || r.label.toLowerCase().includes(q))
    .sort((a, b) => {
      const x = key(a, measure)
      const y = key(b, measure)
      const byKey = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
      return sign * byKey || a.label.localeCompare(b.label)
    })
}

/** The quota a system admin types: a whole number of AU, zero or more. */
export const quotaFormSchema = z.object({
  auQuota: z
    .number({ error: 'Enter the quota as a whole number of AU.' })
    .int('Enter the quota as a whole number of AU.')
    .min(0, 'The quota cannot be negative.'),
})
export type QuotaForm = z.infer<typeof quotaFormSchema>

/**
 * A CPU quota typed in cores ("2.5") as the whole AU the API stores (the
 * quota is kept in AU even where AU is off), read exactly from the decimal
 * text: null unless it is a whole number of the platform's grain.
 */
export function coresToAu(text: string, millicpuPerAu: number): number | null {
  const m = /^\s*(\d{1,6})(?:\.(\d{1,3}))?\s*$/.exec(text)
  if (!m) return null
  const millicpu = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'))
  return millicpu % millicpuPerAu === 0 ? millicpu / millicpuPerAu : null
}

/** The CPU quota a system admin types on a platform without AU, in steps of the platform's grain. */
export function cpuQuotaFormSchema(millicpuPerAu: number) {
  const step = millicpuPerAu / 1000
  return z.object({
    cores: z.string().refine((text) => coresToAu(text, millicpuPerAu) !== null, `Enter the quota in CPU cores, in steps of ${step} (e.g. ${step * 25}).`),
  })
}
export type CpuQuotaForm = z.infer<ReturnType<typeof cpuQuotaFormSchema>>
