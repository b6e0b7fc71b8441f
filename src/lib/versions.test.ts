import { describe, expect, it } from 'vitest'
import { compareVersions, isAtLeast, isRestricted, majorOf, minorOf, newestPatches, standingLabel, standingOf, upgradeTargets, versionChoices } from './versions'

describe('versions', () => {
  it.each([
    ['2.10.0', '2.9.3', 1],
    ['2.9.3', '2.10.0', -1],
    ['2.8.4', '2.8.4', 0],
    ['1.10.15', '2.0.0', -1],
  ])('compare %s %s', (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign))

  it('offers only newer versions, newest first', () => {
    expect(upgradeTargets('2.8.4', ['1.10.15', '2.7.3', '2.8.4', '2.9.3', '2.10.5'])).toEqual(['2.10.5', '2.9.3'])
    expect(upgradeTargets('2.10.5', ['2.9.3', '2.10.5'])).toEqual([])
  })
})

describe('the versions a platform offers', () => {
  const releases = [
    { version: '1.10.15', deprecated: true, yanked: false },
    { version: '2.7.2', deprecated: false, yanked: false },
    { version: '2.7.3', deprecated: false, yanked: true, note: 'Withdrawn' },
    { version: '2.9.2', deprecated: false, yanked: false },
    { version: '2.9.3', deprecated: false, yanked: false },
    { version: '2.10.4', deprecated: false, yanked: true },
    { version: '2.10.5', deprecated: false, yanked: false },
  ]
  const offered = newestPatches(releases.map((r) => r.version))

  it('offers only the newest patch of each minor, oldest line first', () => {
    expect(offered).toEqual(['1.10.15', '2.7.3', '2.9.3', '2.10.5'])
    expect(newestPatches(['2.10.5', '2.10.10', '2.9.0'])).toEqual(['2.9.0', '2.10.10'])
    expect(minorOf('2.10.5')).toBe('2.10')
    expect(majorOf('2.10.5')).toBe('2')
  })

  it.each([
    ['2.0.0', '2.0.0', true],
    ['2.10.5', '2.2.0', true],
    ['2.1.4', '2.2.0', false],
    ['1.10.15', '2.0.0', false],
  ])('%s is at least %s: %s', (v, since, expected) => expect(isAtLeast(v, since)).toBe(expected))

  it.each([
    // upgrading from, admin?, expected [version, allowed, label]
    [undefined, false, [['2.10.5', true, null], ['2.9.3', true, null], ['2.7.3', false, 'yanked'], ['1.10.15', false, 'deprecated']]],
    [undefined, true, [['2.10.5', true, null], ['2.9.3', true, null], ['2.7.3', true, 'yanked'], ['1.10.15', true, 'deprecated']]],
    ['2.7.2', false, [['2.10.5', true, null], ['2.9.3', true, null], ['2.7.3', false, 'yanked']]],
    ['2.10.5', false, []],
  ] as const)('from %s (admin: %s) offers %j', (current, isAdmin, expected) => {
    const choices = versionChoices(offered, releases, { ...(current ? { current } : {}), isAdmin })
    expect(choices.map((c) => [c.version, c.allowed, standingLabel(c)])).toEqual(expected)
  })

  it('treats a version it has no record of as current', () => {
    expect(standingOf('3.0.0', releases)).toEqual({ version: '3.0.0', deprecated: false, yanked: false })
    expect(isRestricted(standingOf('2.7.3', releases))).toBe(true)
  })
})
