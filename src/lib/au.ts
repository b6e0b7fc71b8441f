// Astronomer Unit arithmetic shared by every screen and the fake backend.
// All limits come from the platform config (`deploymentConfig`); nothing here
// knows a number of its own. AU are whole numbers, so the maths is exact.
import type {
  Component,
  DeploymentConfig,
  DeploymentProperties,
  Executor,
  PlatformConfig,
  Range,
} from './houston-json'

export interface ComponentSize {
  au: number
  replicas: number
  terminationGracePeriodSeconds?: number
}

/** A deployment's size in AU, the unit people choose in. */
export interface Sizing {
  executor: Executor
  components: Partial<Record<Component, ComponentSize>>
  extraAu: number
}

export interface Resources {
  /** millicpu */
  cpu: number
  /** MiB */
  memory: number
  pods: number
}

type Unit = PlatformConfig['astroUnit']

export const auToCpu = (au: number, unit: Unit): number => au * unit.cpu
export const auToMemory = (au: number, unit: Unit): number => au * unit.memory
/** The AU that covers both a cpu (millicpu) and a memory (MiB) figure. */
export const resourcesToAu = (cpu: number, memory: number, unit: Unit): number =>
  Math.max(Math.ceil(cpu / unit.cpu), Math.ceil(memory / unit.memory))

export function executorOf(platform: PlatformConfig, executor: Executor) {
  const found = platform.executors.find((e) => e.name === executor)
  if (!found) throw new Error(`The platform does not offer ${executor}`)
  return found
}

export function componentOf(platform: PlatformConfig, component: Component) {
  const found = platform.components.find((c) => c.name === component)
  if (!found) throw new Error(`The platform does not describe ${component}`)
  return found
}

/** The components an executor runs, in the platform's order. */
export function componentsFor(platform: PlatformConfig, executor: Executor) {
  const names = executorOf(platform, executor).components
  return platform.components.filter((c) => names.includes(c.name))
}

export function defaultSizing(platform: PlatformConfig, executor: Executor): Sizing {
  const components: Sizing['components'] = {}
  for (const c of componentsFor(platform, executor)) {
    components[c.name] = {
      au: c.au.default,
      replicas: c.replicas?.default ?? 1,
      ...(c.terminationGracePeriodSeconds
        ? { terminationGracePeriodSeconds: c.terminationGracePeriodSeconds.default }
        : {}),
    }
  }
  return { executor, components, extraAu: executorOf(platform, executor).extraAu.default }
}

/** Reads Houston's stored config and properties as a sizing; missing parts take the defaults. */
export function sizingFromConfig(
  platform: PlatformConfig,
  config: DeploymentConfig,
  properties: DeploymentProperties,
): Sizing {
  const base = defaultSizing(platform, config.executor)
  for (const c of componentsFor(platform, config.executor)) {
    const stored = config[c.name]
    const current = base.components[c.name]
    if (!stored || !current) continue
    const { cpu, memory } = stored.resources.limits
    base.components[c.name] = {
      au: resourcesToAu(cpu, memory, platform.astroUnit),
      replicas: stored.replicas ?? current.replicas,
      ...(current.terminationGracePeriodSeconds !== undefined
        ? { terminationGracePeriodSeconds: stored.terminationGracePeriodSeconds ?? current.terminationGracePeriodSeconds }
        : {}),
    }
  }
  return { ...base, extraAu: properties.extra_au ?? base.extraAu }
}

/** Writes a sizing as Houston's config (limits = requests) and the extra_au property. */
export function sizingToConfig(
  platform: PlatformConfig,
  sizing: Sizing,
): { config: DeploymentConfig; properties: Pick<DeploymentProperties, 'extra_au'> } {
  const config: DeploymentConfig = { executor: sizing.executor }
  for (const c of componentsFor(platform, sizing.executor)) {
    const size = sizing.components[c.name]
    if (!size) continue
    const limits = { cpu: auToCpu(size.au, platform.astroUnit), memory: auToMemory(size.au, platform.astroUnit) }
    config[c.name] = {
      resources: { limits, requests: { ...limits } },
      ...(c.replicas ? { replicas: size.replicas } : {}),
      ...(c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined
        ? { terminationGracePeriodSeconds: size.terminationGracePeriodSeconds }
        : {}),
    }
  }
  return { config, properties: { extra_au: sizing.extraAu } }
}

/** AU of each component with its replicas, in the platform's order. */
export function componentTotals(platform: PlatformConfig, sizing: Sizing) {
  return componentsFor(platform, sizing.executor).map((c) => {
    const size = sizing.components[c.name] ?? { au: c.au.default, replicas: 1 }
    return { name: c.name, label: c.label, au: size.au, replicas: size.replicas, totalAu: size.au * size.replicas }
  })
}

/** Sum over the executor's components of AU x replicas, plus extra AU. */
export function totalAu(platform: PlatformConfig, sizing: Sizing): number {
  return componentTotals(platform, sizing).reduce((sum, c) => sum + c.totalAu, 0) + sizing.extraAu
}

/** What the deployment's components run: cpu, memory and pods, without the quota headroom. */
export function componentResources(platform: PlatformConfig, sizing: Sizing): Resources {
  const u = platform.astroUnit
  let cpu = 0
  let memory = 0
  let pods = 0
  for (const c of componentTotals(platform, sizing)) {
    cpu += auToCpu(c.totalAu, u)
    memory += auToMemory(c.totalAu, u)
    pods += c.replicas
  }
  return { cpu, memory, pods }
}

/** Everything the deployment may use: components plus extra capacity. */
export function deploymentResources(platform: PlatformConfig, sizing: Sizing): Resources {
  const base = componentResources(platform, sizing)
  const u = platform.astroUnit
  return {
    cpu: base.cpu + auToCpu(sizing.extraAu, u),
    memory: base.memory + auToMemory(sizing.extraAu, u),
    pods: base.pods + sizing.extraAu * u.pods,
  }
}

/**
 * The Kubernetes ResourceQuota the deployment's namespace gets: the component
 * resources doubled (room for a rolling update) plus the extra capacity once.
 */
export function resourceQuota(platform: PlatformConfig, sizing: Sizing): Resources {
  const base = componentResources(platform, sizing)
  const u = platform.astroUnit
  return {
    cpu: 2 * base.cpu + auToCpu(sizing.extraAu, u),
    memory: 2 * base.memory + auToMemory(sizing.extraAu, u),
    pods: 2 * base.pods + sizing.extraAu * u.pods,
  }
}

/** pgbouncer sizes scale with the deployment's AU. */
export function pgbouncerConnections(platform: PlatformConfig, sizing: Sizing) {
  const au = totalAu(platform, sizing)
  return {
    clientConnections: Math.floor(au * platform.astroUnit.airflowConns),
    databaseConnections: Math.max(1, Math.floor(au * platform.astroUnit.actualConns)),
  }
}

export type SizingField = `${Component}.au` | `${Component}.replicas` | `${Component}.terminationGracePeriodSeconds` | 'extraAu'

export interface SizingProblem {
  field: SizingField | 'total'
  code: 'BELOW_MINIMUM' | 'ABOVE_LIMIT' | 'ABOVE_MAX_POD_AU' | 'NOT_A_WHOLE_NUMBER' | 'QUOTA_EXCEEDED'
  message: string
  /** The closest value that would pass, where one exists. */
  nearest?: number
}

function checkRange(field: SizingField, what: string, value: number, range: Range, unit: string): SizingProblem | null {
  if (!Number.isInteger(value)) {
    return { field, code: 'NOT_A_WHOLE_NUMBER', message: `${what} must be a whole number of ${unit}.`, nearest: Math.round(value) }
  }
  if (value < range.minimum) {
    return { field, code: 'BELOW_MINIMUM', message: `${what} cannot go below ${range.minimum} ${unit}.`, nearest: range.minimum }
  }
  if (value > range.limit) {
    return { field, code: 'ABOVE_LIMIT', message: `${what} cannot exceed ${range.limit} ${unit}.`, nearest: range.limit }
  }
  return null
}

export interface QuotaContext {
  /** The workspace's AU quota. */
  quotaAu: number
  /** AU used by the workspace's other deployments (not the one being sized). */
  usedByOthersAu: number
}

export const remainingAu = (quota: QuotaContext): number => Math.max(0, quota.quotaAu - quota.usedByOthersAu)

/** Every way a sizing breaks the platform's rules or the workspace quota. */
export function checkSizing(platform: PlatformConfig, sizing: Sizing, quota?: QuotaContext): SizingProblem[] {
  const problems: SizingProblem[] = []
  const push = (p: SizingProblem | null) => {
    if (p) problems.push(p)
  }
  for (const c of componentsFor(platform, sizing.executor)) {
    const size = sizing.components[c.name]
    if (!size) continue
    push(checkRange(`${c.name}.au`, `${c.label} AU`, size.au, c.au, 'AU'))
    if (size.au > platform.maxPodAu) {
      problems.push({
        field: `${c.name}.au`,
        code: 'ABOVE_MAX_POD_AU',
        message: `No single pod may exceed ${platform.maxPodAu} AU.`,
        nearest: platform.maxPodAu,
      })
    }
    if (c.replicas) push(checkRange(`${c.name}.replicas`, `${c.label} replicas`, size.replicas, c.replicas, 'replicas'))
    else if (size.replicas !== 1) {
      problems.push({ field: `${c.name}.replicas`, code: 'ABOVE_LIMIT', message: `${c.label} runs exactly one replica.`, nearest: 1 })
    }
    if (c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined) {
      push(
        checkRange(
          `${c.name}.terminationGracePeriodSeconds`,
          `${c.label} termination grace period`,
          size.terminationGracePeriodSeconds,
          c.terminationGracePeriodSeconds,
          'seconds',
        ),
      )
    }
  }
  const extra = executorOf(platform, sizing.executor).extraAu
  const extraRange = { ...extra, limit: Math.min(extra.limit, platform.maxExtraAu) }
  push(checkRange('extraAu', 'Extra capacity', sizing.extraAu, extraRange, 'AU'))
  if (quota) {
    const total = totalAu(platform, sizing)
    const left = remainingAu(quota)
    if (total > left) {
      problems.push({
        field: 'total',
        code: 'QUOTA_EXCEEDED',
        message: `This needs ${total} AU but the workspace has ${left} AU left of its ${quota.quotaAu} AU quota.`,
        nearest: left,
      })
    }
  }
  return problems
}

/** Formats millicpu as cores, e.g. 1500 -> "1.5 CPU". */
export function formatCpu(millicpu: number): string {
  const cores = millicpu / 1000
  return `${Number.isInteger(cores) ? cores : cores.toFixed(cores * 10 === Math.round(cores * 10) ? 1 : 2)} CPU`
}

/** Formats MiB as MiB or GiB, exactly where it can. */
export function formatMemory(mib: number): string {
  if (mib >= 1024) {
    const gib = mib / 1024
    return `${Number.isInteger(gib) ? gib : gib.toFixed(2).replace(/0$/, '')} GiB`
  }
  return `${mib} MiB`
}
