import { memo, useMemo } from 'react'
import { cn } from '@/lib/cn'
import { type AnsiColour, type AnsiStyle, highlightSegments, parseAnsi } from './ansi'
import { LOG_COMPONENT_LABELS, type LogRecord, normaliseLevel } from './log-model'

// Literal class names, so that Tailwind generates them; semantic tokens only.
const FG: Record<AnsiColour, string> = {
  black: 'text-muted',
  red: 'text-danger',
  green: 'text-success',
  yellow: 'text-warning',
  blue: 'text-info',
  magenta: 'text-accent',
  cyan: 'text-info',
  white: 'text-text',
}
const BG: Record<AnsiColour, string> = {
  black: 'bg-neutral-soft',
  red: 'bg-danger-soft',
  green: 'bg-success-soft',
  yellow: 'bg-warning-soft',
  blue: 'bg-info-soft',
  magenta: 'bg-accent-soft',
  cyan: 'bg-info-soft',
  white: 'bg-surface-sunken',
}

export function styleClasses(style: AnsiStyle): string {
  return cn(style.fg && FG[style.fg], style.bg && BG[style.bg], style.bold && 'font-bold', style.dim && 'opacity-75', style.italic && 'italic', style.underline && 'underline')
}

export const LEVEL_CLASSES: Record<string, string> = {
  DEBUG: 'text-muted border-border',
  INFO: 'text-info border-info',
  WARNING: 'text-warning border-warning bg-warning-soft',
  ERROR: 'text-danger border-danger bg-danger-soft',
  CRITICAL: 'text-danger border-danger bg-danger-soft font-bold',
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A record's time of day in the browser's zone, to the millisecond: "09:41:55.391" (no Intl formatter: see lib/format). */
export function formatLogTime(timestamp: string): string {
  const d = new Date(timestamp)
  if (Number.isNaN(d.getTime())) return timestamp
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** A log message: ANSI colours as styled spans, search matches marked; always text, never HTML. Multi-line records stay whole. */
export const LogMessage = memo(function LogMessage({ message, needle }: { message: string; needle: string }) {
  const parts = useMemo(() => highlightSegments(parseAnsi(message), needle), [message, needle])
  return (
    <span className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
      {parts.map((p, i) => {
        const classes = styleClasses(p.style)
        if (p.match >= 0) {
          return (
            <mark key={i} className={cn('rounded-sm bg-warning-soft text-text outline outline-1 outline-warning', classes)}>
              {p.text}
            </mark>
          )
        }
        return classes ? (
          <span key={i} className={classes}>
            {p.text}
          </span>
        ) : (
          p.text
        )
      })}
    </span>
  )
})

export interface LogLineProps {
  record: LogRecord
  needle: string
  selected: boolean
  /** This row is the match the next/previous buttons are on. */
  current: boolean
  permalink: string
  onCopy: (record: LogRecord) => void
  onSelect: (record: LogRecord) => void
}

/** One record: time, component, level badge, message, and its copy and link actions. */
export const LogLine = memo(function LogLine({ record, needle, selected, current, permalink, onCopy, onSelect }: LogLineProps) {
  const level = normaliseLevel(record.level)
  const time = formatLogTime(record.timestamp)
  return (
    <div
      className={cn(
        'group flex flex-wrap items-start gap-x-2 gap-y-0.5 border-b border-border px-2 py-1 font-mono text-xs leading-5 sm:flex-nowrap',
        selected && 'bg-accent-soft',
        current && 'outline outline-2 -outline-offset-2 outline-focus',
        level === 'CRITICAL' && !selected && 'bg-danger-soft',
      )}
    >
      <time dateTime={record.timestamp} className="shrink-0 text-muted tabular-nums" title={record.timestamp}>
        {time}
      </time>
      <span className="w-20 shrink-0 truncate text-muted">{LOG_COMPONENT_LABELS[record.component] ?? record.component}</span>
      <span className={cn('w-[4.75rem] shrink-0 rounded border px-1 text-center text-[0.6875rem] leading-4', LEVEL_CLASSES[level])}>{level}</span>
      <span className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
        <LogMessage message={record.message} needle={needle} />
      </span>
      <span className="ml-auto flex shrink-0 gap-1 sm:ml-0">
        <button
          type="button"
          className="rounded border border-border px-1.5 text-[0.6875rem] leading-4 text-muted hover:bg-surface-sunken hover:text-text"
          aria-label={`Copy the record of ${time}`}
          onClick={() => onCopy(record)}
        >
          Copy
        </button>
        <a
          href={permalink}
          className="rounded border border-border px-1.5 text-[0.6875rem] leading-4 text-muted hover:bg-surface-sunken hover:text-text"
          aria-label={`Link to the record of ${time}`}
          aria-current={selected ? 'true' : undefined}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
            e.preventDefault()
            onSelect(record)
          }}
        >
          Link
        </a>
      </span>
    </div>
  )
})
