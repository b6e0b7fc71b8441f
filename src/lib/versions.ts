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
