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
  push(checkRange('extraAu', 'Extra capacity', sizing.extraAu, extraAuRange(platform, sizing.executor), 'AU'))
  if (quota) {
    const total = totalAu(platform, sizing)
    const left = remainingAu(quota)
    const grows = quota.currentAu === undefined || total > quota.currentAu
    if (grows && total > left) {
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

export const SIZE_PRESETS = ['small', 'medium', 'large'] as const
export type SizePreset = (typeof SIZE_PRESETS)[number]

/** How many times the platform's defaults a preset runs: small is the default size. */
const PRESET_SCALE: Record<SizePreset, number> = { small: 1, medium: 2, large: 4 }

const clampTo = (value: number, range: Range): number => Math.min(range.limit, Math.max(range.minimum, value))

/**
 * A size preset for an executor: the platform's defaults (small), twice them
 * (medium) or four times them (large) for every tunable component, worker
 * count and extra capacity, each held within its platform limits. Settings
 * that are not sizes (termination grace periods) are kept from `base`.
 */
export function presetSizing(platform: PlatformConfig, executor: Executor, preset: SizePreset, base?: Sizing): Sizing {
  const scale = PRESET_SCALE[preset]
  const sizing = defaultSizing(platform, executor)
  for (const c of componentsFor(platform, executor)) {
    const size = sizing.components[c.name]
    if (!size) continue
    if (c.tunable) size.au = clampTo(c.au.default * scale, componentAuRange(platform, c.name))
    if (c.replicas) size.replicas = clampTo(c.replicas.default * scale, c.replicas)
    const kept = base?.components[c.name]?.terminationGracePeriodSeconds
    if (size.terminationGracePeriodSeconds !== undefined && kept !== undefined) size.terminationGracePeriodSeconds = kept
  }
  const extra = extraAuRange(platform, executor)
  sizing.extraAu = clampTo(extra.default * scale, extra)
  return sizing
}

/** The preset a sizing is exactly (grace periods aside), or null. */
export function matchingPreset(platform: PlatformConfig, sizing: Sizing): SizePreset | null {
  const key = (s: Sizing) =>
    JSON.stringify([s.executor, s.extraAu, componentTotals(platform, s).map((c) => [c.name, c.au, c.replicas])])
  const mine = key(sizing)
  return SIZE_PRESETS.find((p) => key(presetSizing(platform, sizing.executor, p)) === mine) ?? null
}

/**
 * Moves a sizing to another executor: components both executors run keep
 * their size, the others come back as they were in `original` (the stored
 * sizing) or start at the platform defaults, and extra capacity is the
 * original's when returning to its executor, else the new executor's default.
 */
export function withExecutor(platform: PlatformConfig, sizing: Sizing, executor: Executor, original?: Sizing): Sizing {
  if (executor === sizing.executor) return sizing
  const next = defaultSizing(platform, executor)
  for (const c of componentsFor(platform, executor)) {
    const kept = sizing.components[c.name] ?? (original?.executor === executor ? original.components[c.name] : undefined)
    if (kept) next.components[c.name] = { ...kept }
  }
  if (original?.executor === executor) next.extraAu = original.extraAu
  return next
}

export type SizingChangeField = SizingField | 'executor'

/** One value that differs between two sizings; null where the value is not part of that sizing. */
export interface SizingChange {
  field: SizingChangeField
  unit: 'AU' | 'replicas' | 'seconds' | null
  before: number | Executor | null
  after: number | Executor | null
}

/**
 * Every value that differs between two sizings, in the platform's order:
 * the executor, then each component's AU, replicas and termination grace
 * period (components only one executor runs appear with null on the other
 * side), then extra capacity.
 */
export function diffSizing(platform: PlatformConfig, before: Sizing, after: Sizing): SizingChange[] {
  const changes: SizingChange[] = []
  if (before.executor !== after.executor) {
    changes.push({ field: 'executor', unit: null, before: before.executor, after: after.executor })
  }
  const runs = (s: Sizing, c: Component) => executorOf(platform, s.executor).components.includes(c)
  for (const c of platform.components) {
    const b = runs(before, c.name) ? before.components[c.name] : undefined
    const a = runs(after, c.name) ? after.components[c.name] : undefined
    if (!a && !b) continue
    const push = (field: SizingField, unit: SizingChange['unit'], x: number | undefined, y: number | undefined) => {
      if (x !== y) changes.push({ field, unit, before: x ?? null, after: y ?? null })
    }
    push(`${c.name}.au`, 'AU', b?.au, a?.au)
    if (c.replicas) push(`${c.name}.replicas`, 'replicas', b?.replicas, a?.replicas)
    if (c.terminationGracePeriodSeconds) {
      push(`${c.name}.terminationGracePeriodSeconds`, 'seconds', b?.terminationGracePeriodSeconds, a?.terminationGracePeriodSeconds)
    }
  }
  if (before.extraAu !== after.extraAu) changes.push({ field: 'extraAu', unit: 'AU', before: before.extraAu, after: after.extraAu })
  return changes
}

/** Houston's config without its executor: what `updateDeployment` merges into the stored one. */
export type DeploymentConfigPatch = Partial<DeploymentConfig>

export interface SizingPatch {
  config?: DeploymentConfigPatch
  properties?: Pick<DeploymentProperties, 'extra_au'>
}

/**
 * What `updateDeployment` needs to turn `before` into `after`, and nothing
 * else: the config of each component that changed (the whole config of the
 * new executor when the executor changes), and extra_au when it changed or
 * the executor did (Houston resets it to the new executor's default unless
 * it is sent). Empty when nothing changed.
 */
export function sizingPatch(platform: PlatformConfig, before: Sizing, after: Sizing): SizingPatch {
  const { config, properties } = sizingToConfig(platform, after)
  const patch: SizingPatch = {}
  const executorChanged = before.executor !== after.executor
  if (executorChanged) {
    patch.config = config
  } else {
    const changed = new Set(diffSizing(platform, before, after).map((c) => c.field.split('.')[0]))
    const components: DeploymentConfigPatch = {}
    for (const c of componentsFor(platform, after.executor)) {
      const entry = config[c.name]
      if (changed.has(c.name) && entry) components[c.name] = entry
    }
    if (Object.keys(components).length > 0) patch.config = components
  }
  if (executorChanged || before.extraAu !== after.extraAu) patch.properties = { extra_au: properties.extra_au ?? after.extraAu }
  return patch
}

/** A workspace's quota and what its deployments use now (Houston's `auQuota` and `auUsed`). */
export interface WorkspaceUsage {
  auQuota: number
  auUsed: number
}

/**
 * The quota as it applies to resizing one deployment: `auUsed` already
 * counts the deployment at `currentAu`, so the others use the rest.
 */
export function deploymentQuota(workspace: WorkspaceUsage, currentAu: number): QuotaContext {
  return { quotaAu: workspace.auQuota, usedByOthersAu: Math.max(0, workspace.auUsed - currentAu), currentAu }
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
