// The numbers the quota charts draw, worked out from the AU module so that a
// chart and the text beside it can never disagree.
import { componentTotals, totalAu, type Sizing } from '@/lib/au'
import { COMPONENTS, type Component, type PlatformConfig } from '@/lib/houston-json'

export type SeriesKey = Component | 'extra' | 'others'

/** Stacking order: the components in the platform's order, then extra capacity, then the rest of the workspace. */
export const SERIES: readonly SeriesKey[] = [...COMPONENTS, 'extra', 'others']

/** One colour per series, from the semantic chart tokens (light and dark decided in styles.css). */
export const SERIES_COLOR: Record<SeriesKey, string> = {
  scheduler: 'var(--color-chart-1)',
  webserver: 'var(--color-chart-2)',
  workers: 'var(--color-chart-3)',
  statsd: 'var(--color-chart-4)',
  pgbouncer: 'var(--color-chart-5)',
  flower: 'var(--color-chart-6)',
  redis: 'var(--color-chart-7)',
  triggerer: 'var(--color-chart-9)',
  extra: 'var(--color-chart-8)',
  others: 'var(--color-neutral)',
}

export function seriesLabel(platform: PlatformConfig, key: SeriesKey): string {
  if (key === 'extra') return 'Extra capacity'
  if (key === 'others') return 'Other deployments'
  return platform.components.find((c) => c.name === key)?.label ?? key
}

export type Segments = Partial<Record<SeriesKey, number>>

/** A sizing's AU by component (AU x replicas) and extra capacity; zero parts left out. */
export function segmentsOf(platform: PlatformConfig, sizing: Sizing): Segments {
  const out: Segments = {}
  for (const c of componentTotals(platform, sizing)) if (c.totalAu > 0) out[c.name] = c.totalAu
  if (sizing.extraAu > 0) out.extra = sizing.extraAu
  return out
}

export interface ImpactRow extends Segments {
  name: string
  total: number
}

/**
 * The workspace's use now and, when there is a change, after it: the other
 * deployments' AU, then this deployment's by component.
 */
export function impactRows(
  platform: PlatformConfig,
  usage: { usedBefore: number; currentAu: number },
  before: Sizing,
  after: Sizing | null,
): ImpactRow[] {
  const others = usage.usedBefore - usage.currentAu
  const row = (name: string, sizing: Sizing): ImpactRow => ({
    name,
    ...(others > 0 ? { others } : {}),
    ...segmentsOf(platform, sizing),
    total: others + totalAu(platform, sizing),
  })
  return after ? [row('Now', before), row('After saving', after)] : [row('Now', before)]
}

export interface DeploymentUse {
  id: string
  label: string
  sizing: Sizing | null
}

export interface BreakdownRow extends Segments {
  id: string
  name: string
  total: number
}

export interface Breakdown {
  /** The largest deployments, largest first (ties by name). */
  rows: BreakdownRow[]
  /** The deployments left out of `rows`, summed. */
  rest: { count: number; au: number } | null
  /** Deployments whose config this console cannot read. */
  unreadable: number
  total: number
}

/** Each deployment's AU by component, for a chart of at most `limit` bars. */
export function breakdown(platform: PlatformConfig, deployments: readonly DeploymentUse[], limit: number): Breakdown {
  const all: BreakdownRow[] = []
  let unreadable = 0
  for (const d of deployments) {
    if (!d.sizing) {
      unreadable++
      continue
    }
    all.push({ id: d.id, name: d.label, ...segmentsOf(platform, d.sizing), total: totalAu(platform, d.sizing) })
  }
  all.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
  const rows = all.slice(0, limit)
  const left = all.slice(limit)
  return {
    rows,
    rest: left.length > 0 ? { count: left.length, au: left.reduce((sum, r) => sum + r.total, 0) } : null,
    unreadable,
    total: all.reduce((sum, r) => sum + r.total, 0),
  }
}

/** The series that have a value in any row, in stacking order (or the one given). */
export function seriesIn(rows: readonly Segments[], order: readonly SeriesKey[] = SERIES): SeriesKey[] {
  return order.filter((k) => rows.some((r) => (r[k] ?? 0) > 0))
}

/** For the quota: the rest of the workspace first, then this deployment's parts. */
export const QUOTA_ORDER: readonly SeriesKey[] = ['others', ...SERIES.filter((k) => k !== 'others')]

/** The breakdown chart's height for so many bars; its loading stand-in takes the same, so nothing below it moves. */
export function breakdownChartHeight(rowCount: number): number {
  return 70 + rowCount * 34
}
