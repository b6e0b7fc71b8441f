import { describe, expect, test } from 'vitest'
import { SEED_IDS } from './seed'
import { Q, testHouston } from './test-utils'

const CREATE = 'mutation($l: String!, $d: String) { createWorkspace(label: $l, description: $d) { id label description auQuota auUsed deploymentCount roleBindings { role user { emails { address } } } } }'
const UPDATE = 'mutation($id: Uuid!, $p: JSON!) { updateWorkspace(workspaceUuid: $id, payload: $p) { label description updatedAt } }'
const DELETE = 'mutation($id: Uuid!) { deleteWorkspace(workspaceUuid: $id) { id label } }'
const QUOTA = 'mutation($id: Uuid!, $q: Int!) { updateWorkspaceQuota(workspaceUuid: $id, auQuota: $q) { auQuota auUsed } }'

interface Ws {
  id: string
  label: string
  description: string | null
  auQuota: number
  roleBindings: { role: string; user: { emails: { address: string }[] } }[]
}

describe('createWorkspace', () => {
  test('anyone signed in creates one and becomes its admin', async () => {
    const { signIn } = testHouston()
    const newbie = await signIn('newbie@example.com')
    const { createWorkspace } = await newbie.data<{ createWorkspace: Ws }>(CREATE, { l: '  Growth  ', d: 'Experiments' })
    expect(createWorkspace).toMatchObject({ label: 'Growth', description: 'Experiments', auQuota: 100, auUsed: 0, deploymentCount: 0 })
    expect(createWorkspace.roleBindings).toEqual([{ role: 'WORKSPACE_ADMIN', user: { emails: [{ address: 'newbie@example.com' }] } }])
    const { workspaces } = await newbie.data<{ workspaces: { label: string }[] }>(Q.workspaces)
    expect(workspaces.map((w) => w.label)).toEqual(['Growth'])
  })

  test.each([[''], ['   '], ['x'.repeat(101)]])('refuses the label %j', async (label) => {
    const { signIn } = testHouston()
    const newbie = await signIn('newbie@example.com')
    expect(await newbie.error(CREATE, { l: label })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' })
  })

  test('accepts a label of exactly 100 characters', async () => {
    const { signIn } = testHouston()
    const newbie = await signIn('newbie@example.com')
    await expect(newbie.data(CREATE, { l: 'x'.repeat(100) })).resolves.toBeTruthy()
  })
})

describe('updateWorkspace', () => {
  test('changes the label and description given in the payload', async () => {
    const { signIn, clock } = testHouston()
    const editor = await signIn('editor@example.com')
    clock.advance(1000)
    const r = await editor.data<{ updateWorkspace: { label: string; description: string | null; updatedAt: string } }>(UPDATE, {
      id: SEED_IDS.dataPlatform,
      p: { label: 'Data Platform Team', description: null },
    })
    expect(r.updateWorkspace).toMatchObject({ label: 'Data Platform Team', description: null, updatedAt: new Date(clock.now()).toISOString() })
  })

  test('validates the payload with its JSON path', async () => {
    const { signIn } = testHouston()
    const editor = await signIn('editor@example.com')
    const id = SEED_IDS.dataPlatform
    expect(await editor.error(UPDATE, { id, p: { label: ' ' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payload.label' })
    expect(await editor.error(UPDATE, { id, p: { label: 3 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payload.label' })
    expect(await editor.error(UPDATE, { id, p: { quota: 3 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payload.quota' })
    expect(await editor.error(UPDATE, { id, p: 'rename' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'payload' })
  })
})

describe('deleteWorkspace', () => {
  test('is refused while the workspace has deployments, saying how many', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('priya.shah@example.com')
    const e = await admin.error(DELETE, { id: SEED_IDS.dataPlatform })
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toMatch(/still has 6 deployments/)
    expect(e.extensions?.deploymentCount).toBe(6)
  })

  test('removes an empty workspace with its members, invites and service accounts', async () => {
    const { signIn } = testHouston()
    const jordan = await signIn('jordan.blake@example.com')
    const r = await jordan.data<{ deleteWorkspace: { label: string } }>(DELETE, { id: SEED_IDS.sandbox })
    expect(r.deleteWorkspace.label).toBe('Platform Sandbox')
    expect((await jordan.error(Q.workspace, { id: SEED_IDS.sandbox })).code).toBe('NOT_FOUND')
    const zoe = await signIn('zoe.martin@example.com')
    expect((await zoe.data<{ workspaces: unknown[] }>(Q.workspaces)).workspaces).toEqual([])
  })
})

describe('updateWorkspaceQuota', () => {
  test('a system admin sets the quota', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const r = await admin.data<{ updateWorkspaceQuota: { auQuota: number; auUsed: number } }>(QUOTA, { id: SEED_IDS.marketing, q: 150 })
    expect(r.updateWorkspaceQuota).toEqual({ auQuota: 150, auUsed: 88 })
  })

  test('not below what the workspace uses now, with the numbers', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const e = await admin.error(QUOTA, { id: SEED_IDS.marketing, q: 80 })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'auQuota', extensions: { usedAu: 88 } })
    expect(e.message).toMatch(/uses 88 AU now.*asked for 80 AU/)
    expect(await admin.error(QUOTA, { id: SEED_IDS.marketing, q: -1 })).toMatchObject({ field: 'auQuota' })
    await expect(admin.data(QUOTA, { id: SEED_IDS.marketing, q: 88 })).resolves.toBeTruthy()
  })

  test('without AU, the quota must cover the CPU and memory in use, and the refusal says so in those', async () => {
    const { signIn } = testHouston({ auEnabled: false })
    const admin = await signIn('admin@example.com')
    const USE = 'query($id: Uuid!) { workspace(workspaceUuid: $id) { cpuUsed memoryUsed } }'
    const { workspace } = await admin.data<{ workspace: { cpuUsed: number; memoryUsed: number } }>(USE, { id: SEED_IDS.marketing })
    // The smallest quota (in AU, 100 millicpu and 384 MiB each) that covers both.
    const fits = Math.max(Math.ceil(workspace.cpuUsed / 100), Math.ceil(workspace.memoryUsed / 384))
    const e = await admin.error(QUOTA, { id: SEED_IDS.marketing, q: fits - 1 })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'auQuota', extensions: { usedCpu: workspace.cpuUsed, usedMemory: workspace.memoryUsed } })
    expect(e.message).toMatch(/uses [\d.]+ CPU and [\d.]+ (GiB|MiB) now.*asked for [\d.]+ CPU and/)
    await expect(admin.data(QUOTA, { id: SEED_IDS.marketing, q: fits })).resolves.toBeTruthy()
  })
})

describe('workspace fields', () => {
  test('quota usage counts every deployment, the one deploying at its new size', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const r = await viewer.data<{ workspace: { auQuota: number; auUsed: number; deploymentCount: number } }>(Q.workspace, { id: SEED_IDS.dataPlatform })
    expect(r.workspace).toMatchObject({ auQuota: 250, auUsed: 187, deploymentCount: 6 })
  })

  test('invites need workspace.invites.get: a deployment-only user is refused', async () => {
    const { signIn } = testHouston()
    const omar = await signIn('omar.haddad@example.com')
    const e = await omar.error('query($id: Uuid!) { workspace(workspaceUuid: $id) { label invites { email } } }', { id: SEED_IDS.mlResearch })
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/workspace\.invites\.get/)
    expect(e.path).toEqual(['workspace', 'invites'])
  })
})
