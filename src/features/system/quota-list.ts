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
}

/** Share of the quota in use, 0..1 (a zero quota with use counts as full). */
export function usageOf(row: Pick<WorkspaceQuotaRow, 'auQuota' | 'auUsed'>): number {
  if (row.auQuota <= 0) return row.auUsed > 0 ? 1 : 0
  return row.auUsed / row.auQuota
}

const KEY: Record<QuotaSort, (r: WorkspaceQuotaRow) => number | string> = {
  label: (r) => r.label.toLowerCase(),
  deployments: (r) => r.deploymentCount,
  used: (r) => r.auUsed,
  quota: (r) => r.auQuota,
  left: (r) => r.auQuota - r.auUsed,
  usage: usageOf,
}

export function filterAndSortQuotas<T extends WorkspaceQuotaRow>(rows: readonly T[], search: QuotaSearch): T[] {
  const q = search.q.trim().toLowerCase()
  const sign = search.dir === 'asc' ? 1 : -1
  const key = KEY[search.sort]
  return rows
    .filter((r) => !q || r.label.toLowerCase().includes(q))
    .sort((a, b) => {
      const x = key(a)
      const y = key(b)
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
