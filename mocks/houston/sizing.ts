// A deployment's size, checked against the platform's limits, its Airflow
// version and its workspace's quota. The arithmetic is src/lib/au.ts's; this
// file decides which error each problem becomes.
import {
  auToCpu,
  auToMemory,
  checkSizing,
  deploymentResources,
  formatCpu,
  formatMemory,
  growsResources,
  remainingAu,
  remainingResources,
  resourcesToAu,
  type Sizing,
  sizingFromConfig,
  sizingToConfig,
  totalAu,
} from '../../src/lib/au'
import type { DeploymentConfig, DeploymentProperties, PlatformConfig } from '../../src/lib/houston-json'
import { badInput, quotaExceeded } from './errors'
import { PLATFORM, platformFor } from './platform'
import type { DeploymentRecord, WorkspaceRecord } from './state'
import type { Store } from './store'

/** The platform a store's Houston runs: AU on or off. */
export const platformOf = (store: Store): PlatformConfig => platformFor(store.state.settings)

/**
 * A stored config and properties as a sizing. The resources a deployment
 * uses do not depend on whether the platform offers AU (an AU deployment on
 * a platform without AU reads as the same CPU and memory), so usage is
 * worked out on the default platform.
 */
export function sizingOf(config: DeploymentConfig, properties: DeploymentProperties, platform: PlatformConfig = PLATFORM): Sizing {
  return sizingFromConfig(platform, config, properties)
}

const countedSizing = (dep: DeploymentRecord): Sizing => sizingOf(dep.desiredConfig ?? dep.config, dep.properties)

/** AU a deployment counts against its workspace's quota: what it is moving to while it deploys. */
export function deploymentAu(dep: DeploymentRecord): number {
  return totalAu(PLATFORM, countedSizing(dep))
}

/** CPU (millicpu), memory (MiB) and pods a deployment counts: what it is moving to while it deploys. */
export function deploymentUse(dep: DeploymentRecord) {
  return deploymentResources(PLATFORM, countedSizing(dep))
}

export function workspaceAuUsed(store: Store, workspaceId: string, exceptDeploymentId?: string): number {
  let sum = 0
  for (const d of store.deploymentsOf(workspaceId)) if (d.id !== exceptDeploymentId) sum += deploymentAu(d)
  return sum
}

/** CPU (millicpu) and memory (MiB) a workspace's deployments use. */
export function workspaceResourcesUsed(store: Store, workspaceId: string, exceptDeploymentId?: string): { cpu: number; memory: number } {
  let cpu = 0
  let memory = 0
  for (const d of store.deploymentsOf(workspaceId)) {
    if (d.id === exceptDeploymentId) continue
    const use = deploymentUse(d)
    cpu += use.cpu
    memory += use.memory
  }
  return { cpu, memory }
}

/** A workspace's quota in CPU and memory: its AU quota in CPU and memory. */
export function workspaceResourceQuota(ws: Pick<WorkspaceRecord, 'auQuota'>): { cpu: number; memory: number } {
  return { cpu: auToCpu(ws.auQuota, PLATFORM.astroUnit), memory: auToMemory(ws.auQuota, PLATFORM.astroUnit) }
}

/** Houston's stored form of a sizing: limits = requests, components of the executor only, and its sizing properties. */
export function canonicalConfig(sizing: Sizing, platform: PlatformConfig = PLATFORM) {
  const { config, properties } = sizingToConfig(platform, sizing)
  return { config, extraAu: properties.extra_au ?? 0, properties }
}

/**
 * Stored properties with a sizing's own: under AU the strategy and extra
 * capacity keys go (absent means AU), under custom resources they are set.
 */
export function withSizingProperties(properties: DeploymentProperties, sizing: Sizing, platform: PlatformConfig = PLATFORM): DeploymentProperties {
  const { properties: own } = sizingToConfig(platform, sizing)
  const rest = { ...properties }
  delete rest.resource_strategy
  delete rest.extra_capacity
  return { ...rest, ...own }
}

/**
 * Refuses a sizing that breaks a platform limit or its Airflow version
 * (BAD_USER_INPUT on the field checkSizing names, e.g. `workers.au`), the AU
 * strategy where the platform offers no AU, or a size the workspace's quota
 * cannot hold (QUOTA_EXCEEDED; counted in AU where the platform offers AU,
 * else in CPU and memory). A change that does not grow the deployment is
 * never refused for quota.
 */
export function assertSizingAllowed(
  store: Store,
  ws: WorkspaceRecord,
  sizing: Sizing,
  current?: DeploymentRecord,
  airflowVersion?: string,
): void {
  const platform = platformOf(store)
  if (sizing.strategy !== 'custom' && !platform.auEnabled) {
    throw badInput('properties.resource_strategy', 'This platform does not offer Astronomer Units: size the deployment in CPU and memory (resource_strategy "custom").')
  }
  const problems = checkSizing(platform, sizing, undefined, airflowVersion === undefined ? {} : { airflowVersion })
  const first = problems[0]
  if (first) {
    throw badInput(first.field, first.message, {
      problems: problems.map((p) => ({ field: p.field, code: p.code, message: p.message, nearest: p.nearest ?? null })),
      ...(first.nearest !== undefined ? { nearest: first.nearest } : {}),
    })
  }
  if (platform.auEnabled) {
    const needed = totalAu(PLATFORM, sizing)
    if (current && needed <= deploymentAu(current)) return
    const usedByOthers = workspaceAuUsed(store, ws.id, current?.id)
    const left = remainingAu({ quotaAu: ws.auQuota, usedByOthersAu: usedByOthers })
    if (needed > left) {
      throw quotaExceeded(
        `Workspace ${ws.label} has ${left} AU left of its ${ws.auQuota} AU quota; this deployment needs ${needed} AU.`,
        { remainingAu: left, quotaAu: ws.auQuota, neededAu: needed, field: 'total' },
      )
    }
    return
  }
  const needed = deploymentResources(PLATFORM, sizing)
  if (current && !growsResources(deploymentUse(current), needed)) return
  const quota = workspaceResourceQuota(ws)
  const used = workspaceResourcesUsed(store, ws.id, current?.id)
  const left = remainingResources({ cpuQuota: quota.cpu, memoryQuota: quota.memory, cpuUsedByOthers: used.cpu, memoryUsedByOthers: used.memory })
  if (needed.cpu > left.cpu || needed.memory > left.memory) {
    const u = PLATFORM.astroUnit
    throw quotaExceeded(
      `Workspace ${ws.label} has ${formatCpu(left.cpu)} and ${formatMemory(left.memory)} left of its ${formatCpu(quota.cpu)} and ${formatMemory(quota.memory)} quota; ` +
        `this deployment needs ${formatCpu(needed.cpu)} and ${formatMemory(needed.memory)}.`,
      {
        // The AU that would still fit, for clients that only read remainingAu.
        remainingAu: Math.min(Math.floor(left.cpu / u.cpu), Math.floor(left.memory / u.memory)),
        remainingCpu: left.cpu,
        remainingMemory: left.memory,
        neededCpu: needed.cpu,
        neededMemory: needed.memory,
        neededAu: resourcesToAu(needed.cpu, needed.memory, u),
        field: 'total',
      },
    )
  }
}
