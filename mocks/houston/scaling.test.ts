// The configure screen's contract with the fake Houston: what sizingPatch
// sends is exactly what gets stored, and the quota numbers the screen works
// out from au.ts are the ones Houston reports and enforces.
import { describe, expect, test } from 'vitest'
import { defaultSizing, quotaImpact, type Sizing, sizingFromConfig, sizingPatch, totalAu, withExecutor } from '../../src/lib/au'
import type { DeploymentConfig, DeploymentProperties } from '../../src/lib/houston-json'
import { DEPLOY_DURATION_MS } from './lifecycle'
import { PLATFORM } from './platform'
import { SEED_IDS } from './seed'
import { Q, testHouston } from './test-utils'

interface Dep {
  status: string
  config: DeploymentConfig
  desiredConfig: DeploymentConfig | null
  properties: DeploymentProperties
}

const ws = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl

const withWorkers = (s: Sizing, au: number, replicas: number): Sizing => ({
  ...s,
  components: { ...s.components, workers: { au, replicas, terminationGracePeriodSeconds: s.components.workers?.terminationGracePeriodSeconds ?? 600 } },
})

async function session() {
  const h = testHouston()
  const editor = await h.signIn('editor@example.com')
  const read = async (id: string) => (await editor.data<{ deployment: Dep }>(Q.deployment, { id })).deployment
  const usage = async () => (await editor.data<{ workspace: { auQuota: number; auUsed: number } }>(Q.workspace, { id: ws })).workspace
  const counted = (d: Dep) => sizingFromConfig(PLATFORM, d.desiredConfig ?? d.config, d.properties)
  const idOf = async (label: string) => {
    const r = await editor.data<{ workspaceDeployments: { id: string; label: string }[] }>(Q.workspaceDeployments, { ws })
    const found = r.workspaceDeployments.find((d) => d.label === label)
    if (!found) throw new Error(`No deployment ${label}`)
    return found.id
  }
  return { ...h, editor, read, usage, counted, idOf }
}

describe('resizing with the patch the configure screen sends', () => {
  test.each([
    ['workers to 20 AU x 3', (s: Sizing) => withWorkers(s, 20, 3)],
    ['Celery to Kubernetes with 30 extra AU', (s: Sizing) => ({ ...withExecutor(PLATFORM, s, 'KubernetesExecutor'), extraAu: 30 })],
    ['Celery to Local', (s: Sizing) => withExecutor(PLATFORM, s, 'LocalExecutor')],
    ['only the grace period', (s: Sizing) => ({ ...s, components: { ...s.components, workers: { au: 10, replicas: 3, terminationGracePeriodSeconds: 60 } } })],
  ])('%s: stored as chosen, counted at once, quota as au.ts says', async (_name, change) => {
    const { editor, read, usage, counted, clock } = await session()
    const before = counted(await read(etl))
    const after = change(before)
    const wsBefore = await usage()
    const impact = quotaImpact(wsBefore, totalAu(PLATFORM, before), totalAu(PLATFORM, after))
    const patch = sizingPatch(PLATFORM, before, after)
    await editor.data(Q.updateDeployment, { id: etl, config: patch.config ?? null, properties: patch.properties ?? null })
    // While it deploys, it counts at its new size.
    const deploying = await read(etl)
    expect(deploying.status).toBe('DEPLOYING')
    expect(counted(deploying)).toEqual(after)
    expect((await usage()).auUsed).toBe(impact.usedAfter)
    clock.advance(DEPLOY_DURATION_MS)
    const done = await read(etl)
    expect(done.status).toBe('HEALTHY')
    expect(sizingFromConfig(PLATFORM, done.config, done.properties)).toEqual(after)
    expect((await usage()).auUsed).toBe(impact.usedAfter)
  })

  test('going back to an executor restores its extra capacity only when sent', async () => {
    const { editor, read, counted, idOf, clock } = await session()
    const id = await idOf('Finance Reporting') // Kubernetes with 20 extra AU
    const before = counted(await read(id))
    expect(before.extraAu).toBe(20)
    const local = withExecutor(PLATFORM, before, 'LocalExecutor')
    await editor.data(Q.updateDeployment, { id, ...sizingPatch(PLATFORM, before, local) })
    clock.advance(DEPLOY_DURATION_MS)
    const back = withExecutor(PLATFORM, local, 'KubernetesExecutor', before)
    expect(back.extraAu).toBe(20)
    await editor.data(Q.updateDeployment, { id, ...sizingPatch(PLATFORM, local, back) })
    clock.advance(DEPLOY_DURATION_MS)
    expect(counted(await read(id))).toEqual(before)
  })

  test('the quota the screen computes is the one Houston enforces, to the AU', async () => {
    const { editor, read, usage, counted } = await session()
    const before = counted(await read(etl))
    const ws0 = await usage()
    const currentAu = totalAu(PLATFORM, before)
    const available = quotaImpact(ws0, currentAu, currentAu).availableAu
    expect(available).toBe(250 - 187 + 48)
    // Workers 30 x 3 = 90 AU, webserver 5 and the fixed 8: the scheduler decides. 8 AU fills the quota exactly, 9 is one too many.
    const withScheduler = (au: number) => withWorkers({ ...before, components: { ...before.components, scheduler: { au, replicas: 1 } } }, 30, 3)
    const oneTooMany = withScheduler(9)
    expect(totalAu(PLATFORM, oneTooMany)).toBe(available + 1)
    expect(quotaImpact(ws0, currentAu, available + 1).fits).toBe(false)
    const e = await editor.error(Q.updateDeployment, { id: etl, ...sizingPatch(PLATFORM, before, oneTooMany) })
    expect(e).toMatchObject({ code: 'QUOTA_EXCEEDED', extensions: { remainingAu: available, neededAu: available + 1 } })
    const exact = withScheduler(8)
    expect(quotaImpact(ws0, currentAu, totalAu(PLATFORM, exact))).toMatchObject({ fits: true, usedAfter: 250, leftAfter: 0 })
    await editor.data(Q.updateDeployment, { id: etl, ...sizingPatch(PLATFORM, before, exact) })
    expect(await usage()).toMatchObject({ auQuota: 250, auUsed: 250 })
  })

  test('a Kubernetes deployment created with the defaults counts 24 AU', async () => {
    const { usage } = await session()
    expect(totalAu(PLATFORM, defaultSizing(PLATFORM, 'KubernetesExecutor'))).toBe(24)
    expect((await usage()).auUsed).toBe(187)
  })
})
