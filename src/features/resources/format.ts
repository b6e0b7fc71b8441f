import { auToCpu, auToMemory, executorOf, formatCpu, formatMemory, type SizingChange } from '@/lib/au'
import { EXECUTORS, type PlatformConfig } from '@/lib/houston-json'

/** "2 CPU · 7.5 GiB": what some AU give, from the platform's AU unit. */
export function auResources(platform: PlatformConfig, au: number): string {
  return `${formatCpu(auToCpu(au, platform.astroUnit))} · ${formatMemory(auToMemory(au, platform.astroUnit))}`
}

/** One side of a change as a person reads it; null when the value is not part of that side. */
export function changeValue(platform: PlatformConfig, change: SizingChange, side: 'before' | 'after'): string | null {
  const v = change[side]
  if (v === null) return null
  if (typeof v === 'string') {
    const executor = EXECUTORS.find((x) => x === v)
    return executor ? executorOf(platform, executor).label : v
  }
  if (change.unit === 'AU') return `${v} AU (${auResources(platform, v)})`
  if (change.unit === 'seconds') return `${v} seconds`
  return String(v)
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0')
