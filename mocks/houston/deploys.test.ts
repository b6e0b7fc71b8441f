// What newer platforms give a deployment, as the fake Houston enforces it:
// custom resources, scheduler count and triggerer, a platform without AU,
// DAG deployment mechanisms, deploy revisions and rollback, and upgrades as
// intent. Sizes are worked out with src/lib/au.ts, as the console does.
import { describe, expect, test } from 'vitest'
import { defaultSizing, deploymentResources, type Sizing, sizingFromConfig, sizingPatch, totalAu, withCustomResources, withStrategy } from '../../src/lib/au'
import type { DeploymentConfig, DeploymentProperties } from '../../src/lib/houston-json'
import { DEPLOY_DURATION_MS } from './lifecycle'
import { PLATFORM, PLATFORM_WITHOUT_AU } from './platform'
import { stableId } from './random'
import { SEED_IDS } from './seed'
import { Q, testHouston } from './test-utils'

interface Dep {
  id: string
  status: string
  releaseName: string
  airflowVersion: string
  desiredAirflowVersion: string | null
  config: DeploymentConfig
  desiredConfig: DeploymentConfig | null
  properties: DeploymentProperties
}

const ws = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl
const legacy = stableId('deployment:legacy-reports')
const campaign = stableId('deployment:campaign-attribution')
const emailMetrics = stableId('deployment:email-metrics')
const finance = stableId('deployment:finance-reporting')

const DAGS = `query($id: Uuid!) { deployment(deploymentUuid: $id) {
  dagDeployment { type nfsLocation repositoryUrl branchName syncInterval dagDirectoryLocation rev sshKeySet knownHostsSet } } }`
const SET_DAGS = `mutation($id: Uuid!, $d: DagDeployment!) { updateDeployment(deploymentUuid: $id, dagDeployment: $d) {
  status dagDeployment { type nfsLocation repositoryUrl branchName syncInterval dagDirectoryLocation rev sshKeySet knownHostsSet } } }`
const REVISIONS = `query($id: Uuid!, $skip: Int, $take: Int) { deployRevisions(deploymentUuid: $id, skip: $skip, take: $take) {
  id imageTag airflowVersion author description dagDeploymentType isCurrent redeployOf { imageTag } }
  deployment(deploymentUuid: $id) { deployRevisionCount currentRevision { imageTag } deployInfo { current nextCli } } }`
const ROLLBACK = `mutation($id: Uuid!, $r: Uuid!, $d: String!) { rollbackDeployment(deploymentUuid: $id, revisionUuid: $r, description: $d) {
  status airflowVersion currentRevision { imageTag description redeployOf { imageTag } } } }`
const UPGRADE = 'mutation($id: Uuid!, $v: String!) { upgradeDeployment(deploymentUuid: $id, version: $v) { status airflowVersion desiredAirflowVersion } }'
const CANCEL = 'mutation($id: Uuid!) { cancelUpgradeDeployment(deploymentUuid: $id) { status airflowVersion desiredAirflowVersion } }'
const IMAGE = `mutation($r: String!, $i: String!, $v: String, $d: String) { updateDeploymentImage(releaseName: $r, image: $i, airflowVersion: $v, description: $d) {
  status airflowVersion desiredAirflowVersion currentRevision { imageTag airflowVersion author description } } }`
const USAGE = 'query($id: Uuid!) { workspace(workspaceUuid: $id) { auQuota auUsed cpuQuota memoryQuota cpuUsed memoryUsed } }'

interface Revision {
  id: string
  imageTag: string
  airflowVersion: string
  author: string
  description: string | null
  dagDeploymentType: string
  isCurrent: boolean
  redeployOf: { imageTag: string } | null
}

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ-journey-secret\n-----END OPENSSH PRIVATE KEY-----'
const HOSTS = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'

async function session(options: Parameters<typeof testHouston>[0] = {}) {
  const h = testHouston(options)
  const editor = await h.signIn('editor@example.com')
  const read = async (id: string) => (await editor.data<{ deployment: Dep }>(Q.deployment, { id })).deployment
  return { ...h, editor, read }
}

describe('custom resources, scheduler count and triggerer', () => {
  test('an editor moves Customer ETL to custom resources: 2 schedulers of 1.5 CPU and 3 GiB and a triggerer; stored as sent, counted as au.ts counts', async () => {
    const { editor, read, clock } = await session()
    const before = await read(etl)
    const stored = sizingFromConfig(PLATFORM, before.config, before.properties)
    let after: Sizing = withStrategy(PLATFORM, stored, 'custom')
    after = withCustomResources(PLATFORM, after, 'scheduler', { cpu: 1500, memory: 3072 })
    after = { ...after, components: { ...after.components, scheduler: { cpu: 1500, memory: 3072, au: 15, replicas: 2 }, triggerer: { au: 5, replicas: 1, cpu: 500, memory: 1920 } } }
    const patch = sizingPatch(PLATFORM, stored, after)
    expect(patch.properties).toMatchObject({ resource_strategy: 'custom', extra_capacity: { cpu: 0, memory: 0 } })
    const r = await editor.data<{ updateDeployment: Dep }>(Q.updateDeployment, { id: etl, config: patch.config, properties: patch.properties })
    expect(r.updateDeployment.status).toBe('DEPLOYING')
    clock.advance(DEPLOY_DURATION_MS)
    const done = await read(etl)
    expect(done.config.scheduler).toEqual({ resources: { limits: { cpu: 1500, memory: 3072 }, requests: { cpu: 1500, memory: 3072 } }, replicas: 2 })
    expect(done.config.triggerer).toEqual({ resources: { limits: { cpu: 500, memory: 1920 }, requests: { cpu: 500, memory: 1920 } }, replicas: 1 })
    expect(done.properties.resource_strategy).toBe('custom')
    const readBack = sizingFromConfig(PLATFORM, done.config, done.properties)
    expect(readBack.strategy).toBe('custom')
    expect(readBack.components.scheduler).toMatchObject({ cpu: 1500, memory: 3072, replicas: 2 })
    // 48 AU of AU-sized components before; now 7.8 CPU and 24 GiB, which 78 AU cover.
    const resources = deploymentResources(PLATFORM, readBack)
    expect(resources).toEqual({ cpu: 7800, memory: 24576, pods: 11 })
    expect(totalAu(PLATFORM, readBack)).toBe(78)
    const usage = await editor.data<{ workspace: { auUsed: number; cpuUsed: number; memoryUsed: number; cpuQuota: number } }>(USAGE, { id: ws })
    expect(usage.workspace).toMatchObject({ auUsed: 187 - 48 + 78, cpuQuota: 25000 })
    expect(usage.workspace.cpuUsed).toBe(18700 - 4800 + 7800)
  })

  test('switching back to AU rounds each component up to the AU that covers it', async () => {
    const { editor, read, clock } = await session()
    const stored = sizingFromConfig(PLATFORM, (await read(etl)).config, (await read(etl)).properties)
    const custom = withCustomResources(PLATFORM, withStrategy(PLATFORM, stored, 'custom'), 'webserver', { cpu: 450, memory: 1000 })
    await editor.data(Q.updateDeployment, { id: etl, ...sizingPatch(PLATFORM, stored, custom) })
    clock.advance(DEPLOY_DURATION_MS)
    const back = withStrategy(PLATFORM, custom, 'au')
    expect(back.components.webserver?.au).toBe(5)
    await editor.data(Q.updateDeployment, { id: etl, ...sizingPatch(PLATFORM, custom, back) })
    clock.advance(DEPLOY_DURATION_MS)
    const done = await read(etl)
    expect(done.properties).not.toHaveProperty('resource_strategy')
    expect(done.properties).not.toHaveProperty('extra_capacity')
    expect(done.config.webserver?.resources.limits).toEqual({ cpu: 500, memory: 1920 })
  })

  test.each([
    ['a CPU below the minimum', { scheduler: { resources: { limits: { cpu: 50, memory: 1920 } } } }, 'scheduler.cpu'],
    ['a pod above the largest pod', { scheduler: { resources: { limits: { cpu: 500, memory: 20000 } } } }, 'scheduler.memory'],
    ['five schedulers', { scheduler: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 5 } }, 'scheduler.replicas'],
    ['three triggerers', { triggerer: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 3 } }, 'triggerer.replicas'],
  ])('refuses %s under custom resources', async (_name, config, field) => {
    const { editor } = await session()
    const e = await editor.error(Q.updateDeployment, { id: etl, config, properties: { resource_strategy: 'custom' } })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field })
  })

  test('refuses more than one scheduler or a triggerer where the Airflow version has none', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    // Legacy Reports runs Airflow 1.10.15.
    const schedulers = await admin.error(Q.updateDeployment, { id: legacy, config: { scheduler: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 2 } } })
    expect(schedulers).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scheduler.replicas' })
    expect(schedulers.message).toBe('Airflow 1.10.15 runs one scheduler: more need Airflow 2.0.0 or newer.')
    const triggerer = await admin.error(Q.updateDeployment, { id: legacy, config: { triggerer: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 1 } } })
    expect(triggerer).toMatchObject({ code: 'BAD_USER_INPUT', field: 'triggerer.replicas' })
  })

  test('a triggerer and extra schedulers count in the quota', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    // Campaign Attribution (28 AU) may total 40 AU (Marketing has 12 left): two more schedulers of 5 AU and two triggerers of 5 AU make 48.
    const e = await wsadmin.error(Q.updateDeployment, {
      id: campaign,
      config: { scheduler: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 3 }, triggerer: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 2 } },
    })
    expect(e).toMatchObject({ code: 'QUOTA_EXCEEDED', extensions: { remainingAu: 40, neededAu: 48 } })
    // One more scheduler and one triggerer make 38: that fits.
    const fits = await wsadmin.data<{ updateDeployment: Dep }>(Q.updateDeployment, {
      id: campaign,
      config: { scheduler: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 2 }, triggerer: { resources: { limits: { cpu: 500, memory: 1920 } }, replicas: 1 } },
    })
    expect(totalAu(PLATFORM, sizingFromConfig(PLATFORM, fits.updateDeployment.desiredConfig ?? fits.updateDeployment.config, fits.updateDeployment.properties))).toBe(38)
  })
})

describe('a platform without AU', () => {
  test('offers no AU, reads every deployment in CPU and memory, and counts the quota in CPU and memory', async () => {
    const { editor, signIn } = await session({ auEnabled: false })
    const config = await editor.data<{ deploymentConfig: { auEnabled: boolean } }>('{ deploymentConfig }')
    expect(config.deploymentConfig.auEnabled).toBe(false)
    const au = await editor.error(Q.createDeployment, { ws, label: 'In AU', config: { executor: 'LocalExecutor' }, properties: { resource_strategy: 'au' } })
    expect(au).toMatchObject({ code: 'BAD_USER_INPUT', field: 'properties.resource_strategy' })
    // Marketing Analytics has 12 AU left: 1.2 CPU and 4.5 GiB (4608 MiB). Local runs the scheduler, the
    // webserver (0.2 CPU, 384 MiB here), StatsD and PgBouncer (0.2 CPU and 768 MiB each): 0.8 CPU and 1920 MiB besides the scheduler's memory.
    const wsadmin = await signIn('wsadmin@example.com')
    const small = (memory: number) => ({
      executor: 'LocalExecutor',
      scheduler: { resources: { limits: { cpu: 200, memory } } },
      webserver: { resources: { limits: { cpu: 200, memory: 384 } } },
    })
    const tooMuch = await wsadmin.error(Q.createDeployment, { ws: SEED_IDS.marketing, label: 'Memory hungry', config: small(4608 - 1920 + 1), properties: {} })
    expect(tooMuch.code).toBe('QUOTA_EXCEEDED')
    expect(tooMuch.message).toMatch(/has 1\.2 CPU and 4\.5 GiB left of its 10 CPU and 37\.5 GiB quota/)
    const fits = await wsadmin.data<{ createDeployment: Dep }>(Q.createDeployment, { ws: SEED_IDS.marketing, label: 'Fits', config: small(4608 - 1920), properties: {} })
    expect(sizingFromConfig(PLATFORM_WITHOUT_AU, fits.createDeployment.config, fits.createDeployment.properties).strategy).toBe('custom')
    expect(fits.createDeployment.properties.resource_strategy).toBe('custom')
  })

  test('is a Houston option that survives a reset', async () => {
    const { houston, editor } = await session({ auEnabled: false })
    houston.reset()
    const config = await editor.run('{ deploymentConfig }')
    expect((config.data as { deploymentConfig: { auEnabled: boolean } } | undefined)?.deploymentConfig.auEnabled ?? false).toBe(false)
  })
})

describe('DAG deployment', () => {
  test('git-sync keeps the SSH key and known hosts but never returns them', async () => {
    const { editor, houston, clock } = await session()
    const result = await editor.run(SET_DAGS, {
      id: etl,
      d: { type: 'git_sync', repositoryUrl: 'git@github.com:acme/etl-dags.git', branchName: 'main', syncInterval: 30, dagDirectoryLocation: 'dags', sshKey: KEY, knownHosts: HOSTS },
    })
    expect(result.errors).toBeUndefined()
    expect(JSON.stringify(result)).not.toContain('journey-secret')
    expect(JSON.stringify(result)).not.toContain('AAAAC3Nz')
    expect((result.data as { updateDeployment: { status: string; dagDeployment: unknown } }).updateDeployment).toEqual({
      status: 'DEPLOYING',
      dagDeployment: { type: 'git_sync', nfsLocation: null, repositoryUrl: 'git@github.com:acme/etl-dags.git', branchName: 'main', syncInterval: 30, dagDirectoryLocation: 'dags', rev: null, sshKeySet: true, knownHostsSet: true },
    })
    expect(houston.contextFor(null).store.deployment(etl)?.dagDeployment.sshKey).toBe(KEY)
    clock.advance(DEPLOY_DURATION_MS)
    // A change without the key keeps it.
    const again = await editor.data<{ updateDeployment: { dagDeployment: { branchName: string; sshKeySet: boolean } } }>(SET_DAGS, {
      id: etl,
      d: { type: 'git_sync', repositoryUrl: 'git@github.com:acme/etl-dags.git', branchName: 'release' },
    })
    expect(again.updateDeployment.dagDeployment).toMatchObject({ branchName: 'release', sshKeySet: true })
    expect(houston.contextFor(null).store.deployment(etl)?.dagDeployment.sshKey).toBe(KEY)
    clock.advance(DEPLOY_DURATION_MS)
    // Another mechanism forgets the secrets.
    await editor.data(SET_DAGS, { id: etl, d: { type: 'image' } })
    expect(houston.contextFor(null).store.deployment(etl)?.dagDeployment).toMatchObject({ type: 'image', sshKey: null, knownHosts: null, repositoryUrl: null })
  })

  test.each([
    [{ type: 'volume', nfsLocation: 'nfs://nfs.example.com/exports/dags' }, 'dagDeployment.nfsLocation'],
    [{ type: 'volume', nfsLocation: 'https://nfs.example.com:/exports' }, 'dagDeployment.nfsLocation'],
    [{ type: 'volume' }, 'dagDeployment.nfsLocation'],
    [{ type: 'image', nfsLocation: 'nfs://nfs.example.com:/exports' }, 'dagDeployment.nfsLocation'],
    [{ type: 'git_sync', repositoryUrl: 'github.com/acme', branchName: 'main' }, 'dagDeployment.repositoryUrl'],
    [{ type: 'git_sync', repositoryUrl: 'https://github.com/acme/dags.git', branchName: 'bad..name' }, 'dagDeployment.branchName'],
    [{ type: 'git_sync', repositoryUrl: 'https://github.com/acme/dags.git', branchName: 'main', syncInterval: 1 }, 'dagDeployment.syncInterval'],
    [{ type: 'git_sync', repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main' }, 'dagDeployment.sshKey'],
    [{ type: 'git_sync', repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main', sshKey: 'not a key', knownHosts: HOSTS }, 'dagDeployment.sshKey'],
    [{ type: 'git_sync', repositoryUrl: 'https://github.com/acme/dags.git', branchName: 'main', dagDirectoryLocation: '../etc' }, 'dagDeployment.dagDirectoryLocation'],
  ])('refuses %j on %s', async (d, field) => {
    const { editor } = await session()
    expect(await editor.error(SET_DAGS, { id: etl, d })).toMatchObject({ code: 'BAD_USER_INPUT', field })
  })

  test('accepts an NFS volume written as nfs://host:/path, and a public repository without a key', async () => {
    const { editor, clock } = await session()
    const nfs = await editor.data<{ updateDeployment: { dagDeployment: { nfsLocation: string } } }>(SET_DAGS, { id: etl, d: { type: 'volume', nfsLocation: 'nfs://10.0.0.12:/exports/dags' } })
    expect(nfs.updateDeployment.dagDeployment.nfsLocation).toBe('nfs://10.0.0.12:/exports/dags')
    clock.advance(DEPLOY_DURATION_MS)
    const git = await editor.data<{ updateDeployment: { dagDeployment: unknown } }>(SET_DAGS, { id: etl, d: { type: 'git_sync', repositoryUrl: 'https://github.com/acme/public-dags.git', branchName: 'main' } })
    expect(git.updateDeployment.dagDeployment).toMatchObject({ syncInterval: 60, dagDirectoryLocation: 'dags', sshKeySet: false })
  })

  test('a viewer reads the settings, never the key; the seeded git-sync deployment stores one', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const featureStore = stableId('deployment:feature-store')
    const r = await admin.run(DAGS, { id: featureStore })
    expect((r.data as { deployment: { dagDeployment: unknown } }).deployment.dagDeployment).toMatchObject({ type: 'git_sync', sshKeySet: true, knownHostsSet: true })
    expect(JSON.stringify(r)).not.toContain('PRIVATE KEY')
    const viewer = await signIn('viewer@example.com')
    expect((await viewer.error(SET_DAGS, { id: etl, d: { type: 'dag_only' } })).code).toBe('FORBIDDEN')
  })
})

describe('deploy revisions and rollback', () => {
  test('lists the deploys newest first, a page at a time, with the current one marked', async () => {
    const { editor } = await session()
    const first = await editor.data<{ deployRevisions: Revision[]; deployment: { deployRevisionCount: number; currentRevision: { imageTag: string }; deployInfo: { current: string; nextCli: string } } }>(REVISIONS, { id: etl, take: 10 })
    expect(first.deployment).toEqual({ deployRevisionCount: 42, currentRevision: { imageTag: 'deploy-42' }, deployInfo: { current: 'deploy-42', nextCli: 'deploy-43' } })
    expect(first.deployRevisions.map((r) => r.imageTag)).toEqual(Array.from({ length: 10 }, (_, i) => `deploy-${42 - i}`))
    expect(first.deployRevisions[0]?.isCurrent).toBe(true)
    expect(first.deployRevisions.slice(1).every((r) => !r.isCurrent)).toBe(true)
    const page = await editor.data<{ deployRevisions: Revision[] }>(REVISIONS, { id: etl, skip: 40, take: 10 })
    expect(page.deployRevisions.map((r) => [r.imageTag, r.airflowVersion])).toEqual([['deploy-2', '2.8.4'], ['deploy-1', '2.8.4']])
    expect((await editor.error(REVISIONS, { id: etl, take: 101 })).field).toBe('take')
  })

  test('redeploys an earlier revision as a new one: code and Airflow version come back, resources and env vars stay', async () => {
    const { editor, read, clock, houston } = await session()
    const before = await read(etl)
    const envBefore = houston.contextFor(null).store.deployment(etl)?.environmentVariables
    const { deployRevisions } = await editor.data<{ deployRevisions: Revision[] }>(REVISIONS, { id: etl, skip: 8, take: 1 })
    const target = deployRevisions[0]
    expect(target).toMatchObject({ imageTag: 'deploy-34', airflowVersion: '2.9.3' })
    expect(await editor.error(ROLLBACK, { id: etl, r: target?.id, d: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' })
    const r = await editor.data<{ rollbackDeployment: { status: string; airflowVersion: string; currentRevision: unknown } }>(ROLLBACK, { id: etl, r: target?.id, d: 'deploy-42 broke the orders load' })
    expect(r.rollbackDeployment).toEqual({
      status: 'DEPLOYING',
      airflowVersion: '2.10.5',
      currentRevision: { imageTag: 'deploy-34', description: 'deploy-42 broke the orders load', redeployOf: { imageTag: 'deploy-34' } },
    })
    clock.advance(DEPLOY_DURATION_MS)
    const after = await read(etl)
    expect(after.airflowVersion).toBe('2.9.3')
    expect(after.config).toEqual(before.config)
    expect(houston.contextFor(null).store.deployment(etl)?.environmentVariables).toEqual(envBefore)
    const list = await editor.data<{ deployRevisions: Revision[]; deployment: { deployRevisionCount: number } }>(REVISIONS, { id: etl, take: 2 })
    expect(list.deployment.deployRevisionCount).toBe(43)
    expect(list.deployRevisions.map((x) => [x.imageTag, x.isCurrent, x.author])).toEqual([['deploy-34', true, 'Erin Chen'], ['deploy-42', false, expect.any(String)]])
  })

  test('brings the DAG mechanism back: Data Quality Checks returns from DAG-only to DAGs in the image', async () => {
    const { editor, clock } = await session()
    const id = stableId('deployment:data-quality')
    const { deployRevisions } = await editor.data<{ deployRevisions: Revision[] }>(REVISIONS, { id, skip: 4, take: 1 })
    expect(deployRevisions[0]).toMatchObject({ imageTag: 'deploy-5', dagDeploymentType: 'image' })
    await editor.data(ROLLBACK, { id, r: deployRevisions[0]?.id, d: 'Back to DAGs in the image' })
    clock.advance(DEPLOY_DURATION_MS)
    const dags = await editor.data<{ deployment: { dagDeployment: { type: string } } }>(DAGS, { id })
    expect(dags.deployment.dagDeployment.type).toBe('image')
  })

  test('refuses with NFS or git-sync, to the current revision, and while an upgrade is pending', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const legacyRevisions = await admin.data<{ deployRevisions: Revision[] }>(REVISIONS, { id: legacy, take: 2 })
    const nfs = await admin.error(ROLLBACK, { id: legacy, r: legacyRevisions.deployRevisions[1]?.id, d: 'try' })
    expect(nfs).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deploymentUuid' })
    expect(nfs.message).toMatch(/NFS volume: its DAGs are not part of a deploy/)
    const etlRevisions = await admin.data<{ deployRevisions: Revision[] }>(REVISIONS, { id: etl, take: 1 })
    expect(await admin.error(ROLLBACK, { id: etl, r: etlRevisions.deployRevisions[0]?.id, d: 'again' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'revisionUuid' })
    const pending = await admin.data<{ deployRevisions: Revision[] }>(REVISIONS, { id: campaign, take: 2 })
    expect((await admin.error(ROLLBACK, { id: campaign, r: pending.deployRevisions[1]?.id, d: 'x' })).code).toBe('CONFLICT')
    const viewer = await signIn('viewer@example.com')
    expect((await viewer.error(ROLLBACK, { id: etl, r: etlRevisions.deployRevisions[0]?.id, d: 'x' })).code).toBe('FORBIDDEN')
  })
})

describe('upgrades as intent', () => {
  test('the seeded pending upgrade waits for CI; an image of that version completes it', async () => {
    const { signIn, clock } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    const read = async () => (await wsadmin.data<{ deployment: Dep }>(Q.deployment, { id: campaign })).deployment
    const dep = await read()
    expect(dep).toMatchObject({ status: 'HEALTHY', airflowVersion: '2.9.3', desiredAirflowVersion: '2.10.5' })
    // CI may not skip past the upgrade asked for, nor go back.
    expect(await wsadmin.error(IMAGE, { r: dep.releaseName, i: 'registry.example.com/x/airflow:deploy-24', v: '2.8.4' })).toMatchObject({ field: 'airflowVersion' })
    const r = await wsadmin.data<{ updateDeploymentImage: { status: string; currentRevision: { imageTag: string; airflowVersion: string; author: string } } }>(IMAGE, {
      r: dep.releaseName,
      i: `registry.example.com/${dep.releaseName}/airflow:deploy-24`,
      v: '2.10.5',
      d: 'Airflow 2.10.5 image',
    })
    expect(r.updateDeploymentImage).toMatchObject({ status: 'DEPLOYING', currentRevision: { imageTag: 'deploy-24', airflowVersion: '2.10.5', author: 'Wanda Schmidt' } })
    clock.advance(DEPLOY_DURATION_MS)
    expect(await read()).toMatchObject({ status: 'HEALTHY', airflowVersion: '2.10.5', desiredAirflowVersion: null })
  })

  test('an image of a newer version needs an upgrade first; the current version needs none', async () => {
    const { editor, read } = await session()
    const dep = await read(finance)
    expect(await editor.error(IMAGE, { r: dep.releaseName, i: 'registry.example.com/x/airflow:deploy-18', v: '2.10.5' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'airflowVersion' })
    expect(await editor.error(IMAGE, { r: dep.releaseName, i: 'not an image' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'image' })
    const ok = await editor.data<{ updateDeploymentImage: { currentRevision: { imageTag: string; airflowVersion: string } } }>(IMAGE, { r: dep.releaseName, i: `registry.example.com/${dep.releaseName}/airflow:deploy-18` })
    expect(ok.updateDeploymentImage.currentRevision).toEqual({ imageTag: 'deploy-18', airflowVersion: '2.9.3', author: 'Erin Chen', description: null })
    const viewer = await testHouston().signIn('viewer@example.com')
    expect((await viewer.error(IMAGE, { r: dep.releaseName, i: 'a:b' })).code).toBe('FORBIDDEN')
  })

  test('can be cancelled, but not once its image is rolling out, and not when there is none', async () => {
    const { editor, read, create, clock } = await (async () => {
      const s = await session()
      const create = async () =>
        (await s.editor.data<{ createDeployment: Dep }>(Q.createDeployment, { ws, label: 'Tiny', version: '2.9.3', config: { executor: 'LocalExecutor', scheduler: { resources: { limits: { cpu: 100, memory: 384 } } }, webserver: { resources: { limits: { cpu: 100, memory: 384 } } } } })).createDeployment
      return { ...s, create }
    })()
    await editor.data(UPGRADE, { id: finance, v: '2.10.5' })
    expect(await read(finance)).toMatchObject({ desiredAirflowVersion: '2.10.5' })
    const cancelled = await editor.data<{ cancelUpgradeDeployment: Dep }>(CANCEL, { id: finance })
    expect(cancelled.cancelUpgradeDeployment).toMatchObject({ airflowVersion: '2.9.3', desiredAirflowVersion: null, status: 'HEALTHY' })
    expect(await editor.error(CANCEL, { id: finance })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deploymentUuid' })
    // The platform upgrades a deployment on its own image at once: nothing left to cancel.
    const tiny = await create()
    clock.advance(DEPLOY_DURATION_MS)
    await editor.data(UPGRADE, { id: tiny.id, v: '2.10.5' })
    expect((await editor.error(CANCEL, { id: tiny.id })).code).toBe('CONFLICT')
  })

  test('deprecated and yanked versions are for admins only', async () => {
    const { editor, signIn } = await session()
    // Email Metrics runs 2.5.3; 2.7.3 is yanked.
    const refused = await editor.error(UPGRADE, { id: emailMetrics, v: '2.7.3' })
    expect(refused).toMatchObject({ code: 'FORBIDDEN', extensions: { permission: 'deployment.airflow.admin' } })
    expect(refused.message).toMatch(/which is yanked/)
    const wsadmin = await signIn('wsadmin@example.com')
    expect((await wsadmin.data<{ upgradeDeployment: Dep }>(UPGRADE, { id: emailMetrics, v: '2.7.3' })).upgradeDeployment.desiredAirflowVersion).toBe('2.7.3')
    expect((await editor.error(Q.createDeployment, { ws, label: 'Old', version: '1.10.15' })).code).toBe('FORBIDDEN')
    const admin = await signIn('admin@example.com')
    await expect(admin.data(Q.createDeployment, { ws, label: 'Old', version: '1.10.15', config: { executor: 'LocalExecutor' } })).resolves.toBeTruthy()
  })

  test('the default sizing of a new deployment includes the triggerer where its version has one', () => {
    expect(defaultSizing(PLATFORM, 'CeleryExecutor', '2.10.5').components.triggerer).toEqual({ au: 5, replicas: 1 })
    expect(defaultSizing(PLATFORM, 'CeleryExecutor', '2.0.0').components.triggerer).toBeUndefined()
    expect(defaultSizing(PLATFORM, 'CeleryExecutor').components.triggerer).toBeUndefined()
  })
})
