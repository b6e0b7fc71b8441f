// The Airflow versions a deployment may be created with or moved to.
import { compareVersions, isRestricted, minorOf, standingLabel, standingOf } from '../../src/lib/versions'
import { badInput, forbidden } from './errors'
import { PLATFORM } from './platform'

export { compareVersions }

/** A release the platform knows (any patch, offered or not), or BAD_USER_INPUT on `field`. */
export function knownAirflowVersion(version: string, field = 'airflowVersion'): string {
  if (!PLATFORM.airflowReleases.some((r) => r.version === version)) {
    throw badInput(field, `Airflow ${version} is not a release this platform knows.`)
  }
  return version
}

/**
 * An Airflow version the platform offers, or BAD_USER_INPUT on `field`: only
 * the newest patch of each minor is offered.
 */
export function offeredAirflowVersion(version: string, field = 'version'): string {
  if (PLATFORM.airflowVersions.includes(version)) return version
  const newest = PLATFORM.airflowVersions.find((v) => minorOf(v) === minorOf(version))
  if (newest) {
    throw badInput(field, `Airflow ${version} is not offered: only the newest patch of each minor version is. Choose ${newest}.`, { nearest: newest })
  }
  throw badInput(field, `Airflow ${version} is not offered by this platform; choose one of ${PLATFORM.airflowVersions.join(', ')}.`)
}

/**
 * Refuses a deprecated or yanked version to someone without
 * deployment.airflow.admin where it applies (`permissions`: the viewer's on
 * the deployment, or on a deployment of the workspace for a new one).
 */
export function assertVersionAllowed(
  version: string,
  permissions: ReadonlySet<string>,
  target: { entityType: 'WORKSPACE' | 'DEPLOYMENT'; entityId: string; name: string },
): void {
  const standing = standingOf(version, PLATFORM.airflowReleases)
  if (!isRestricted(standing) || permissions.has('deployment.airflow.admin')) return
  throw forbidden('deployment.airflow.admin', target, `choose Airflow ${version}, which is ${standingLabel(standing) ?? 'restricted'}${standing.note ? ` (${standing.note})` : ''}`)
}
