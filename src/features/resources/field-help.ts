// The words beside each sizing control: what it is called, and why its
// bounds are what they are. Every number comes from the platform config.
import { componentAuRange, componentOf, extraAuRange, type SizingChangeField } from '@/lib/au'
import { COMPONENTS, type Component, type Executor, type PlatformConfig } from '@/lib/houston-json'

type Part = 'au' | 'replicas' | 'terminationGracePeriodSeconds'

/** Splits `workers.replicas` into its component and part; null for executor and extraAu. */
export function fieldParts(field: string): { component: Component; part: Part } | null {
  const [name, part] = field.split('.')
  const component = COMPONENTS.find((c) => c === name)
  if (!component || (part !== 'au' && part !== 'replicas' && part !== 'terminationGracePeriodSeconds')) return null
  return { component, part }
}

/** What a person calls a sizing value, e.g. "Workers AU", "Worker count". */
export function fieldLabel(platform: PlatformConfig, field: SizingChangeField): string {
  if (field === 'executor') return 'Executor'
  if (field === 'extraAu') return 'Extra capacity'
  const parts = fieldParts(field)
  if (!parts) return field
  const { label } = componentOf(platform, parts.component)
  if (parts.part === 'au') return `${label} AU`
  if (parts.part === 'replicas') return parts.component === 'workers' ? 'Worker count' : `${label} replicas`
  return parts.component === 'workers' ? 'Termination grace period' : `${label} termination grace period`
}

const WHY_AT_LEAST: Partial<Record<Component, string>> = {
  scheduler: 'the scheduler must always run: it is what starts your DAGs’ tasks',
  webserver: 'the webserver serves the Airflow UI and must always run',
  workers: 'each worker needs at least this much to run a task',
}

const hours = (seconds: number) => {
  const h = seconds / 3600
  return Number.isInteger(h) ? `${h} hour${h === 1 ? '' : 's'}` : `${Math.round(seconds / 60)} minutes`
}

/** Why a sizing value may range as it does, in words. */
export function fieldHelp(platform: PlatformConfig, field: SizingChangeField, executor: Executor): string {
  if (field === 'executor') return ''
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
    return parts.component === 'workers'
      ? `At least ${r.minimum}: Celery needs a worker to take tasks from its queue. At most ${r.limit} workers.`
      : `From ${r.minimum} to ${r.limit}.`
  }
  const r = c.terminationGracePeriodSeconds
  if (!r) return ''
  return (
    `How long a worker may finish its running tasks when it is stopped (scaling down or redeploying). ` +
    `${r.minimum === 0 ? '0 stops it at once' : `At least ${r.minimum} seconds`}; at most ${r.limit} seconds (${hours(r.limit)}).`
  )
}
