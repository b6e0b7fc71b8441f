/** Compares dotted version numbers numerically: 2.10.0 is newer than 2.9.3. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10))
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10))
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0
    const y = pb[i] ?? 0
    if (Number.isNaN(x) || Number.isNaN(y)) continue
    if (x !== y) return x - y
  }
  return 0
}

/** The versions an upgrade may go to: strictly newer than the current one, newest first. */
export function upgradeTargets(current: string, available: readonly string[]): string[] {
  return available.filter((v) => compareVersions(v, current) > 0).sort((a, b) => compareVersions(b, a))
}

/** "2.10.5" -> "2.10": the minor line a version belongs to. */
export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.')
}

export const majorOf = (version: string): string => version.split('.')[0] ?? version

/** Whether `version` is `since` or newer. */
export const isAtLeast = (version: string, since: string): boolean => compareVersions(version, since) >= 0

/** The newest patch of each minor line, oldest line first: what a platform offers. */
export function newestPatches(versions: readonly string[]): string[] {
  const newest = new Map<string, string>()
  for (const v of versions) {
    const line = minorOf(v)
    const best = newest.get(line)
    if (best === undefined || compareVersions(v, best) > 0) newest.set(line, v)
  }
  return [...newest.values()].sort(compareVersions)
}

export interface ReleaseStanding {
  version: string
  deprecated: boolean
  yanked: boolean
  note?: string | undefined
}

/** A version's standing among the platform's releases; unknown versions count as current. */
export function standingOf(version: string, releases: readonly ReleaseStanding[]): ReleaseStanding {
  return releases.find((r) => r.version === version) ?? { version, deprecated: false, yanked: false }
}

/** Whether choosing this version takes an admin: it is deprecated or yanked. */
export const isRestricted = (r: Pick<ReleaseStanding, 'deprecated' | 'yanked'>): boolean => r.deprecated || r.yanked

/** "deprecated", "yanked" or null: how a version is marked where it is offered. */
export function standingLabel(r: Pick<ReleaseStanding, 'deprecated' | 'yanked'>): 'yanked' | 'deprecated' | null {
  return r.yanked ? 'yanked' : r.deprecated ? 'deprecated' : null
}

export interface VersionChoice extends ReleaseStanding {
  /** False where the person's role may not pick it (a deprecated or yanked version, for a non-admin). */
  allowed: boolean
}

/**
 * The versions a person may be offered, newest first: the platform's offered
 * versions (newer than `current` when upgrading), each with its standing and
 * whether this person may pick it.
 */
export function versionChoices(
  offered: readonly string[],
  releases: readonly ReleaseStanding[],
  options: { current?: string; isAdmin: boolean },
): VersionChoice[] {
  const list = options.current === undefined ? [...offered].sort((a, b) => compareVersions(b, a)) : upgradeTargets(options.current, offered)
  return list.map((v) => {
    const standing = standingOf(v, releases)
    return { ...standing, allowed: options.isAdmin || !isRestricted(standing) }
  })
}
