import { auToCpu, auToMemory, executorOf, formatCpu, formatMemory, type SizingChange } from '@/lib/au'
import { EXECUTORS, type PlatformConfig, type ResourceStrategy } from '@/lib/houston-json'
import { CPU_UNITS, formatQuantity, MEMORY_UNITS } from './quantity'

/** "2 CPU · 7.5 GiB": what some AU give, from the platform's AU unit. */
export function auResources(platform: PlatformConfig, au: number): string {
  return `${formatCpu(auToCpu(au, platform.astroUnit))} · ${formatMemory(auToMemory(au, platform.astroUnit))}`
}

export const STRATEGY_LABEL: Record<ResourceStrategy, string> = {
  au: 'Astronomer Units (AU)',
  custom: 'Custom CPU and memory',
}

/** One side of a change as a person reads it; null when the value is not part of that side. */
export function changeValue(platform: PlatformConfig, change: SizingChange, side: 'before' | 'after'): string | null {
  const v = change[side]
  if (v === null) return null
  if (typeof v === 'string') {
    if (change.field === 'strategy') return v === 'au' || v === 'custom' ? STRATEGY_LABEL[v] : v
    const executor = EXECUTORS.find((x) => x === v)
    return executor ? executorOf(platform, executor).label : v
  }
  if (change.unit === 'AU') return `${v} AU (${auResources(platform, v)})`
  if (change.unit === 'millicores') return formatQuantity(CPU_UNITS, v)
  if (change.unit === 'MiB') return formatQuantity(MEMORY_UNITS, v)
  if (change.unit === 'seconds') return `${v} seconds`
  return String(v)
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0')
