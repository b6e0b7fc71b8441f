import { describe, expect, test } from 'vitest'
import { DEPLOY_DURATION_MS } from './lifecycle'
import { stableId } from './random'
import { RELEASE_NAME_PATTERN } from './release-names'
import { SEED_DEPLOYING_MS, SEED_IDS } from './seed'
import { celeryConfig, Q, testHouston } from './test-utils'

interface Dep {
  id: string
  label: string
  description: string | null
  status: string
  releaseName: string
  airflowVersion: string
  desiredAirflowVersion: string | null
  config: { executor: string; workers?: { replicas?: number; resources: { limits: { cpu: number; memory: number } } } }
  properties: { extra_au?: number; alert_emails?: string[] }
  desiredConfig: Dep['config'] | null
  updatedAt: string
  urls: { type: string; url: string }[]
  viewerPermissions?: string[]
}

const ws = SEED_IDS.dataPlatform
const oneAu = { resources: { limits: { cpu: 100, memory: 384 } } }
/** A LocalExecutor deployment of 6 AU. */
const TINY = { executor: 'LocalExecutor', scheduler: oneAu, webserver: oneAu }
const marketing = SEED_IDS.marketing

async function editorSession() {
  const h = testHouston()
  const editor = await h.signIn('editor@example.com')
  const create = async (vars: Record<string, unknown>) =>
    (await editor.data<{ createDeployment: Dep }>(Q.createDeployment, { ws, label: 'Orders', ...vars })).createDeployment
  const read = async (id: string) => (await editor.data<{ deployment: Dep }>(Q.deployment, { id })).deployment
  return { ...h, editor, create, read }
}

describe('createDeployment', () => {
  test('starts DEPLOYING with the config as desiredConfig, and is HEALTHY 4 seconds later', async () => {
    const { create, read, clock } = await editorSession()
    const dep = await create({ config: celeryConfig({ workers: 12, replicas: 2 }) })
    expect(dep.status).toBe('DEPLOYING')
    expect(dep.desiredConfig?.workers?.replicas).toBe(2)
    expect(dep.airflowVersion).toBe('2.10.5')

    clock.advance(DEPLOY_DURATION_MS - 1)
    expect((await read(dep.id)).status).toBe('DEPLOYING')
    clock.advance(1)
    const done = await read(dep.id)
    expect(done.status).toBe('HEALTHY')
    expect(done.desiredConfig).toBeNull()
    expect(done.config.workers).toMatchObject({ replicas: 2, resources: { limits: { cpu: 1200, memory: 4608 } } })
    expect(done.updatedAt).not.toBe(dep.updatedAt)
  })

  test('makes its creator admin of the new deployment only', async () => {
    const { create, read, editor, clock } = await editorSession()
    const dep = await create({ config: TINY })
    expect((await read(dep.id)).viewerPermissions).toContain('deployment.config.delete')
    // the workspace role on other deployments is unchanged
    expect((await read(SEED_IDS.customerEtl)).viewerPermissions).not.toContain('deployment.config.delete')
    clock.advance(DEPLOY_DURATION_MS)
    const deleted = await editor.data<{ deleteDeployment: { id: string } }>('mutation($id: Uuid!) { deleteDeployment(deploymentUuid: $id) { id } }', { id: dep.id })
    expect(deleted.deleteDeployment.id).toBe(dep.id)
  })

  test('makes a unique lowercase adjective-noun-1234 release name that never changes', async () => {
    const { create, read, editor, clock } = await editorSession()
    const names = new Set<string>()
    for (let i = 0; i < 5; i++) {
      const dep = await create({ label: `D${i}`, config: TINY })
      expect(dep.releaseName).toMatch(RELEASE_NAME_PATTERN)
      names.add(dep.releaseName)
    }
    expect(names.size).toBe(5)
    const seeded = await editor.data<{ workspaceDeployments: { releaseName: string }[] }>(Q.workspaceDeployments, { ws })
    for (const d of seeded.workspaceDeployments) expect(d.releaseName).toMatch(RELEASE_NAME_PATTERN)

    const first = await create({ label: 'Keep my name', config: TINY })
    clock.advance(DEPLOY_DURATION_MS)
    await editor.data(Q.updateDeployment, { id: first.id, payload: { label: 'Renamed' } })
    expect((await read(first.id)).releaseName).toBe(first.releaseName)
  })

  test('urls: the Airflow UI, and Flower for Celery only', async () => {
    const { create } = await editorSession()
    const celery = await create({ config: celeryConfig() })
    expect(celery.urls).toEqual([
      { type: 'airflow', url: `https://deployments.example.com/${celery.releaseName}/airflow` },
      { type: 'flower', url: `https://deployments.example.com/${celery.releaseName}/flower` },
    ])
    const local = await create({ config: { executor: 'LocalExecutor' } })
    expect(local.urls.map((u) => u.type)).toEqual(['airflow'])
  })

  test('defaults: CeleryExecutor, the default Airflow version, and for Kubernetes 10 extra AU', async () => {
    const { create } = await editorSession()
    const dep = await create({})
    expect(dep.config.executor).toBe('CeleryExecutor')
    const k8s = await create({ config: { executor: 'KubernetesExecutor' } })
    expect(k8s.properties.extra_au).toBe(10)
  })

  test.each([
    [{ label: '   ' }, 'label'],
    [{ label: 'x'.repeat(101) }, 'label'],
    [{ type: 'spark' }, 'type'],
    [{ version: '2.6.0' }, 'version'],
    [{ config: { executor: 'SequentialExecutor' } }, 'config.executor'],
    [{ config: { executor: 'LocalExecutor', dagProcessor: {} } }, 'config.dagProcessor'],
    [{ config: { ...celeryConfig(), workers: { resources: { limits: { cpu: 1000, memory: 3840 } }, replicas: 0 } } }, 'config.workers.replicas'],
    [{ config: [] }, 'config'],
    [{ properties: { alert_emails: ['ok@example.com', 'not-an-email'] } }, 'properties.alert_emails[1]'],
    [{ properties: { colour: 'blue' } }, 'properties.colour'],
  ])('refuses %j on field %s', async (vars, field) => {
    const { editor } = await editorSession()
    const e = await editor.error(Q.createDeployment, { ws, label: 'Orders', ...vars })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field })
  })

  test.each([
    [celeryConfig({ workers: 31 }), {}, 'workers.au'],
    [celeryConfig({ scheduler: 0 }), {}, 'scheduler.au'],
    [celeryConfig({ replicas: 11 }), {}, 'workers.replicas'],
    [{ ...celeryConfig(), workers: { resources: { limits: { cpu: 1000, memory: 3840 } }, terminationGracePeriodSeconds: 36001 } }, {}, 'workers.terminationGracePeriodSeconds'],
    [{ executor: 'KubernetesExecutor' }, { extra_au: 5 }, 'extraAu'],
    [{ executor: 'KubernetesExecutor' }, { extra_au: 401 }, 'extraAu'],
    [{ executor: 'CeleryExecutor' }, { extra_au: 3 }, 'extraAu'],
  ])('refuses sizing %j %j on %s, with the limits of au.ts', async (config, properties, field) => {
    const { editor } = await editorSession()
    const e = await editor.error(Q.createDeployment, { ws, label: 'Big', config, properties })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field })
    expect(e.extensions?.problems).toBeInstanceOf(Array)
  })

  test('refuses what the workspace quota cannot hold, saying how much is left', async () => {
    const { editor } = await editorSession()
    // Marketing Analytics: 88 of 100 AU used.
    const e = await editor.error(Q.createDeployment, { ws: marketing, label: 'Too big', config: celeryConfig() })
    expect(e.code).toBe('QUOTA_EXCEEDED')
    expect(e.extensions?.remainingAu).toBe(12)
    expect(e.message).toBe('Workspace Marketing Analytics has 12 AU left of its 100 AU quota; this deployment needs 28 AU.')

    await editor.data(Q.createDeployment, { ws: marketing, label: 'Fits', config: TINY })
    const after = await editor.data<{ workspace: { auUsed: number; deploymentCount: number } }>(Q.workspace, { id: marketing })
    expect(after.workspace).toMatchObject({ auUsed: 94, deploymentCount: 5 })
  })
})

describe('updateDeployment', () => {
  test('merges config into the stored one, redeploys, and refuses changes while DEPLOYING', async () => {
    const { create, read, editor, clock } = await editorSession()
    const dep = await create({ config: celeryConfig() })
    const busy = await editor.error(Q.updateDeployment, { id: dep.id, payload: { label: 'Now' } })
    expect(busy.code).toBe('CONFLICT')
    expect(busy.message).toMatch(/a change is being applied; try again when it is healthy/)

    clock.advance(DEPLOY_DURATION_MS)
    const updated = await editor.data<{ updateDeployment: Dep }>(Q.updateDeployment, { id: dep.id, config: { workers: { replicas: 3 } } })
    expect(updated.updateDeployment.status).toBe('DEPLOYING')
    expect(updated.updateDeployment.config.workers?.replicas).toBe(1)
    expect(updated.updateDeployment.desiredConfig?.workers).toMatchObject({ replicas: 3, resources: { limits: { cpu: 1000 } } })
    clock.advance(DEPLOY_DURATION_MS)
    const done = await read(dep.id)
    expect(done.status).toBe('HEALTHY')
    expect(done.config.workers?.replicas).toBe(3)
  })

  test('a label or description change applies at once, with a new updatedAt', async () => {
    const { editor, read, clock } = await editorSession()
    const id = stableId('deployment:data-quality')
    const before = await read(id)
    clock.advance(1000)
    const r = await editor.data<{ updateDeployment: Dep }>(Q.updateDeployment, { id, payload: { label: ' Quality ', description: '' } })
    expect(r.updateDeployment).toMatchObject({ label: 'Quality', description: null, status: 'HEALTHY' })
    expect(r.updateDeployment.updatedAt).not.toBe(before.updatedAt)
    const e = await editor.error(Q.updateDeployment, { id, payload: { label: '' } })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payload.label' })
    expect((await editor.error(Q.updateDeployment, { id, payload: { owner: 'me' } })).field).toBe('payload.owner')
  })

  test('a new executor starts from its own extra capacity', async () => {
    const { editor, read, clock } = await editorSession()
    const id = stableId('deployment:data-quality')
    await editor.data(Q.updateDeployment, { id, config: { executor: 'KubernetesExecutor' } })
    clock.advance(DEPLOY_DURATION_MS)
    const dep = await read(id)
    expect(dep.config.executor).toBe('KubernetesExecutor')
    expect(dep.properties.extra_au).toBe(10)
  })

  test('scaling up past the quota is refused; scaling down is not', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    const campaign = stableId('deployment:campaign-attribution')
    const up = await wsadmin.error(Q.updateDeployment, { id: campaign, config: { workers: { replicas: 3 } } })
    // 12 AU left in the workspace, plus the 28 it has: 40 for this deployment.
    expect(up).toMatchObject({ code: 'QUOTA_EXCEEDED', extensions: { remainingAu: 40, neededAu: 48 } })
    const down = await wsadmin.data<{ updateDeployment: Dep }>(Q.updateDeployment, { id: campaign, config: celeryConfig({ workers: 5 }) })
    expect(down.updateDeployment.status).toBe('DEPLOYING')
  })

  test('limits are checked on the merged config', async () => {
    const { editor } = await editorSession()
    const e = await editor.error(Q.updateDeployment, { id: SEED_IDS.customerEtl, config: { workers: { resources: { limits: { cpu: 3100, memory: 11904 } } } } })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workers.au' })
  })
})

describe('upgradeDeployment', () => {
  const UPGRADE = 'mutation($id: Uuid!, $v: String!) { upgradeDeployment(deploymentUuid: $id, version: $v) { status airflowVersion desiredAirflowVersion desiredConfig } }'

  test('only to the newest patch of a newer minor; recorded as intent until an image of it is deployed', async () => {
    const { editor, read, clock } = await editorSession()
    const id = stableId('deployment:event-ingestion')
    expect(await editor.error(UPGRADE, { id, v: '2.7.3' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' })
    expect(await editor.error(UPGRADE, { id, v: '2.8.4' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' })
    expect(await editor.error(UPGRADE, { id, v: '3.0.0' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' })
    expect(await editor.error(UPGRADE, { id, v: '2.9.2' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version', extensions: { nearest: '2.9.3' } })
    const r = await editor.data<{ upgradeDeployment: Dep }>(UPGRADE, { id, v: '2.10.5' })
    // Event Ingestion deploys its own images: the upgrade waits for CI.
    expect(r.upgradeDeployment).toMatchObject({ status: 'UNHEALTHY', airflowVersion: '2.8.4', desiredAirflowVersion: '2.10.5' })
    clock.advance(DEPLOY_DURATION_MS * 10)
    expect(await read(id)).toMatchObject({ airflowVersion: '2.8.4', desiredAirflowVersion: '2.10.5' })
  })

  test('a deployment on the platform image is upgraded by the platform at once', async () => {
    const { create, editor, read, clock } = await editorSession()
    const dep = await create({ config: TINY, version: '2.9.3' })
    clock.advance(DEPLOY_DURATION_MS)
    const r = await editor.data<{ upgradeDeployment: Dep }>(UPGRADE, { id: dep.id, v: '2.10.5' })
    expect(r.upgradeDeployment).toMatchObject({ status: 'DEPLOYING', airflowVersion: '2.9.3', desiredAirflowVersion: '2.10.5' })
    expect(r.upgradeDeployment.desiredConfig).not.toBeNull()
    clock.advance(DEPLOY_DURATION_MS)
    expect(await read(dep.id)).toMatchObject({ status: 'HEALTHY', airflowVersion: '2.10.5', desiredAirflowVersion: null })
  })

  test('the seeded upgrade in progress refuses changes until it is done', async () => {
    const { editor, read, clock } = await editorSession()
    const id = SEED_IDS.warehouseSync
    expect(await read(id)).toMatchObject({ status: 'DEPLOYING', airflowVersion: '2.9.3', desiredAirflowVersion: '2.10.5' })
    expect((await editor.error(Q.updateDeployment, { id, payload: { label: 'x' } })).code).toBe('CONFLICT')
    clock.advance(SEED_DEPLOYING_MS)
    expect(await read(id)).toMatchObject({ status: 'HEALTHY', airflowVersion: '2.10.5' })
  })
})

describe('statuses and alerts', () => {
  test('UNHEALTHY and UNKNOWN deployments stay so as time passes', async () => {
    const { read, clock } = await editorSession()
    clock.advance(23 * 3600 * 1000)
    expect((await read(stableId('deployment:event-ingestion'))).status).toBe('UNHEALTHY')
    expect((await read(stableId('deployment:legacy-reports'))).status).toBe('UNKNOWN')
  })

  test('deploymentAlertsUpdate validates each address and stores them in properties', async () => {
    const { editor } = await editorSession()
    const ALERTS = 'mutation($id: Uuid!, $e: [String!]!) { deploymentAlertsUpdate(deploymentUuid: $id, alertEmails: $e) { properties updatedAt } }'
    const id = SEED_IDS.customerEtl
    expect(await editor.error(ALERTS, { id, e: ['a@example.com', 'nope'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alertEmails[1]' })
    const r = await editor.data<{ deploymentAlertsUpdate: { properties: Dep['properties'] } }>(ALERTS, { id, e: ['A@example.com', 'b@example.com', 'a@example.com'] })
    expect(r.deploymentAlertsUpdate.properties.alert_emails).toEqual(['a@example.com', 'b@example.com'])
  })
})

describe('deleteDeployment', () => {
  test('removes the deployment, its roles and service accounts, and frees its AU', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('priya.shah@example.com')
    const before = await admin.data<{ workspace: { auUsed: number; deploymentCount: number } }>(Q.workspace, { id: ws })
    await admin.data('mutation($id: Uuid!) { deleteDeployment(deploymentUuid: $id) { id } }', { id: SEED_IDS.customerEtl })
    expect((await admin.error(Q.deployment, { id: SEED_IDS.customerEtl })).code).toBe('NOT_FOUND')
    const after = await admin.data<{ workspace: { auUsed: number; deploymentCount: number } }>(Q.workspace, { id: ws })
    expect(after.workspace.deploymentCount).toBe(before.workspace.deploymentCount - 1)
    expect(after.workspace.auUsed).toBe(before.workspace.auUsed - 48)
    const dana = await signIn('deployeditor@example.com')
    const self = await dana.data<{ self: { user: { roleBindings: { role: string }[] } } }>('{ self { user { roleBindings { role } } } }')
    expect(self.self.user.roleBindings.map((b) => b.role)).toEqual(['WORKSPACE_VIEWER'])
  })
})

describe('reading deployments', () => {
  test('deploymentConfig is the platform config', async () => {
    const { editor } = await editorSession()
    const r = await editor.data<{ deploymentConfig: { maxPodAu: number; airflowVersions: string[] } }>('{ deploymentConfig }')
    expect(r.deploymentConfig.maxPodAu).toBe(35)
    expect((await editor.error('{ deploymentConfig(version: "9.9.9") }')).field).toBe('version')
  })

  test('workspaceDeployments filters by release name', async () => {
    const { editor, read } = await editorSession()
    const etl = await read(SEED_IDS.customerEtl)
    const r = await editor.data<{ workspaceDeployments: { id: string }[] }>(
      'query($ws: Uuid!, $r: String) { workspaceDeployments(workspaceUuid: $ws, releaseName: $r) { id } }',
      { ws, r: etl.releaseName },
    )
    expect(r.workspaceDeployments).toEqual([{ id: etl.id }])
  })

  test('an unknown id is NOT_FOUND; a malformed one is BAD_USER_INPUT', async () => {
    const { editor } = await editorSession()
    expect(await editor.error(Q.deployment, { id: stableId('deployment:nope') })).toMatchObject({ code: 'NOT_FOUND', field: 'deploymentUuid' })
    expect(await editor.error(Q.deployment, { id: 'nope' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' })
  })
})
