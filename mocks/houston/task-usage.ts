// Task runs per day, made up deterministically: a seeded hash of the
// deployment's id and the day, so the same deployment shows the same history
// on every reload, in every test and in the demo. Nothing ran before a
// deployment existed; weekends are quieter.
import { hash128 } from './random'

const DAY_MS = 86_400_000

/** The platform keeps task usage this many days. */
export const TASK_USAGE_DAYS = 90

/** The UTC days of the window ending today, oldest first, as YYYY-MM-DD. */
export function usageWindow(nowMs: number, days: number): string[] {
  const today = Math.floor(nowMs / DAY_MS)
  return Array.from({ length: days }, (_, i) => new Date((today - days + 1 + i) * DAY_MS).toISOString().slice(0, 10))
}

const unit = (n: number) => n / 2 ** 32

/** Task runs of one deployment on one UTC day. */
export function taskRunsOn(deployment: { id: string; createdAt: string }, date: string): number {
  if (date < deployment.createdAt.slice(0, 10)) return 0
  const [a, b] = hash128(`task-usage:base:${deployment.id}`)
  // Each deployment has its own level (40 to ~2,500 runs a day) ...
  const base = 40 + Math.floor(unit(a) ** 2 * 2500) + (b % 40)
  const [r] = hash128(`task-usage:${deployment.id}:${date}`)
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const weekend = weekday === 0 || weekday === 6 ? 0.45 : 1
  // ... and varies from day to day by up to 30% either way.
  return Math.round(base * weekend * (0.7 + 0.6 * unit(r)))
}

export interface DayCount {
  date: string
  taskRuns: number
}

export function deploymentDays(deployment: { id: string; createdAt: string }, window: readonly string[]): DayCount[] {
  return window.map((date) => ({ date, taskRuns: taskRunsOn(deployment, date) }))
}

/** Sums several series of the same window, day by day. */
export function sumDays(window: readonly string[], series: readonly (readonly DayCount[])[]): DayCount[] {
  return window.map((date, i) => ({ date, taskRuns: series.reduce((sum, s) => sum + (s[i]?.taskRuns ?? 0), 0) }))
}

export const totalOf = (days: readonly DayCount[]): number => days.reduce((sum, d) => sum + d.taskRuns, 0)
