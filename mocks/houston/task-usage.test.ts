import { describe, expect, test } from 'vitest'
import { stableId } from './random'
import { SEED_IDS } from './seed'
import { taskRunsOn, usageWindow } from './task-usage'
import { T0, testHouston } from './test-utils'

const etl = SEED_IDS.customerEtl
const dp = SEED_IDS.dataPlatform

interface Days {
  days: { date: string; taskRuns: number }[]
  total: number
}

describe('the usage window and the counts', () => {
  test.each<[number, number, string, string]>([
    [T0, 90, '2025-03-05', '2025-06-02'],
    [T0, 7, '2025-05-27', '2025-06-02'],
    [T0, 1, '2025-06-02', '2025-06-02'],
    [Date.parse('2025-01-01T00:00:00Z'), 3, '2024-12-30', '2025-01-01'],
  ])('at %s, %i days run from %s to %s', (now, days, first, last) => {
    const window = usageWindow(now, days)
    expect(window).toHaveLength(days)
    expect(window[0]).toBe(first)
    expect(window.at(-1)).toBe(last)
  })

  test('are deterministic, zero before the deployment existed, and quieter at weekends', () => {
    const dep = { id: 'd1', createdAt: '2025-05-01T12:00:00.000Z' }
    expect(taskRunsOn(dep, '2025-04-30')).toBe(0)
    expect(taskRunsOn(dep, '2025-05-01')).toBeGreaterThan(0)
    expect(taskRunsOn(dep, '2025-05-20')).toBe(taskRunsOn({ ...dep }, '2025-05-20'))
    expect(taskRunsOn(dep, '2025-05-20')).not.toBe(taskRunsOn({ ...dep, id: 'd2' }, '2025-05-20'))
    const weekdays = ['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'].map((d) => taskRunsOn(dep, d))
    const weekend = ['2025-05-10', '2025-05-11'].map((d) => taskRunsOn(dep, d))
    expect(Math.max(...weekend)).toBeLessThan(Math.min(...weekdays))
  })
})

describe('task usage queries', () => {
  test('a deployment: one entry per day, oldest first, and the total is their sum; the same every time', async () => {
    const Q = 'query($d: Uuid!, $n: Int) { deploymentTaskUsage(deploymentUuid: $d, days: $n) { deployment { label } days { date taskRuns } total } }'
    const a = await (await testHouston().signIn('viewer@example.com')).data<{ deploymentTaskUsage: Days & { deployment: { label: string } } }>(Q, { d: etl })
    const b = await (await testHouston().signIn('viewer@example.com')).data<{ deploymentTaskUsage: Days }>(Q, { d: etl })
    expect(a.deploymentTaskUsage.deployment.label).toBe('Customer ETL')
    expect(a.deploymentTaskUsage.days).toHaveLength(90)
    expect(a.deploymentTaskUsage.days.at(-1)?.date).toBe('2025-06-02')
    expect(a.deploymentTaskUsage.total).toBe(a.deploymentTaskUsage.days.reduce((s, d) => s + d.taskRuns, 0))
    expect(a.deploymentTaskUsage.total).toBeGreaterThan(0)
    expect(b.deploymentTaskUsage.days).toEqual(a.deploymentTaskUsage.days)
    expect(b.deploymentTaskUsage.total).toBe(a.deploymentTaskUsage.total)
    const week = await (await testHouston().signIn('viewer@example.com')).data<{ deploymentTaskUsage: Days }>(Q, { d: etl, n: 7 })
    expect(week.deploymentTaskUsage.days).toEqual(a.deploymentTaskUsage.days.slice(-7))
  })

  test('a workspace sums its deployments, the platform its workspaces', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const ws = await admin.data<{ workspaceTaskUsage: Days & { deployments: (Days & { deployment: { id: string } })[] } }>(
      'query($ws: Uuid!) { workspaceTaskUsage(workspaceUuid: $ws, days: 30) { total days { date taskRuns } deployments { deployment { id } total days { date taskRuns } } } }',
      { ws: dp },
    )
    const w = ws.workspaceTaskUsage
    expect(w.deployments).toHaveLength(6)
    expect(w.total).toBe(w.deployments.reduce((s, d) => s + d.total, 0))
    expect(w.days[5]?.taskRuns).toBe(w.deployments.reduce((s, d) => s + (d.days[5]?.taskRuns ?? 0), 0))
    const platform = await admin.data<{ platformTaskUsage: { total: number; workspaces: { workspace: { label: string }; total: number }[] } }>(
      '{ platformTaskUsage(days: 30) { total workspaces { workspace { label } total } } }',
    )
    const p = platform.platformTaskUsage
    expect(p.workspaces.map((x) => x.workspace.label)).toEqual(['Data Platform', 'Marketing Analytics', 'ML Research', 'Platform Sandbox'])
    expect(p.workspaces[0]?.total).toBe(w.total)
    expect(p.workspaces[3]?.total).toBe(0)
    expect(p.total).toBe(p.workspaces.reduce((s, x) => s + x.total, 0))
  })

  test('a new deployment has runs from its first day only', async () => {
    const { signIn } = testHouston()
    const editor = await signIn('editor@example.com')
    const { createDeployment } = await editor.data<{ createDeployment: { id: string } }>(
      'mutation($ws: Uuid!) { createDeployment(workspaceUuid: $ws, type: "airflow", label: "Fresh", config: { executor: "LocalExecutor" }) { id } }',
      { ws: dp },
    )
    const r = await editor.data<{ deploymentTaskUsage: Days }>('query($d: Uuid!) { deploymentTaskUsage(deploymentUuid: $d, days: 5) { days { date taskRuns } total } }', { d: createDeployment.id })
    expect(r.deploymentTaskUsage.days.slice(0, 4).map((d) => d.taskRuns)).toEqual([0, 0, 0, 0])
    expect(r.deploymentTaskUsage.total).toBe(r.deploymentTaskUsage.days[4]?.taskRuns)
  })

  test('keeps 90 days: other windows are refused on the days argument', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    for (const n of [0, 91, -3]) {
      expect(await admin.error('query($n: Int) { platformTaskUsage(days: $n) { total } }', { n })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' })
    }
  })

  test('a role on one deployment shows its usage, not the workspace’s', async () => {
    const { signIn } = testHouston()
    const omar = await signIn('omar.haddad@example.com')
    await expect(omar.data('query($d: Uuid!) { deploymentTaskUsage(deploymentUuid: $d) { total } }', { d: stableId('deployment:model-training') })).resolves.toBeTruthy()
    expect((await omar.error('query($ws: Uuid!) { workspaceTaskUsage(workspaceUuid: $ws) { total } }', { ws: SEED_IDS.mlResearch })).code).toBe('FORBIDDEN')
  })
})
