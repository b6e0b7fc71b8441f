// A deployment's size in AU, checked against the platform's limits and its
// workspace's quota. The arithmetic is src/lib/au.ts's; this file decides
// which error each problem becomes.
import { checkSizing, remainingAu, type Sizing, sizingFromConfig, sizingToConfig, totalAu } from '../../src/lib/au'
import type { DeploymentConfig, DeploymentProperties } from '../../src/lib/houston-json'
import { badInput, quotaExceeded } from './errors'
import { PLATFORM } from './platform'
import type { DeploymentRecord, WorkspaceRecord } from './state'
import type { Store } from './store'

export function sizingOf(config: DeploymentConfig, properties: DeploymentProperties): Sizing {
  return sizingFromConfig(PLATFORM, config, properties)
}

/** AU a deployment counts against its workspace's quota: what it is moving to while it deploys. */
export function deploymentAu(dep: DeploymentRecord): number {
  return totalAu(PLATFORM, sizingOf(dep.desiredConfig ?? dep.config, dep.properties))
}

export function workspaceAuUsed(store: Store, workspaceId: string, exceptDeploymentId?: string): number {
  let sum = 0
  for (const d of store.deploymentsOf(workspaceId)) if (d.id !== exceptDeploymentId) sum += deploymentAu(d)
  return sum
}

/** Houston's stored form of a sizing: limits = requests, components of the executor only. */
export function canonicalConfig(sizing: Sizing): { config: DeploymentConfig; extraAu: number } {
  const { config, properties } = sizingToConfig(PLATFORM, sizing)
  return { config, extraAu: properties.extra_au ?? 0 }
}

/**
 * Refuses a sizing that breaks a platform limit (BAD_USER_INPUT on the field
 * checkSizing names, e.g. `workers.au`) or that the workspace's quota cannot
 * hold (QUOTA_EXCEEDED). A change that does not grow the deployment is never
 * refused for quota.
 */
export function assertSizingAllowed(
  store: Store,
  ws: WorkspaceRecord,
  sizing: Sizing,
  current?: DeploymentRecord,
): void {
  const problems = checkSizing(PLATFORM, sizing)
  const first = problems[0]
  if (first) {
    throw badInput(first.field, first.message, {
      problems: problems.map((p) => ({ field: p.field, code: p.code, message: p.message, nearest: p.nearest ?? null })),
      ...(first.nearest !== undefined ? { nearest: first.nearest } : {}),
    })
  }
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
}
