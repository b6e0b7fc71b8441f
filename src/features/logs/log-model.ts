// What the logs screen knows about a record, its filters and its time ranges:
// plain functions, shared by the store, the list and the download.
import { z } from 'zod'
import type { PlatformConfig } from '@/lib/houston-json'
import { compareVersions } from '@/lib/versions'
import { stripAnsi } from './ansi'

/** A record as the API sends it. */
export interface LogRecord {
  id: string
  timestamp: string
  component: string
  level: string
  message: string
}

/** A record as the screen keeps it: search text and height hints computed once, on arrival. */
export interface LogEntry extends LogRecord {
  /** Milliseconds since the epoch. */
  time: number
  /** The message without ANSI codes, lower-cased: what search runs over. */
  lower: string
  /** Lines in the message (tracebacks keep theirs). */
  lines: number
  /** 0 DEBUG … 4 CRITICAL. */
  rank: number
}

export const LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const
export type Level = (typeof LEVELS)[number]

const LEVEL_ALIASES: Record<string, Level> = { WARN: 'WARNING', FATAL: 'CRITICAL', ERR: 'ERROR', TRACE: 'DEBUG' }

/** A record's level as one of the five Python levels; unknown levels count as INFO. */
export function normaliseLevel(level: string): Level {
  const upper = level.toUpperCase()
  if ((LEVELS as readonly string[]).includes(upper)) return upper as Level
  return LEVEL_ALIASES[upper] ?? 'INFO'
}

export const levelRank = (level: string): number => LEVELS.indexOf(normaliseLevel(level))

export function toEntry(r: LogRecord): LogEntry {
  const time = Date.parse(r.timestamp)
  let lines = 1
  for (let i = r.message.indexOf('\n'); i !== -1; i = r.message.indexOf('\n', i + 1)) lines++
  return {
    id: r.id,
    timestamp: r.timestamp,
    component: r.component,
    level: r.level,
    message: r.message,
    time: Number.isNaN(time) ? 0 : time,
    lower: stripAnsi(r.message).toLowerCase(),
    lines,
    rank: levelRank(r.level),
  }
}

/** Orders records by time, then id (ids of one release sort by time too). */
export function compareEntries(a: Pick<LogEntry, 'time' | 'id'>, b: Pick<LogEntry, 'time' | 'id'>): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export const LOG_COMPONENT_LABELS: Record<string, string> = {
  scheduler: 'Scheduler',
  webserver: 'Webserver',
  workers: 'Workers',
  triggerer: 'Triggerer',
}

/**
 * The components whose logs a deployment has: scheduler and webserver always,
 * workers where its executor runs them, triggerer from Airflow 2.2 on.
 */
export function logComponentsFor(platform: PlatformConfig | null, executor: string | null, airflowVersion: string): string[] {
  const out = ['scheduler', 'webserver']
  const runs = platform?.executors.find((e) => e.name === executor)?.components
  if (runs ? runs.includes('workers') : executor === 'CeleryExecutor') out.push('workers')
  if (compareVersions(airflowVersion, '2.2.0') >= 0) out.push('triggerer')
  return out
}

export const RANGES = ['5m', '1h', '1d', 'custom'] as const
export type RangeKey = (typeof RANGES)[number]
export const RANGE_LABELS: Record<RangeKey, string> = { '5m': 'Last 5 minutes', '1h': 'Last hour', '1d': 'Last day', custom: 'Custom range' }
const RANGE_MS: Record<Exclude<RangeKey, 'custom'>, number> = { '5m': 5 * 60_000, '1h': 3_600_000, '1d': 86_400_000 }

const isoOrEmpty = z
  .string()
  .refine((v) => v === '' || !Number.isNaN(Date.parse(v)))
  .catch('')
  .default('')

/** The screen's search params: every filter lives in the URL. */
export const logSearchSchema = z.object({
  component: z.string().regex(/^[a-z-]{1,40}$/).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
  q: z.string().max(500).catch('').default(''),
  only: z.enum(['1']).optional().catch(undefined),
  range: z.enum(RANGES).catch('1h').default('1h'),
  from: isoOrEmpty,
  to: isoOrEmpty,
  line: z.string().max(300).optional().catch(undefined),
})
export type LogSearch = z.infer<typeof logSearchSchema>

export interface TimeWindow {
  /** Exclusive start, ISO. */
  since: string
  /** Inclusive end, ISO; null for "until now and on" (live tail possible). */
  until: string | null
}

/** The window a range asks the server for, at `now`. A custom range without a valid start falls back to an hour. */
export function windowFor(search: Pick<LogSearch, 'range' | 'from' | 'to'>, now: number): TimeWindow {
  if (search.range === 'custom') {
    const from = Date.parse(search.from)
    const to = Date.parse(search.to)
    const since = Number.isNaN(from) ? now - RANGE_MS['1h'] : from
    return { since: new Date(since).toISOString(), until: Number.isNaN(to) ? null : new Date(Math.max(to, since)).toISOString() }
  }
  return { since: new Date(now - RANGE_MS[search.range]).toISOString(), until: null }
}

export interface EntryFilter {
  /** Minimum level rank; 0 shows everything. */
  minRank: number
  /** Lower-cased search text; '' matches every record. */
  needle: string
  /** Show only records that match the search. */
  onlyMatches: boolean
  /** Records after this time (ms, inclusive) are not shown; null for no end. */
  untilMs: number | null
}

export const filterFromSearch = (s: LogSearch, untilMs: number | null): EntryFilter => ({
  minRank: s.level ? LEVELS.indexOf(s.level) : 0,
  needle: s.q.trim().toLowerCase(),
  onlyMatches: s.only === '1',
  untilMs,
})

export const isVisible = (e: LogEntry, f: EntryFilter): boolean =>
  e.rank >= f.minRank && (f.untilMs === null || e.time <= f.untilMs) && (!f.onlyMatches || f.needle === '' || e.lower.includes(f.needle))

export const isMatch = (e: LogEntry, f: EntryFilter): boolean => f.needle !== '' && e.lower.includes(f.needle)

/** One record as plain text: the exact line the screen shows, without colour codes. */
export function entryText(e: Pick<LogRecord, 'timestamp' | 'component' | 'message'>): string {
  return `${e.timestamp} [${e.component}] ${stripAnsi(e.message)}`
}

/** What "download" and "copy all" produce: every shown record, one per line (multi-line records stay whole). */
export function entriesText(entries: Iterable<Pick<LogRecord, 'timestamp' | 'component' | 'message'>>): string {
  const parts: string[] = []
  for (const e of entries) parts.push(entryText(e))
  return parts.length === 0 ? '' : `${parts.join('\n')}\n`
}

/** A file name for a download of these filters: release, component and the time it starts. */
export function downloadName(releaseName: string, component: string | undefined, since: string): string {
  const stamp = since.replace(/[:.]/g, '-').replace(/Z$/, 'Z')
  return `${releaseName}${component ? `-${component}` : ''}-logs-${stamp}.log`
}
