import { describe, expect, it } from 'vitest'
import { compareVersions, upgradeTargets } from './versions'

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
