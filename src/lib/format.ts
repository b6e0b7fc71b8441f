// Formatters are made on first use: the first Intl object a page builds costs
// some 40 ms of the main thread (the browser loads its locale data), and a
// page that only counts things need not pay it.
let dateTime: Intl.DateTimeFormat | undefined
let relative: Intl.RelativeTimeFormat | undefined

export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return dateTime.format(d)
}

export function formatRelative(iso: string, now = Date.now()): string {
  const d = new Date(iso).getTime()
  if (Number.isNaN(d)) return iso
  relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  const seconds = Math.round((d - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 60) return relative.format(seconds, 'second')
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour')
  return relative.format(Math.round(seconds / 86400), 'day')
}

let number: Intl.NumberFormat | undefined

/** 12345 as "12,345": whole numbers grouped in threes, as en-US writes them, without building an Intl formatter. */
export function formatInteger(n: number): string {
  if (!Number.isSafeInteger(n)) {
    number ??= new Intl.NumberFormat('en-US')
    return number.format(n)
  }
  const digits = String(Math.abs(n))
  const head = digits.length % 3 || 3
  let out = digits.slice(0, head)
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return n < 0 ? `-${out}` : out
}
