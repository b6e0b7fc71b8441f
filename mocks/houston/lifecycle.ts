// A deployment's change is applied a few seconds after it is asked for.
// Nothing runs on a timer: the transition is worked out from the clock when
// the deployment is read, so it survives a snapshot and follows a fake clock.
import type { DeploymentConfig } from '../../src/lib/houston-json'
import { isAtLeast } from '../../src/lib/versions'
import { conflict } from './errors'
import type { DeploymentRecord } from './state'

/** How long a deploy takes, from the request to HEALTHY. */
export const DEPLOY_DURATION_MS = 4000

export const iso = (ms: number): string => new Date(ms).toISOString()

/** Applies a change whose time has come. Returns true when the record changed. */
export function settle(dep: DeploymentRecord, now: number): boolean {
  if (dep.status !== 'DEPLOYING' || dep.deployingUntil === null || dep.deployingUntil > now) return false
  if (dep.desiredConfig) dep.config = dep.desiredConfig
  if (dep.deployingAirflowVersion) dep.airflowVersion = dep.deployingAirflowVersion
  // An upgrade is done once a version at least as new as the one asked for runs.
  if (dep.desiredAirflowVersion && isAtLeast(dep.airflowVersion, dep.desiredAirflowVersion)) dep.desiredAirflowVersion = null
  dep.desiredConfig = null
  dep.deployingAirflowVersion = null
  dep.status = 'HEALTHY'
  dep.updatedAt = iso(dep.deployingUntil)
  dep.deployingUntil = null
  return true
}

export interface DeployRequest {
  config?: DeploymentConfig
  /** The Airflow version an image being deployed runs, where it differs from the current one. */
  airflowVersion?: string
}

/** Starts rolling out a change: DEPLOYING now, HEALTHY with the new values DEPLOY_DURATION_MS later. */
export function startDeploy(dep: DeploymentRecord, change: DeployRequest, now: number): void {
  dep.status = 'DEPLOYING'
  // desiredConfig is always set while DEPLOYING: the config being rolled out
  // (the current one when only the version or the env vars change).
  dep.desiredConfig = structuredClone(change.config ?? dep.config)
  dep.deployingAirflowVersion = change.airflowVersion ?? null
  dep.deployingUntil = now + DEPLOY_DURATION_MS
  dep.updatedAt = iso(now)
}

export const isDeploying = (dep: DeploymentRecord): boolean => dep.status === 'DEPLOYING'

/** A deployment takes one change at a time. */
export function assertNotDeploying(dep: DeploymentRecord): void {
  if (isDeploying(dep)) {
    throw conflict(
      `${dep.label} is deploying: a change is being applied; try again when it is healthy.`,
      dep.deployingUntil !== null ? { expectedHealthyAt: iso(dep.deployingUntil) } : {},
    )
  }
}
