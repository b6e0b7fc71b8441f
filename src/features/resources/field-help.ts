// The words beside each sizing control: what it is called, and why its
// bounds are what they are. Every number comes from the platform config.
import {
  componentAuRange,
  componentCpuRange,
  componentMemoryRange,
  componentOf,
  extraAuRange,
  extraCapacityRange,
  maxPodResources,
  type SizingChangeField,
} from '@/lib/au'
import { COMPONENTS, type Component, type Executor, type PlatformConfig } from '@/lib/houston-json'
import { CPU_UNITS, formatQuantity, MEMORY_UNITS } from './quantity'

type Part = 'au' | 'replicas' | 'terminationGracePeriodSeconds' | 'cpu' | 'memory'
const PARTS: readonly string[] = ['au', 'replicas', 'terminationGracePeriodSeconds', 'cpu', 'memory']

/** Splits `workers.replicas` into its component and part; null for executor and extra capacity. */
export function fieldParts(field: string): { component: Component; part: Part } | null {
  const [name, part] = field.split('.')
  const component = COMPONENTS.find((c) => c === name)
  if (!component || part === undefined || !PARTS.includes(part)) return null
  return { component, part: part as Part }
}

/** What a person calls a sizing value, e.g. "Workers AU", "Worker count", "Scheduler CPU". */
export function fieldLabel(platform: PlatformConfig, field: SizingChangeField): string {
  if (field === 'executor') return 'Executor'
  if (field === 'strategy') return 'Resource strategy'
  if (field === 'extraAu') return 'Extra capacity'
  if (field === 'extraCapacity.cpu') return 'Extra capacity CPU'
  if (field === 'extraCapacity.memory') return 'Extra capacity memory'
  const parts = fieldParts(field)
  if (!parts) return field
  const { label } = componentOf(platform, parts.component)
  if (parts.part === 'au') return `${label} AU`
  if (parts.part === 'cpu') return `${label} CPU`
  if (parts.part === 'memory') return `${label} memory`
  if (parts.part === 'replicas') return parts.component === 'workers' ? 'Worker count' : parts.component === 'scheduler' ? 'Scheduler count' : `${label} replicas`
  return parts.component === 'workers' ? 'Termination grace period' : `${label} termination grace period`
}

const WHY_AT_LEAST: Partial<Record<Component, string>> = {
  scheduler: 'the scheduler must always run: it is what starts your DAGs’ tasks',
  webserver: 'the webserver serves the Airflow UI and must always run',
  workers: 'each worker needs at least this much to run a task',
  triggerer: 'a triggerer needs at least this much to follow its deferred tasks',
}

const hours = (seconds: number) => {
  const h = seconds / 3600
  return Number.isInteger(h) ? `${h} hour${h === 1 ? '' : 's'}` : `${Math.round(seconds / 60)} minutes`
}

/** Why a sizing value may range as it does, in words. */
export function fieldHelp(platform: PlatformConfig, field: SizingChangeField, executor: Executor): string {
  if (field === 'executor' || field === 'strategy') return ''
  if (field === 'extraCapacity.cpu' || field === 'extraCapacity.memory') {
    const r = extraCapacityRange(platform, executor)
    const cpu = field === 'extraCapacity.cpu'
    const range = cpu ? r.cpu : r.memory
    const units = cpu ? CPU_UNITS : MEMORY_UNITS
    return (
      `${cpu ? 'CPU' : 'Memory'} kept free for the pods the Kubernetes executor starts, one per task. ` +
      `From ${formatQuantity(units, range.minimum)} (the platform’s default reservation, so that a task can always get a pod) to ${formatQuantity(units, range.limit)}.`
    )
  }
  if (field === 'extraAu') {
    const r = extraAuRange(platform, executor)
    return (
      `AU kept free for the pods the Kubernetes executor starts, one per task. ` +
      `It cannot go below ${r.minimum} AU, the platform’s default reservation, so that a task can always get a pod; at most ${r.limit} AU.`
    )
  }
  const parts = fieldParts(field)
  if (!parts) return ''
  const c = componentOf(platform, parts.component)
  if (parts.part === 'cpu' || parts.part === 'memory') {
    const cpu = parts.part === 'cpu'
    const r = cpu ? componentCpuRange(platform, parts.component) : componentMemoryRange(platform, parts.component)
    const units = cpu ? CPU_UNITS : MEMORY_UNITS
    const why = WHY_AT_LEAST[parts.component] ?? `${c.label} needs at least this much`
    const pod = maxPodResources(platform)
    const lead = parts.component === 'workers' || c.replicas ? `${cpu ? 'CPU' : 'Memory'} of each replica, both request and limit. ` : `${cpu ? 'CPU' : 'Memory'}, both request and limit. `
    const capped = (cpu ? pod.cpu : pod.memory) === r.limit
    return `${lead}At least ${formatQuantity(units, r.minimum)}: ${why}. At most ${formatQuantity(units, r.limit)}${capped ? ': no single pod may be larger' : ''}.`
  }
  if (parts.part === 'au') {
    const r = componentAuRange(platform, parts.component)
    const why = WHY_AT_LEAST[parts.component] ?? `${c.label} needs at least this much`
    const lead = parts.component === 'workers' ? 'AU of each worker. ' : ''
    const cap =
      c.au.limit > platform.maxPodAu
        ? ` At most ${r.limit} AU: no single pod may exceed ${platform.maxPodAu} AU.`
        : ` At most ${r.limit} AU.`
    return `${lead}At least ${r.minimum} AU: ${why}.${cap}`
  }
  if (parts.part === 'replicas') {
    const r = c.replicas
    if (!r) return ''
    if (parts.component === 'workers') return `At least ${r.minimum}: Celery needs a worker to take tasks from its queue. At most ${r.limit} workers.`
    if (parts.component === 'scheduler') {
      return `From ${r.minimum} to ${r.limit} schedulers, each with the full scheduler size: more schedulers keep DAGs scheduled when one fails (Airflow ${c.replicasSinceAirflow ?? '2.0'} or newer).`
    }
    if (parts.component === 'triggerer') {
      return `From ${r.minimum} to ${r.limit}. Triggerers run deferrable operators’ waits without holding a worker slot; 0 turns deferral off (Airflow ${c.sinceAirflow ?? '2.2'} or newer).`
    }
    return `From ${r.minimum} to ${r.limit}.`
  }
  const r = c.terminationGracePeriodSeconds
  if (!r) return ''
  return (
    `How long a worker may finish its running tasks when it is stopped (scaling down or redeploying). ` +
    `${r.minimum === 0 ? '0 stops it at once' : `At least ${r.minimum} seconds`}; at most ${r.limit} seconds (${hours(r.limit)}).`
  )
}
