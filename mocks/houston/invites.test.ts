import { describe, expect, test } from 'vitest'
import { stableId } from './random'
import { SEED_IDS } from './seed'
import { testHouston } from './test-utils'

const dp = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl
const finance = stableId('deployment:finance-reporting')
const campaign = stableId('deployment:campaign-attribution')

const ADD = `mutation($ws: Uuid!, $e: String!, $r: Role, $d: [DeploymentRoleInput!]) {
  workspaceAddUser(workspaceUuid: $ws, email: $e, role: $r, deploymentRoles: $d) { invites { email role deploymentRoles { role deployment { label } } } } }`
const CREATE_USER = `mutation($e: String!, $p: String!, $n: String, $t: String) {
  createUser(email: $e, password: $p, fullName: $n, inviteToken: $t) { token { value } user { username fullName status } } }`
const PERMS = 'query($d: Uuid!) { deployment(deploymentUuid: $d) { viewerPermissions } }'

describe('inviting with deployment roles', () => {
  test('an invite keeps them; accepting it grants them with the workspace role and uses the invite up', async () => {
    const { houston, signIn, anonymous } = testHouston()
    const admin = await signIn('admin@example.com')
    const r = await admin.data<{ workspaceAddUser: { invites: { email: string; role: string; deploymentRoles: unknown[] }[] } }>(ADD, {
      ws: dp,
      e: 'Dana.New@Example.com',
      r: 'WORKSPACE_VIEWER',
      d: [{ deploymentUuid: etl, role: 'DEPLOYMENT_EDITOR' }],
    })
    expect(r.workspaceAddUser.invites).toContainEqual({ email: 'dana.new@example.com', role: 'WORKSPACE_VIEWER', deploymentRoles: [{ role: 'DEPLOYMENT_EDITOR', deployment: { label: 'Customer ETL' } }] })

    // The token travels by email; the test reads it from the store.
    const token = Object.values(houston.contextFor(null).store.state.invites).find((i) => i.email === 'dana.new@example.com')?.token
    expect(token).toBeTruthy()
    expect(await anonymous.error(CREATE_USER, { e: 'dana.new@example.com', p: 'long enough' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inviteToken' })
    expect(await anonymous.error(CREATE_USER, { e: 'someone.else@example.com', p: 'long enough', t: token })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inviteToken' })
    expect(await anonymous.error(CREATE_USER, { e: 'dana.new@example.com', p: 'short', t: token })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' })

    const created = await anonymous.data<{ createUser: { token: { value: string }; user: { username: string; fullName: string; status: string } } }>(CREATE_USER, {
      e: 'dana.new@example.com',
      p: 'long enough',
      n: ' Dana New ',
      t: token,
    })
    expect(created.createUser.user).toEqual({ username: 'dana.new', fullName: 'Dana New', status: 'active' })
    const dana = await signIn('dana.new@example.com', 'long enough')
    expect((await dana.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: etl })).deployment.viewerPermissions).toContain('deployment.config.update')
    expect((await dana.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: finance })).deployment.viewerPermissions).not.toContain('deployment.config.update')
    const invites = await admin.data<{ workspaceInvites: unknown[] }>('query($ws: Uuid!) { workspaceInvites(workspaceUuid: $ws, invite: { email: "dana.new" }) { id } }', { ws: dp })
    expect(invites.workspaceInvites).toEqual([])
    // Used up: the same token makes no second account.
    expect((await anonymous.error(CREATE_USER, { e: 'dana.new@example.com', p: 'long enough', t: token })).field).toBe('inviteToken')
  })

  test('an existing user gets the deployment roles at once, replacing one they had there', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    // Tom Baker is in Marketing only.
    await admin.data(ADD, { ws: dp, e: 'tom.baker@example.com', r: 'WORKSPACE_VIEWER', d: [{ deploymentUuid: finance, role: 'DEPLOYMENT_ADMIN' }] })
    const tom = await signIn('tom.baker@example.com')
    expect((await tom.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: finance })).deployment.viewerPermissions).toContain('deployment.config.delete')
    expect((await tom.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: etl })).deployment.viewerPermissions).not.toContain('deployment.config.update')
  })

  test('refuses a deployment of another workspace, a role of the wrong scope, and one above the granter’s own', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    expect(await admin.error(ADD, { ws: dp, e: 'x@example.com', d: [{ deploymentUuid: campaign, role: 'DEPLOYMENT_VIEWER' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deploymentRoles[0].deploymentUuid',
    })
    expect(await admin.error(ADD, { ws: dp, e: 'x@example.com', d: [{ deploymentUuid: etl, role: 'WORKSPACE_ADMIN' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deploymentRoles[0].role',
    })
    expect(await admin.error(ADD, { ws: dp, e: 'x@example.com', d: [{ deploymentUuid: etl, role: 'DEPLOYMENT_VIEWER' }, { deploymentUuid: etl, role: 'DEPLOYMENT_EDITOR' }] })).toMatchObject({
      field: 'deploymentRoles[1].deploymentUuid',
    })
    // Nothing was invited by the refused calls.
    const invites = await admin.data<{ workspaceInvites: unknown[] }>('query($ws: Uuid!) { workspaceInvites(workspaceUuid: $ws, invite: { email: "x@example.com" }) { id } }', { ws: dp })
    expect(invites.workspaceInvites).toEqual([])
  })

  test('a deleted deployment drops out of an invite', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    await admin.data(ADD, { ws: dp, e: 'late@example.com', d: [{ deploymentUuid: etl, role: 'DEPLOYMENT_EDITOR' }, { deploymentUuid: finance, role: 'DEPLOYMENT_VIEWER' }] })
    await admin.data('mutation($d: Uuid!) { deleteDeployment(deploymentUuid: $d) { id } }', { d: finance })
    const r = await admin.data<{ workspaceInvites: { deploymentRoles: { deployment: { label: string } }[] }[] }>(
      'query($ws: Uuid!) { workspaceInvites(workspaceUuid: $ws, invite: { email: "late@" }) { deploymentRoles { deployment { label } } } }',
      { ws: dp },
    )
    expect(r.workspaceInvites[0]?.deploymentRoles.map((d) => d.deployment.label)).toEqual(['Customer ETL'])
  })
})
