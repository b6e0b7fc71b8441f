import { describe, expect, it } from 'vitest'
import { coresToAu, cpuQuotaFormSchema, filterAndSortQuotas, quotaFormSchema, quotaSearchSchema, usageOf } from './quota-list'

// CPU (millicpu) and memory (MiB) as the platform counts them: 100 m and 384 MiB an AU, custom sizes off the grain.
const withResources = (r: { id: string; label: string; deploymentCount: number; auQuota: number; auUsed: number }, cpuUsed: number, memoryUsed: number) => ({
  ...r,
  cpuQuota: r.auQuota * 100,
  memoryQuota: r.auQuota * 384,
  cpuUsed,
  memoryUsed,
})
const dataPlatform = withResources({ id: '1', label: 'Data Platform', deploymentCount: 6, auQuota: 250, auUsed: 187 }, 18_700, 71_808)
const marketing = withResources({ id: '2', label: 'Marketing Analytics', deploymentCount: 4, auQuota: 100, auUsed: 88 }, 6_000, 37_000)
const rows = [
  dataPlatform,
  marketing,
  withResources({ id: '3', label: 'ML Research', deploymentCount: 4, auQuota: 300, auUsed: 260 }, 26_000, 99_840),
  withResources({ id: '4', label: 'Platform Sandbox', deploymentCount: 0, auQuota: 50, auUsed: 0 }, 0, 0),
]
const labels = (search: Record<string, string>) => filterAndSortQuotas(rows, quotaSearchSchema.parse(search)).map((r) => r.label)

describe('the workspaces and quotas list', () => {
  it.each([
    [{}, ['Data Platform', 'Marketing Analytics', 'ML Research', 'Platform Sandbox']],
    [{ sort: 'used', dir: 'desc' }, ['ML Research', 'Data Platform', 'Marketing Analytics', 'Platform Sandbox']],
    [{ sort: 'left' }, ['Marketing Analytics', 'ML Research', 'Platform Sandbox', 'Data Platform']],
    [{ sort: 'usage', dir: 'desc' }, ['Marketing Analytics', 'ML Research', 'Data Platform', 'Platform Sandbox']],
    [{ sort: 'quota' }, ['Platform Sandbox', 'Marketing Analytics', 'Data Platform', 'ML Research']],
    [{ q: 'platform' }, ['Data Platform', 'Platform Sandbox']],
    [{ sort: 'nonsense', dir: 'sideways' }, ['Data Platform', 'Marketing Analytics', 'ML Research', 'Platform Sandbox']],
  ])('%j', (search, expected) => {
    expect(labels(search)).toEqual(expected)
  })

  it.each([
    [{ auQuota: 100, auUsed: 88 }, 0.88],
    [{ auQuota: 0, auUsed: 0 }, 0],
    [{ auQuota: 0, auUsed: 5 }, 1],
  ])('usage of %j is %d', (row, usage) => {
    expect(usageOf({ ...dataPlatform, ...row })).toBe(usage)
  })

  it('without AU, counts the fuller of CPU and memory, and sorts amounts by CPU', () => {
    // Marketing: 6 of 10 CPU, but 37,000 of 38,400 MiB.
    expect(usageOf(marketing, 'resources')).toBeCloseTo(37_000 / 38_400)
    const byUsage = filterAndSortQuotas(rows, quotaSearchSchema.parse({ sort: 'usage', dir: 'desc' }), 'resources').map((r) => r.label)
    expect(byUsage).toEqual(['Marketing Analytics', 'ML Research', 'Data Platform', 'Platform Sandbox'])
    const byUsed = filterAndSortQuotas(rows, quotaSearchSchema.parse({ sort: 'used' }), 'resources').map((r) => r.label)
    expect(byUsed).toEqual(['Platform Sandbox', 'Marketing Analytics', 'Data Platform', 'ML Research'])
  })

  it.each([
    ['2.5', 25],
    ['0', 0],
    ['0.3', 3],
    [' 12 ', 120],
    ['1.25', null],
    ['0.1000', null],
    ['-1', null],
    ['1e2', null],
    ['', null],
  ])('a typed CPU quota of "%s" cores is %s AU', (text, au) => {
    expect(coresToAu(text, 100)).toBe(au)
    expect(cpuQuotaFormSchema(100).safeParse({ cores: text }).success).toBe(au !== null)
  })

  it.each([
    [120, null],
    [0, null],
    [-1, 'The quota cannot be negative.'],
    [2.5, 'Enter the quota as a whole number of AU.'],
    [Number.NaN, 'Enter the quota as a whole number of AU.'],
  ])('a typed quota of %d', (auQuota, message) => {
    const r = quotaFormSchema.safeParse({ auQuota })
    expect(r.success ? null : r.error.issues[0]?.message).toBe(message)
  })
})
