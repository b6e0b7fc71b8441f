// Task usage as the screens show it: the range in the URL, the bars of the
// chart, the totals, and the CSV export, made from the very rows on screen so
// that the file and the page always agree.
import { z } from 'zod'
import { formatInteger } from '@/lib/format'

export const USAGE_RANGES = ['7', '30', '90'] as const
export type UsageRange = (typeof USAGE_RANGES)[number]

export const usageSearchSchema = z.object({
  days: z.enum(USAGE_RANGES).catch('90').default('90'),
})

export interface UsageRow {
  /** Stable key: a date, a deployment id, a workspace id. */
  key: string
  label: string
  /** A second column of the CSV (a deployment's release name), when the view has one. */
  detail?: string
  taskRuns: number
  /** Where the row leads (the deployment's or workspace's own usage). */
  href?: string
}

export const totalOf = (rows: readonly { taskRuns: number }[]): number => rows.reduce((sum, r) => sum + r.taskRuns, 0)

/** The bars drawn: all rows, or the busiest `max` with the rest summed (their rows stay in the table). */
export function chartRows(rows: readonly UsageRow[], max: number): { bars: UsageRow[]; rest: { count: number; taskRuns: number } | null } {
  if (rows.length <= max) return { bars: [...rows], rest: null }
  const sorted = [...rows].sort((a, b) => b.taskRuns - a.taskRuns || a.label.localeCompare(b.label))
  const rest = sorted.slice(max)
  return { bars: sorted.slice(0, max), rest: { count: rest.length, taskRuns: totalOf(rest) } }
}

/** The busiest row, or null when nothing ran. */
export function busiest(rows: readonly UsageRow[]): UsageRow | null {
  let best: UsageRow | null = null
  for (const r of rows) if (r.taskRuns > 0 && (!best || r.taskRuns > best.taskRuns)) best = r
  return best
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and with a
 * leading apostrophe when a spreadsheet would take it for a formula.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** RFC 4180 CSV of the rows shown, with a last row for the total. */
export function usageCsv(header: readonly string[], rows: readonly UsageRow[]): string {
  const withDetail = header.length === 3
  const lines = [header.map(csvField).join(',')]
  for (const r of rows) lines.push([r.label, ...(withDetail ? [r.detail ?? ''] : []), r.taskRuns].map(csvField).join(','))
  lines.push(['Total', ...(withDetail ? [''] : []), totalOf(rows)].map(csvField).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** `task-usage-data-platform-2025-03-05-to-2025-06-02.csv` */
export function csvFileName(scope: string, from: string | undefined, to: string | undefined): string {
  const slug =
    scope
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'usage'
  return `task-usage-${slug}${from && to ? `-${from}-to-${to}` : ''}.csv`
}

export function taskRunsText(n: number): string {
  return `${formatInteger(n)} task run${n === 1 ? '' : 's'}`
}

/** "12 May" style label of a YYYY-MM-DD day, in UTC as the server counts. */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? date : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
}
