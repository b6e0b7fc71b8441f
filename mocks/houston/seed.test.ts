import { describe, expect, test } from 'vitest'
import { ROLES, roleScope } from '../../src/lib/permissions'
import { createHouston } from './index'
import { SEED_IDS, seedState } from './seed'
import { SEEDED_ACCOUNTS } from './seed-accounts'
import { deploymentAu } from './sizing'
import { STATE_VERSION } from './state'
import { clientOf, Q, SDL, T0, testHouston } from './test-utils'

describe('the demo seed', () => {
  const state = seedState('demo', T0)
  const deployments = Object.values(state.deployments)
  const users = Object.values(state.users)
  const bindings = Object.values(state.roleBindings)

  test('is deterministic: the same seed twice is the same state', () => {
    expect(JSON.stringify(seedState('demo', T0))).toBe(JSON.stringify(state))
    // Ids do not depend on the clock.
    expect(Object.keys(seedState('demo', T0 + 86_400_000).deployments)).toEqual(Object.keys(state.deployments))
  })

  test('has the workspaces, each within its quota, one nearly full', () => {
    const labels = Object.values(state.workspaces).map((w) => w.label)
    expect(labels).toEqual(expect.arrayContaining(['Data Platform', 'Marketing Analytics', 'ML Research']))
    for (const ws of Object.values(state.workspaces)) {
      const used = deployments.filter((d) => d.workspaceId === ws.id).reduce((sum, d) => sum + deploymentAu(d), 0)
      expect(used).toBeLessThanOrEqual(ws.auQuota)
    }
    expect(state.workspaces[SEED_IDS.marketing]?.auQuota).toBe(100)
  })

  test('has 12+ deployments over every executor and status, with unique release names', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(12)
    expect(new Set(deployments.map((d) => d.config.executor))).toEqual(new Set(['LocalExecutor', 'CeleryExecutor', 'KubernetesExecutor']))
    expect(new Set(deployments.map((d) => d.status))).toEqual(new Set(['HEALTHY', 'DEPLOYING', 'UNHEALTHY', 'UNKNOWN']))
    expect(new Set(deployments.map((d) => d.releaseName)).size).toBe(deployments.length)
    expect(deployments.some((d) => d.environmentVariables.some((v) => v.isSecret))).toBe(true)
  })

  test('has 40+ users, every role at every scope, pending and inactive users', () => {
    expect(users.length).toBeGreaterThanOrEqual(40)
    const userRoles = new Set(bindings.filter((b) => b.userId).map((b) => b.role))
    expect([...userRoles].sort()).toEqual([...ROLES].sort())
    expect(users.some((u) => u.status === 'pending')).toBe(true)
    expect(users.some((u) => u.status === 'inactive')).toBe(true)
    for (const b of bindings) {
      if (roleScope(b.role) === 'DEPLOYMENT') expect(b.workspaceId).toBe(state.deployments[b.deploymentId ?? '']?.workspaceId)
    }
  })

  test('has invites and service accounts of both kinds, some used', () => {
    expect(Object.keys(state.invites).length).toBeGreaterThanOrEqual(3)
    const accounts = Object.values(state.serviceAccounts)
    expect(new Set(accounts.map((a) => a.entityType))).toEqual(new Set(['WORKSPACE', 'DEPLOYMENT']))
    expect(accounts.some((a) => a.lastUsedAt !== null)).toBe(true)
    for (const a of accounts) expect(bindings.filter((b) => b.serviceAccountId === a.id)).toHaveLength(1)
  })

  test('every seeded account exists with the roles its description promises', () => {
    const expected: Record<string, string[]> = {
      'admin@example.com': ['SYSTEM_ADMIN', 'WORKSPACE_ADMIN'],
      'editor@example.com': ['WORKSPACE_EDITOR', 'WORKSPACE_EDITOR'],
      'viewer@example.com': ['WORKSPACE_VIEWER'],
      'wsadmin@example.com': ['WORKSPACE_ADMIN'],
      'sysviewer@example.com': ['SYSTEM_VIEWER'],
      'sysedit@example.com': ['SYSTEM_EDITOR'],
      'deployeditor@example.com': ['DEPLOYMENT_EDITOR', 'WORKSPACE_VIEWER'],
      'newbie@example.com': [],
    }
    expect(SEEDED_ACCOUNTS.map((a) => a.email)).toEqual(Object.keys(expected))
    for (const account of SEEDED_ACCOUNTS) {
      const user = users.find((u) => u.email === account.email)
      expect(user?.status).toBe('active')
      const roles = bindings.filter((b) => b.userId === user?.id).map((b) => b.role).sort()
      expect(roles).toEqual(expected[account.email])
    }
    const wsadmins = bindings.filter((b) => b.workspaceId === SEED_IDS.marketing && b.role === 'WORKSPACE_ADMIN' && b.userId)
    expect(wsadmins).toHaveLength(1)
  })
})

describe('snapshot, restore and reset', () => {
  test('a snapshot restores the whole state, sessions included, and ids continue without clashing', async () => {
    const { houston, signIn, clock } = testHouston()
    const editor = await signIn('editor@example.com')
    const created = await editor.data<{ createWorkspace: { id: string } }>('mutation { createWorkspace(label: "Persisted") { id } }')
    const snap = houston.snapshot()
    expect(JSON.parse(snap)).toMatchObject({ format: 'fake-houston', version: STATE_VERSION })

    const restored = createHouston({ sdl: SDL, now: clock.now, snapshot: snap })
    const again = clientOf(restored, editor.token)
    const { workspaces } = await again.data<{ workspaces: { id: string; label: string }[] }>(Q.workspaces)
    expect(workspaces.map((w) => w.label)).toContain('Persisted')
    const next = await again.data<{ createWorkspace: { id: string } }>('mutation { createWorkspace(label: "Second") { id } }')
    const nextInOriginal = await editor.data<{ createWorkspace: { id: string } }>('mutation { createWorkspace(label: "Second") { id } }')
    expect(next.createWorkspace.id).toBe(nextInOriginal.createWorkspace.id)
    expect(next.createWorkspace.id).not.toBe(created.createWorkspace.id)
  })

  test('a deploy in flight finishes on the clock after a restore', async () => {
    const { houston, signIn, clock } = testHouston()
    const editor = await signIn('editor@example.com')
    await editor.data(Q.updateDeployment, { id: SEED_IDS.customerEtl, config: { workers: { replicas: 2 } } })
    const restored = createHouston({ sdl: SDL, now: clock.now, snapshot: houston.snapshot() })
    const client = clientOf(restored, editor.token)
    const read = async () => (await client.data<{ deployment: { status: string } }>(Q.deployment, { id: SEED_IDS.customerEtl })).deployment.status
    expect(await read()).toBe('DEPLOYING')
    clock.advance(4000)
    expect(await read()).toBe('HEALTHY')
  })

  test.each([
    ['not JSON', '{oops'],
    ['another format', JSON.stringify({ hello: 'world' })],
    ['another version', JSON.stringify({ format: 'fake-houston', version: STATE_VERSION + 1, state: {} })],
  ])('ignores a snapshot that is %s', (_what, snapshot) => {
    const h = createHouston({ sdl: SDL, now: () => T0, snapshot })
    expect(h.snapshot()).toBe(createHouston({ sdl: SDL, now: () => T0 }).snapshot())
  })

  test('ignores a snapshot of the other seed', () => {
    const demo = createHouston({ sdl: SDL, now: () => T0 })
    const h = createHouston({ sdl: SDL, now: () => T0, seed: 'large', snapshot: demo.snapshot() })
    expect(h.contextFor(null).store.workspace(SEED_IDS.scaleLab)).toBeDefined()
  })

  test('reset goes back to the seed', async () => {
    const { houston, signIn } = testHouston()
    const editor = await signIn('editor@example.com')
    await editor.data('mutation { createWorkspace(label: "Gone after reset") { id } }')
    houston.reset()
    expect((await editor.error(Q.workspaces)).code).toBe('UNAUTHENTICATED')
    const again = await signIn('editor@example.com')
    const { workspaces } = await again.data<{ workspaces: { label: string }[] }>(Q.workspaces)
    expect(workspaces.map((w) => w.label)).toEqual(['Data Platform', 'Marketing Analytics'])
  })
})

describe('the large seed', () => {
  test('adds Scale Lab with 1,000 deployments and 10,000 extra users', async () => {
    const { signIn } = testHouston({ seed: 'large' })
    const admin = await signIn('admin@example.com')
    const r = await admin.data<{ workspace: { label: string; deploymentCount: number; auUsed: number; auQuota: number } }>(Q.workspace, {
      id: SEED_IDS.scaleLab,
    })
    expect(r.workspace.label).toBe('Scale Lab')
    expect(r.workspace.deploymentCount).toBe(1000)
    expect(r.workspace.auUsed).toBeLessThanOrEqual(r.workspace.auQuota)
    const { users } = await admin.data<{ users: { id: string }[] }>('{ users { id } }')
    expect(users.length).toBe(Object.keys(seedState('demo', T0).users).length + 10_000)
    const member = await signIn('scale.user00042@scale.example.com')
    const { workspaces } = await member.data<{ workspaces: { label: string }[] }>(Q.workspaces)
    expect(workspaces.map((w) => w.label)).toEqual(['Scale Lab'])
  })
})
