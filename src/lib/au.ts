// Resource arithmetic shared by every screen and the fake backend, for both
// resource strategies: AU (CPU and memory locked together, whole AU) and
// custom resources (CPU in millicpu and memory in MiB, set separately).
// All limits come from the platform config (`deploymentConfig`); nothing here
// knows a number of its own. Every quantity is a whole number, so the maths
// is exact.
import type {
  Component,
  DeploymentConfig,
  DeploymentProperties,
  Executor,
  PlatformConfig,
  Range,
  ResourceStrategy,
} from './houston-json'
import { isAtLeast } from './versions'

export interface ComponentSize {
  /**
   * AU per replica: the size under the AU strategy. Under custom resources
   * it is the AU that covers `cpu` and `memory`, kept for switching back.
   */
  au: number
  replicas: number
  terminationGracePeriodSeconds?: number
  /** Custom resources only: millicpu per replica (request = limit). */
  cpu?: number
  /** Custom resources only: MiB per replica (request = limit). */
  memory?: number
}

/**
 * A deployment's size. Under the AU strategy (no `strategy`) people choose
 * AU; under custom resources (`strategy: 'custom'`) they choose CPU and
 * memory per component and for the extra capacity.
 */
export interface Sizing {
  executor: Executor
  components: Partial<Record<Component, ComponentSize>>
  extraAu: number
  /** Absent for AU. */
  strategy?: 'custom'
  /** Custom resources only: the extra capacity in millicpu and MiB. */
  extraCapacity?: { cpu: number; memory: number }
}

export const strategyOf = (sizing: Sizing): ResourceStrategy => sizing.strategy ?? 'au'

/** The strategies a platform offers: custom resources always, AU unless it turned AU off. */
export function strategiesOf(platform: PlatformConfig): ResourceStrategy[] {
  return platform.auEnabled ? ['au', 'custom'] : ['custom']
}

/**
 * The strategy a deployment uses: the one stored, except that AU falls back
 * to custom resources where the platform does not offer AU (the stored CPU
 * and memory are the same either way).
 */
export function resolveStrategy(platform: PlatformConfig, stored: ResourceStrategy | undefined): ResourceStrategy {
  if (!platform.auEnabled) return 'custom'
  return stored ?? 'au'
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

/** The components an executor runs, in the platform's order (version-gated ones included). */
export function componentsFor(platform: PlatformConfig, executor: Executor) {
  const names = executorOf(platform, executor).components
  return platform.components.filter((c) => names.includes(c.name))
}

/**
 * Whether a component exists only from some Airflow version on (the
 * triggerer). A deployment runs such a component only where its config has
 * it; absent, it runs none.
 */
export const isVersionGated = (platform: PlatformConfig, component: Component): boolean =>
  componentOf(platform, component).sinceAirflow !== undefined

/** Whether an Airflow version runs a component at all. */
export function runsOn(platform: PlatformConfig, component: Component, airflowVersion: string): boolean {
  const since = componentOf(platform, component).sinceAirflow
  return since === undefined || isAtLeast(airflowVersion, since)
}

/** The replicas a component may have on an Airflow version: one only where the version predates more. */
export function replicasRangeOn(platform: PlatformConfig, component: Component, airflowVersion?: string): Range | undefined {
  const c = componentOf(platform, component)
  if (!c.replicas) return undefined
  if (airflowVersion !== undefined && c.replicasSinceAirflow !== undefined && !isAtLeast(airflowVersion, c.replicasSinceAirflow)) {
    return { default: 1, minimum: 1, limit: 1 }
  }
  return c.replicas
}

/** The components a deployment on this executor and Airflow version may run, in the platform's order. */
export function componentsOn(platform: PlatformConfig, executor: Executor, airflowVersion: string) {
  return componentsFor(platform, executor).filter((c) => runsOn(platform, c.name, airflowVersion))
}

/** The largest pod the platform allows, in millicpu and MiB. */
export function maxPodResources(platform: PlatformConfig): { cpu: number; memory: number } {
  return {
    cpu: platform.maxPodCpu ?? auToCpu(platform.maxPodAu, platform.astroUnit),
    memory: platform.maxPodMemory ?? auToMemory(platform.maxPodAu, platform.astroUnit),
  }
}

const scaled = (r: Range, by: number): Range => ({ default: r.default * by, minimum: r.minimum * by, limit: r.limit * by })

/** The CPU (millicpu) one replica of a component may have under custom resources, never above the largest pod. */
export function componentCpuRange(platform: PlatformConfig, component: Component): Range {
  const c = componentOf(platform, component)
  const r = c.cpu ?? scaled(c.au, platform.astroUnit.cpu)
  return { ...r, limit: Math.min(r.limit, maxPodResources(platform).cpu) }
}

/** The memory (MiB) one replica of a component may have under custom resources, never above the largest pod. */
export function componentMemoryRange(platform: PlatformConfig, component: Component): Range {
  const c = componentOf(platform, component)
  const r = c.memory ?? scaled(c.au, platform.astroUnit.memory)
  return { ...r, limit: Math.min(r.limit, maxPodResources(platform).memory) }
}

/** The extra capacity an executor may have under custom resources (millicpu and MiB). */
export function extraCapacityRange(platform: PlatformConfig, executor: Executor): { cpu: Range; memory: Range } {
  const x = executorOf(platform, executor)
  if (x.extraCapacity) return x.extraCapacity
  const au = extraAuRange(platform, executor)
  return { cpu: scaled(au, platform.astroUnit.cpu), memory: scaled(au, platform.astroUnit.memory) }
}

/**
 * The platform's defaults for an executor. Given an Airflow version, the
 * version-gated components it runs (the triggerer) start at their defaults
 * too; without one they are left out.
 */
export function defaultSizing(platform: PlatformConfig, executor: Executor, airflowVersion?: string): Sizing {
  const components: Sizing['components'] = {}
  for (const c of componentsFor(platform, executor)) {
    if (c.sinceAirflow !== undefined && (airflowVersion === undefined || !runsOn(platform, c.name, airflowVersion))) continue
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

/**
 * Reads Houston's stored config and properties as a sizing; missing parts
 * take the defaults, except version-gated components (the triggerer), which
 * a config without them does not run. The strategy is the stored one (see
 * resolveStrategy).
 */
export function sizingFromConfig(
  platform: PlatformConfig,
  config: DeploymentConfig,
  properties: DeploymentProperties,
): Sizing {
  const base = defaultSizing(platform, config.executor)
  const custom = resolveStrategy(platform, properties.resource_strategy) === 'custom'
  for (const c of componentsFor(platform, config.executor)) {
    const stored = config[c.name]
    if (!stored) continue
    const current = base.components[c.name] ?? { au: c.au.default, replicas: c.replicas?.default ?? 1 }
    const { cpu, memory } = stored.resources.limits
    const tgps = c.terminationGracePeriodSeconds ? (stored.terminationGracePeriodSeconds ?? current.terminationGracePeriodSeconds ?? c.terminationGracePeriodSeconds.default) : undefined
    base.components[c.name] = {
      au: resourcesToAu(cpu, memory, platform.astroUnit),
      replicas: stored.replicas ?? current.replicas,
      ...(tgps !== undefined ? { terminationGracePeriodSeconds: tgps } : {}),
      ...(custom ? { cpu, memory } : {}),
    }
  }
  const extraAu = properties.extra_au ?? base.extraAu
  if (!custom) return { ...base, extraAu }
  return withStrategy(platform, { ...base, extraAu, strategy: 'custom' }, 'custom', properties.extra_capacity)
}

/** The resources one replica of a component has under a sizing: millicpu and MiB. */
export function replicaResources(platform: PlatformConfig, sizing: Sizing, size: ComponentSize): { cpu: number; memory: number } {
  const u = platform.astroUnit
  if (sizing.strategy === 'custom') return { cpu: size.cpu ?? auToCpu(size.au, u), memory: size.memory ?? auToMemory(size.au, u) }
  return { cpu: auToCpu(size.au, u), memory: auToMemory(size.au, u) }
}

/** The extra capacity (Kubernetes executor task pods): millicpu, MiB and the pods it counts. */
export function extraResources(platform: PlatformConfig, sizing: Sizing): Resources {
  const u = platform.astroUnit
  if (sizing.strategy === 'custom') {
    const x = sizing.extraCapacity ?? { cpu: auToCpu(sizing.extraAu, u), memory: auToMemory(sizing.extraAu, u) }
    return { cpu: x.cpu, memory: x.memory, pods: resourcesToAu(x.cpu, x.memory, u) * u.pods }
  }
  return { cpu: auToCpu(sizing.extraAu, u), memory: auToMemory(sizing.extraAu, u), pods: sizing.extraAu * u.pods }
}

/**
 * The same deployment under another strategy, keeping its sizes: from AU
 * each component gets exactly its AU's CPU and memory; from custom
 * resources each gets the AU that covers its CPU and memory (rounded up, so
 * nothing shrinks). `extraCapacity` overrides the extra capacity's CPU and
 * memory when moving to custom resources.
 */
export function withStrategy(
  platform: PlatformConfig,
  sizing: Sizing,
  strategy: ResourceStrategy,
  extraCapacity?: { cpu: number; memory: number },
): Sizing {
  const u = platform.astroUnit
  const components: Sizing['components'] = {}
  for (const [name, size] of Object.entries(sizing.components) as [Component, ComponentSize][]) {
    const { cpu, memory } = replicaResources(platform, sizing, size)
    const au = resourcesToAu(cpu, memory, u)
    const next: ComponentSize = { au, replicas: size.replicas }
    if (size.terminationGracePeriodSeconds !== undefined) next.terminationGracePeriodSeconds = size.terminationGracePeriodSeconds
    components[name] = strategy === 'custom' ? { ...next, cpu, memory } : next
  }
  const extra = extraCapacity ?? extraResources(platform, sizing)
  const extraAu = resourcesToAu(extra.cpu, extra.memory, u)
  if (strategy === 'custom') {
    return { executor: sizing.executor, components, extraAu, strategy: 'custom', extraCapacity: { cpu: extra.cpu, memory: extra.memory } }
  }
  return { executor: sizing.executor, components, extraAu }
}

/** Sets one component's CPU and/or memory under custom resources (and the AU that covers them). */
export function withCustomResources(
  platform: PlatformConfig,
  sizing: Sizing,
  component: Component,
  change: { cpu?: number; memory?: number },
): Sizing {
  const size = sizing.components[component]
  if (!size || sizing.strategy !== 'custom') return sizing
  const current = replicaResources(platform, sizing, size)
  const cpu = change.cpu ?? current.cpu
  const memory = change.memory ?? current.memory
  return { ...sizing, components: { ...sizing.components, [component]: { ...size, cpu, memory, au: resourcesToAu(cpu, memory, platform.astroUnit) } } }
}

/** Sets the extra capacity's CPU and/or memory under custom resources. */
export function withExtraCapacity(platform: PlatformConfig, sizing: Sizing, change: { cpu?: number; memory?: number }): Sizing {
  if (sizing.strategy !== 'custom') return sizing
  const current = extraResources(platform, sizing)
  const cpu = change.cpu ?? current.cpu
  const memory = change.memory ?? current.memory
  return { ...sizing, extraCapacity: { cpu, memory }, extraAu: resourcesToAu(cpu, memory, platform.astroUnit) }
}

/** What `properties` carry of a sizing: extra_au always; under custom resources the strategy and the extra capacity too. */
export type SizingProperties = Pick<DeploymentProperties, 'extra_au' | 'resource_strategy' | 'extra_capacity'>

/**
 * Writes a sizing as Houston's config (limits = requests, in millicpu and
 * MiB) and properties. The scheduler's replicas are written only when more
 * than one runs (Houston's default is one).
 */
export function sizingToConfig(platform: PlatformConfig, sizing: Sizing): { config: DeploymentConfig; properties: SizingProperties } {
  const config: DeploymentConfig = { executor: sizing.executor }
  for (const c of componentsFor(platform, sizing.executor)) {
    const size = sizing.components[c.name]
    if (!size) continue
    const limits = replicaResources(platform, sizing, size)
    const writeReplicas = c.replicas !== undefined && (c.replicasSinceAirflow === undefined || size.replicas !== 1)
    config[c.name] = {
      resources: { limits, requests: { ...limits } },
      ...(writeReplicas ? { replicas: size.replicas } : {}),
      ...(c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined
        ? { terminationGracePeriodSeconds: size.terminationGracePeriodSeconds }
        : {}),
    }
  }
  if (sizing.strategy !== 'custom') return { config, properties: { extra_au: sizing.extraAu } }
  const extra = extraResources(platform, sizing)
  return {
    config,
    properties: { extra_au: resourcesToAu(extra.cpu, extra.memory, platform.astroUnit), resource_strategy: 'custom', extra_capacity: { cpu: extra.cpu, memory: extra.memory } },
  }
}

/**
 * Each component the sizing runs, in the platform's order: AU, CPU and memory
 * per replica and with its replicas. Under custom resources `au` and
 * `totalAu` are the AU that cover the CPU and memory. Version-gated
 * components the sizing does not have (a triggerer on an old config) are left out.
 */
export function componentTotals(platform: PlatformConfig, sizing: Sizing) {
  const u = platform.astroUnit
  return componentsFor(platform, sizing.executor).flatMap((c) => {
    const size = sizing.components[c.name] ?? (c.sinceAirflow === undefined ? { au: c.au.default, replicas: 1 } : null)
    if (!size) return []
    const { cpu, memory } = replicaResources(platform, sizing, size)
    const totalCpu = cpu * size.replicas
    const totalMemory = memory * size.replicas
    const custom = sizing.strategy === 'custom'
    return [
      {
        name: c.name,
        label: c.label,
        au: custom ? resourcesToAu(cpu, memory, u) : size.au,
        replicas: size.replicas,
        totalAu: custom ? resourcesToAu(totalCpu, totalMemory, u) : size.au * size.replicas,
        cpu,
        memory,
        totalCpu,
        totalMemory,
      },
    ]
  })
}

/**
 * What the deployment counts in AU. Under AU: the sum over its components of
 * AU x replicas, plus extra AU. Under custom resources: the AU that covers
 * its whole CPU and memory (rounded up).
 */
export function totalAu(platform: PlatformConfig, sizing: Sizing): number {
  if (sizing.strategy === 'custom') {
    const r = deploymentResources(platform, sizing)
    return resourcesToAu(r.cpu, r.memory, platform.astroUnit)
  }
  return componentTotals(platform, sizing).reduce((sum, c) => sum + c.totalAu, 0) + sizing.extraAu
}

/** What the deployment's components run: cpu, memory and pods, without the quota headroom. */
export function componentResources(platform: PlatformConfig, sizing: Sizing): Resources {
  let cpu = 0
  let memory = 0
  let pods = 0
  for (const c of componentTotals(platform, sizing)) {
    cpu += c.totalCpu
    memory += c.totalMemory
    pods += c.replicas
  }
  return { cpu, memory, pods }
}

/** Everything the deployment may use: components plus extra capacity. */
export function deploymentResources(platform: PlatformConfig, sizing: Sizing): Resources {
  const base = componentResources(platform, sizing)
  const extra = extraResources(platform, sizing)
  return { cpu: base.cpu + extra.cpu, memory: base.memory + extra.memory, pods: base.pods + extra.pods }
}

/**
 * The Kubernetes ResourceQuota the deployment's namespace gets: the component
 * resources doubled (room for a rolling update) plus the extra capacity once.
 */
export function resourceQuota(platform: PlatformConfig, sizing: Sizing): Resources {
  const base = componentResources(platform, sizing)
  const extra = extraResources(platform, sizing)
  return { cpu: 2 * base.cpu + extra.cpu, memory: 2 * base.memory + extra.memory, pods: 2 * base.pods + extra.pods }
}

/** pgbouncer sizes scale with the deployment's AU. */
export function pgbouncerConnections(platform: PlatformConfig, sizing: Sizing) {
  const au = totalAu(platform, sizing)
  return {
    clientConnections: Math.floor(au * platform.astroUnit.airflowConns),
    databaseConnections: Math.max(1, Math.floor(au * platform.astroUnit.actualConns)),
  }
}

export type SizingField =
  | `${Component}.au`
  | `${Component}.replicas`
  | `${Component}.terminationGracePeriodSeconds`
  | `${Component}.cpu`
  | `${Component}.memory`
  | 'extraAu'
  | 'extraCapacity.cpu'
  | 'extraCapacity.memory'

export interface SizingProblem {
  field: SizingField | 'total'
  code: 'BELOW_MINIMUM' | 'ABOVE_LIMIT' | 'ABOVE_MAX_POD_AU' | 'ABOVE_MAX_POD' | 'NOT_A_WHOLE_NUMBER' | 'NOT_ON_THIS_VERSION' | 'QUOTA_EXCEEDED'
  message: string
  /** The closest value that would pass, where one exists. */
  nearest?: number
}

/** The AU a component may have: its own range, and never above maxPodAu. */
export function componentAuRange(platform: PlatformConfig, component: Component): Range {
  const { au } = componentOf(platform, component)
  return { ...au, limit: Math.min(au.limit, platform.maxPodAu) }
}

/** The extra capacity an executor may have: its own range, and never above maxExtraAu. */
export function extraAuRange(platform: PlatformConfig, executor: Executor): Range {
  const extra = executorOf(platform, executor).extraAu
  return { ...extra, limit: Math.min(extra.limit, platform.maxExtraAu) }
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

/**
 * The workspace quota in CPU and memory, for a platform that counts quotas
 * that way (AU turned off). Usage figures are what the other deployments use.
 */
export interface ResourceQuotaContext {
  /** millicpu and MiB */
  cpuQuota: number
  memoryQuota: number
  cpuUsedByOthers: number
  memoryUsedByOthers: number
  /** What the deployment being resized uses now; a change that grows neither is never refused. */
  current?: { cpu: number; memory: number }
}

export interface QuotaContext {
  /** The workspace's AU quota. */
  quotaAu: number
  /** AU used by the workspace's other deployments (not the one being sized). */
  usedByOthersAu: number
  /**
   * What the deployment being resized counts now. A change that does not grow
   * it is never refused for quota, even in a workspace already over its quota.
   */
  currentAu?: number
  /** The same quota in CPU and memory: what counts where the platform has no AU. */
  resources?: ResourceQuotaContext
}

export const remainingAu = (quota: QuotaContext): number => Math.max(0, quota.quotaAu - quota.usedByOthersAu)

/** CPU (millicpu) and memory (MiB) the workspace has left for the deployment being sized. */
export function remainingResources(quota: ResourceQuotaContext): { cpu: number; memory: number } {
  return { cpu: Math.max(0, quota.cpuQuota - quota.cpuUsedByOthers), memory: Math.max(0, quota.memoryQuota - quota.memoryUsedByOthers) }
}

export interface CheckOptions {
  /** The deployment's Airflow version: components and replica counts it does not have are refused. */
  airflowVersion?: string
}

/** Every way a sizing breaks the platform's rules, its Airflow version's, or the workspace quota. */
export function checkSizing(platform: PlatformConfig, sizing: Sizing, quota?: QuotaContext, options: CheckOptions = {}): SizingProblem[] {
  const problems: SizingProblem[] = []
  const push = (p: SizingProblem | null) => {
    if (p) problems.push(p)
  }
  const custom = sizing.strategy === 'custom'
  const maxPod = maxPodResources(platform)
  const version = options.airflowVersion
  for (const c of componentsFor(platform, sizing.executor)) {
    const size = sizing.components[c.name]
    if (!size) continue
    if (custom) {
      const { cpu, memory } = replicaResources(platform, sizing, size)
      // As under AU: the component's own range, and separately the largest pod.
      push(checkRange(`${c.name}.cpu`, `${c.label} CPU`, cpu, c.cpu ?? scaled(c.au, platform.astroUnit.cpu), 'millicores'))
      push(checkRange(`${c.name}.memory`, `${c.label} memory`, memory, c.memory ?? scaled(c.au, platform.astroUnit.memory), 'MiB'))
      if (cpu > maxPod.cpu) {
        problems.push({ field: `${c.name}.cpu`, code: 'ABOVE_MAX_POD', message: `No single pod may exceed ${maxPod.cpu} millicores.`, nearest: maxPod.cpu })
      }
      if (memory > maxPod.memory) {
        problems.push({ field: `${c.name}.memory`, code: 'ABOVE_MAX_POD', message: `No single pod may exceed ${maxPod.memory} MiB.`, nearest: maxPod.memory })
      }
    } else {
      push(checkRange(`${c.name}.au`, `${c.label} AU`, size.au, c.au, 'AU'))
      if (size.au > platform.maxPodAu) {
        problems.push({
          field: `${c.name}.au`,
          code: 'ABOVE_MAX_POD_AU',
          message: `No single pod may exceed ${platform.maxPodAu} AU.`,
          nearest: platform.maxPodAu,
        })
      }
    }
    if (c.replicas) push(checkRange(`${c.name}.replicas`, `${c.label} replicas`, size.replicas, c.replicas, 'replicas'))
    else if (size.replicas !== 1) {
      problems.push({ field: `${c.name}.replicas`, code: 'ABOVE_LIMIT', message: `${c.label} runs exactly one replica.`, nearest: 1 })
    }
    if (version !== undefined) {
      if (!runsOn(platform, c.name, version) && size.replicas > 0) {
        problems.push({
          field: `${c.name}.replicas`,
          code: 'NOT_ON_THIS_VERSION',
          message: `Airflow ${version} has no ${c.label.toLowerCase()}: it needs Airflow ${c.sinceAirflow ?? ''} or newer.`,
          nearest: 0,
        })
      } else if (c.replicasSinceAirflow !== undefined && !isAtLeast(version, c.replicasSinceAirflow) && size.replicas > 1) {
        problems.push({
          field: `${c.name}.replicas`,
          code: 'NOT_ON_THIS_VERSION',
          message: `Airflow ${version} runs one ${c.label.toLowerCase()}: more need Airflow ${c.replicasSinceAirflow} or newer.`,
          nearest: 1,
        })
      }
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
  if (custom) {
    const range = extraCapacityRange(platform, sizing.executor)
    const extra = extraResources(platform, sizing)
    push(checkRange('extraCapacity.cpu', 'Extra capacity CPU', extra.cpu, range.cpu, 'millicores'))
    push(checkRange('extraCapacity.memory', 'Extra capacity memory', extra.memory, range.memory, 'MiB'))
  } else {
    push(checkRange('extraAu', 'Extra capacity', sizing.extraAu, extraAuRange(platform, sizing.executor), 'AU'))
  }
  if (quota) {
    const problem = platform.auEnabled || !quota.resources ? auQuotaProblem(platform, sizing, quota) : resourceQuotaProblem(platform, sizing, quota.resources)
    push(problem)
  }
  return problems
}

function auQuotaProblem(platform: PlatformConfig, sizing: Sizing, quota: QuotaContext): SizingProblem | null {
  const total = totalAu(platform, sizing)
  const left = remainingAu(quota)
  const grows = quota.currentAu === undefined || total > quota.currentAu
  if (!grows || total <= left) return null
  return {
    field: 'total',
    code: 'QUOTA_EXCEEDED',
    message: `This needs ${total} AU but the workspace has ${left} AU left of its ${quota.quotaAu} AU quota.`,
    nearest: left,
  }
}

/** Whether `next` uses more CPU or more memory than `current`. */
export const growsResources = (current: { cpu: number; memory: number } | undefined, next: { cpu: number; memory: number }): boolean =>
  current === undefined || next.cpu > current.cpu || next.memory > current.memory

function resourceQuotaProblem(platform: PlatformConfig, sizing: Sizing, quota: ResourceQuotaContext): SizingProblem | null {
  const needed = deploymentResources(platform, sizing)
  const left = remainingResources(quota)
  if (!growsResources(quota.current, needed) || (needed.cpu <= left.cpu && needed.memory <= left.memory)) return null
  return {
    field: 'total',
    code: 'QUOTA_EXCEEDED',
    message:
      `This needs ${formatCpu(needed.cpu)} and ${formatMemory(needed.memory)} but the workspace has ` +
      `${formatCpu(left.cpu)} and ${formatMemory(left.memory)} left of its ${formatCpu(quota.cpuQuota)} and ${formatMemory(quota.memoryQuota)} quota.`,
  }
}

export const SIZE_PRESETS = ['small', 'medium', 'large'] as const
export type SizePreset = (typeof SIZE_PRESETS)[number]

/** How many times the platform's defaults a preset runs: small is the default size. */
const PRESET_SCALE: Record<SizePreset, number> = { small: 1, medium: 2, large: 4 }

const clampTo = (value: number, range: Range): number => Math.min(range.limit, Math.max(range.minimum, value))

/**
 * A size preset for an executor: the platform's defaults (small), twice them
 * (medium) or four times them (large) for every tunable component, worker
 * count and extra capacity, each held within its platform limits. Settings
 * that are not sizes are kept from `base`: termination grace periods, the
 * scheduler count and the triggerer (more of those buy availability, not
 * size), and the resource strategy.
 */
export function presetSizing(platform: PlatformConfig, executor: Executor, preset: SizePreset, base?: Sizing): Sizing {
  const scale = PRESET_SCALE[preset]
  const sizing = defaultSizing(platform, executor)
  for (const c of componentsFor(platform, executor)) {
    const kept = base?.components[c.name]
    if (!sizing.components[c.name] && kept) sizing.components[c.name] = { au: kept.au, replicas: kept.replicas }
    const size = sizing.components[c.name]
    if (!size) continue
    if (c.tunable) size.au = clampTo(c.au.default * scale, componentAuRange(platform, c.name))
    const gatedReplicas = c.sinceAirflow !== undefined || c.replicasSinceAirflow !== undefined
    if (c.replicas && !gatedReplicas) size.replicas = clampTo(c.replicas.default * scale, c.replicas)
    else if (c.replicas && kept) size.replicas = kept.replicas
    if (size.terminationGracePeriodSeconds !== undefined && kept?.terminationGracePeriodSeconds !== undefined) {
      size.terminationGracePeriodSeconds = kept.terminationGracePeriodSeconds
    }
  }
  const extra = extraAuRange(platform, executor)
  sizing.extraAu = clampTo(extra.default * scale, extra)
  return base?.strategy === 'custom' ? withStrategy(platform, sizing, 'custom') : sizing
}

/** The preset a sizing is exactly (grace periods aside), or null. */
export function matchingPreset(platform: PlatformConfig, sizing: Sizing): SizePreset | null {
  const key = (s: Sizing) =>
    JSON.stringify([
      s.executor,
      extraResources(platform, s),
      componentTotals(platform, s).map((c) => [c.name, c.cpu, c.memory, c.replicas]),
    ])
  const mine = key(sizing)
  return SIZE_PRESETS.find((p) => key(presetSizing(platform, sizing.executor, p, sizing)) === mine) ?? null
}

/**
 * Moves a sizing to another executor: components both executors run keep
 * their size, the others come back as they were in `original` (the stored
 * sizing) or start at the platform defaults, and extra capacity is the
 * original's when returning to its executor, else the new executor's default.
 * The resource strategy stays.
 */
export function withExecutor(platform: PlatformConfig, sizing: Sizing, executor: Executor, original?: Sizing): Sizing {
  if (executor === sizing.executor) return sizing
  const next = defaultSizing(platform, executor)
  for (const c of componentsFor(platform, executor)) {
    const kept = sizing.components[c.name] ?? (original?.executor === executor ? original.components[c.name] : undefined)
    if (kept) next.components[c.name] = { ...kept }
  }
  const returning = original?.executor === executor
  if (returning) next.extraAu = original.extraAu
  if (sizing.strategy !== 'custom') return next
  return withStrategy(platform, { ...next, strategy: 'custom' }, 'custom', returning ? extraResources(platform, original) : undefined)
}

export type SizingChangeField = SizingField | 'executor' | 'strategy'

/** One value that differs between two sizings; null where the value is not part of that sizing. */
export interface SizingChange {
  field: SizingChangeField
  unit: 'AU' | 'replicas' | 'seconds' | 'millicores' | 'MiB' | null
  before: number | Executor | ResourceStrategy | null
  after: number | Executor | ResourceStrategy | null
}

/**
 * Every value that differs between two sizings, in the platform's order:
 * the executor and the resource strategy, then each component's AU (CPU and
 * memory where either side uses custom resources), replicas and termination
 * grace period (components only one side runs appear with null on the other
 * side), then extra capacity.
 */
export function diffSizing(platform: PlatformConfig, before: Sizing, after: Sizing): SizingChange[] {
  const changes: SizingChange[] = []
  if (before.executor !== after.executor) {
    changes.push({ field: 'executor', unit: null, before: before.executor, after: after.executor })
  }
  if (strategyOf(before) !== strategyOf(after)) {
    changes.push({ field: 'strategy', unit: null, before: strategyOf(before), after: strategyOf(after) })
  }
  const inResources = before.strategy === 'custom' || after.strategy === 'custom'
  const runs = (s: Sizing, c: Component) => executorOf(platform, s.executor).components.includes(c)
  for (const c of platform.components) {
    const b = runs(before, c.name) ? before.components[c.name] : undefined
    const a = runs(after, c.name) ? after.components[c.name] : undefined
    if (!a && !b) continue
    const push = (field: SizingField, unit: SizingChange['unit'], x: number | undefined, y: number | undefined) => {
      if (x !== y) changes.push({ field, unit, before: x ?? null, after: y ?? null })
    }
    if (inResources) {
      const rb = b ? replicaResources(platform, before, b) : undefined
      const ra = a ? replicaResources(platform, after, a) : undefined
      push(`${c.name}.cpu`, 'millicores', rb?.cpu, ra?.cpu)
      push(`${c.name}.memory`, 'MiB', rb?.memory, ra?.memory)
    } else {
      push(`${c.name}.au`, 'AU', b?.au, a?.au)
    }
    if (c.replicas) push(`${c.name}.replicas`, 'replicas', b?.replicas, a?.replicas)
    if (c.terminationGracePeriodSeconds) {
      push(`${c.name}.terminationGracePeriodSeconds`, 'seconds', b?.terminationGracePeriodSeconds, a?.terminationGracePeriodSeconds)
    }
  }
  if (inResources) {
    const xb = extraResources(platform, before)
    const xa = extraResources(platform, after)
    if (xb.cpu !== xa.cpu) changes.push({ field: 'extraCapacity.cpu', unit: 'millicores', before: xb.cpu, after: xa.cpu })
    if (xb.memory !== xa.memory) changes.push({ field: 'extraCapacity.memory', unit: 'MiB', before: xb.memory, after: xa.memory })
  } else if (before.extraAu !== after.extraAu) {
    changes.push({ field: 'extraAu', unit: 'AU', before: before.extraAu, after: after.extraAu })
  }
  return changes
}

/** Houston's config without its executor: what `updateDeployment` merges into the stored one. */
export type DeploymentConfigPatch = Partial<DeploymentConfig>

export interface SizingPatch {
  config?: DeploymentConfigPatch
  properties?: SizingProperties
}

/**
 * What `updateDeployment` needs to turn `before` into `after`, and nothing
 * else: the config of each component that changed (the whole config when
 * the executor or the resource strategy changes), and the sizing properties
 * when the extra capacity, the executor (Houston resets extra_au to the new
 * executor's default unless it is sent) or the strategy changed. Empty when
 * nothing changed.
 */
export function sizingPatch(platform: PlatformConfig, before: Sizing, after: Sizing): SizingPatch {
  const { config, properties } = sizingToConfig(platform, after)
  const patch: SizingPatch = {}
  const executorChanged = before.executor !== after.executor
  const strategyChanged = strategyOf(before) !== strategyOf(after)
  const changes = diffSizing(platform, before, after)
  if (executorChanged || strategyChanged) {
    patch.config = config
  } else {
    const changed = new Set(changes.map((c) => c.field.split('.')[0]))
    const components: DeploymentConfigPatch = {}
    for (const c of componentsFor(platform, after.executor)) {
      const entry = config[c.name]
      if (changed.has(c.name) && entry) components[c.name] = entry
    }
    if (Object.keys(components).length > 0) patch.config = components
  }
  const extraChanged = changes.some((c) => c.field === 'extraAu' || c.field.startsWith('extraCapacity.'))
  if (executorChanged || strategyChanged || extraChanged) {
    patch.properties = after.strategy === 'custom' ? properties : { extra_au: properties.extra_au ?? after.extraAu, ...(strategyChanged ? { resource_strategy: 'au' as const } : {}) }
  }
  return patch
}

/**
 * A workspace's quota and what its deployments use now (Houston's `auQuota`
 * and `auUsed`), and the same in CPU (millicpu) and memory (MiB) where the
 * server reports them.
 */
export interface WorkspaceUsage {
  auQuota: number
  auUsed: number
  cpuQuota?: number
  memoryQuota?: number
  cpuUsed?: number
  memoryUsed?: number
}

/**
 * The quota as it applies to resizing one deployment: `auUsed` already
 * counts the deployment at `currentAu` (and the CPU and memory figures at
 * `current`), so the others use the rest.
 */
export function deploymentQuota(workspace: WorkspaceUsage, currentAu: number, current?: { cpu: number; memory: number }): QuotaContext {
  const quota: QuotaContext = { quotaAu: workspace.auQuota, usedByOthersAu: Math.max(0, workspace.auUsed - currentAu), currentAu }
  const { cpuQuota, memoryQuota, cpuUsed, memoryUsed } = workspace
  if (current && cpuQuota !== undefined && memoryQuota !== undefined && cpuUsed !== undefined && memoryUsed !== undefined) {
    quota.resources = {
      cpuQuota,
      memoryQuota,
      cpuUsedByOthers: Math.max(0, cpuUsed - current.cpu),
      memoryUsedByOthers: Math.max(0, memoryUsed - current.memory),
      current: { cpu: current.cpu, memory: current.memory },
    }
  }
  return quota
}

/** The workspace quota in CPU and memory for a platform without AU: derived from the AU quota when the server gives none. */
export function workspaceResources(platform: PlatformConfig, workspace: WorkspaceUsage) {
  const u = platform.astroUnit
  return {
    cpuQuota: workspace.cpuQuota ?? auToCpu(workspace.auQuota, u),
    memoryQuota: workspace.memoryQuota ?? auToMemory(workspace.auQuota, u),
    cpuUsed: workspace.cpuUsed ?? auToCpu(workspace.auUsed, u),
    memoryUsed: workspace.memoryUsed ?? auToMemory(workspace.auUsed, u),
  }
}

export interface ResourceImpact {
  cpuQuota: number
  memoryQuota: number
  /** millicpu and MiB the workspace uses now and would use after the change */
  cpuUsedBefore: number
  cpuUsedAfter: number
  memoryUsedBefore: number
  memoryUsedAfter: number
  /** left now and after the change (negative when over) */
  cpuLeftBefore: number
  cpuLeftAfter: number
  memoryLeftBefore: number
  memoryLeftAfter: number
  /** The most this deployment may use: what is left plus what it has. */
  cpuAvailable: number
  memoryAvailable: number
  fits: boolean
}

/** What resizing a deployment from `current` to `next` resources does to its workspace's CPU and memory quota. */
export function resourceImpact(platform: PlatformConfig, workspace: WorkspaceUsage, current: { cpu: number; memory: number }, next: { cpu: number; memory: number }): ResourceImpact {
  const w = workspaceResources(platform, workspace)
  const cpuOthers = Math.max(0, w.cpuUsed - current.cpu)
  const memoryOthers = Math.max(0, w.memoryUsed - current.memory)
  const cpuAvailable = Math.max(0, w.cpuQuota - cpuOthers)
  const memoryAvailable = Math.max(0, w.memoryQuota - memoryOthers)
  return {
    cpuQuota: w.cpuQuota,
    memoryQuota: w.memoryQuota,
    cpuUsedBefore: w.cpuUsed,
    cpuUsedAfter: cpuOthers + next.cpu,
    memoryUsedBefore: w.memoryUsed,
    memoryUsedAfter: memoryOthers + next.memory,
    cpuLeftBefore: w.cpuQuota - w.cpuUsed,
    cpuLeftAfter: w.cpuQuota - cpuOthers - next.cpu,
    memoryLeftBefore: w.memoryQuota - w.memoryUsed,
    memoryLeftAfter: w.memoryQuota - memoryOthers - next.memory,
    cpuAvailable,
    memoryAvailable,
    fits: !growsResources(current, next) || (next.cpu <= cpuAvailable && next.memory <= memoryAvailable),
  }
}

export interface QuotaImpact {
  quotaAu: number
  /** AU the workspace uses now, and would use after the change. */
  usedBefore: number
  usedAfter: number
  /** AU left in the workspace now, and after the change (negative when over). */
  leftBefore: number
  leftAfter: number
  /** The most this deployment may total: what is left plus what it has. */
  availableAu: number
  currentAu: number
  nextAu: number
  /** Whether the workspace quota allows the change. */
  fits: boolean
}

/** What resizing a deployment from `currentAu` to `nextAu` does to its workspace's quota. */
export function quotaImpact(workspace: WorkspaceUsage, currentAu: number, nextAu: number): QuotaImpact {
  const quota = deploymentQuota(workspace, currentAu)
  const availableAu = remainingAu(quota)
  const usedAfter = quota.usedByOthersAu + nextAu
  return {
    quotaAu: workspace.auQuota,
    usedBefore: workspace.auUsed,
    usedAfter,
    leftBefore: workspace.auQuota - workspace.auUsed,
    leftAfter: workspace.auQuota - usedAfter,
    availableAu,
    currentAu,
    nextAu,
    fits: nextAu <= currentAu || nextAu <= availableAu,
  }
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
