import { describe, expect, it } from 'vitest'
import { filterAndSortQuotas, quotaFormSchema, quotaSearchSchema, usageOf } from './quota-list'

const rows = [
  { id: '1', label: 'Data Platform', deploymentCount: 6, auQuota: 250, auUsed: 187 },
  { id: '2', label: 'Marketing Analytics', deploymentCount: 4, auQuota: 100, auUsed: 88 },
  { id: '3', label: 'ML Research', deploymentCount: 4, auQuota: 300, auUsed: 260 },
  { id: '4', label: 'Platform Sandbox', deploymentCount: 0, auQuota: 50, auUsed: 0 },
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
    expect(usageOf(row)).toBe(usage)
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
