const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

export function formatRelative(iso: string, now = Date.now()): string {
  const d = new Date(iso).getTime()
  if (Number.isNaN(d)) return iso
  const seconds = Math.round((d - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 60) return relative.format(seconds, 'second')
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour')
  return relative.format(Math.round(seconds / 86400), 'day')
}

// One formatter, made once: toLocaleString builds a new one per call.
const integer = new Intl.NumberFormat('en-US')

export function formatInteger(n: number): string {
  return integer.format(n)
}
