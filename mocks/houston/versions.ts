import { badInput } from './errors'
import { PLATFORM } from './platform'

/** Compares dotted version numbers: negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** An Airflow version the platform offers, or BAD_USER_INPUT on `field`. */
export function offeredAirflowVersion(version: string, field = 'version'): string {
  if (!PLATFORM.airflowVersions.includes(version)) {
    throw badInput(field, `Airflow ${version} is not offered by this platform; choose one of ${PLATFORM.airflowVersions.join(', ')}.`)
  }
  return version
}
