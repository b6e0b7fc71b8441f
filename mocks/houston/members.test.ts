import { describe, expect, test } from 'vitest'
import { stableId } from './random'
import { SEED_IDS } from './seed'
import { testHouston } from './test-utils'

const mk = SEED_IDS.marketing
const dp = SEED_IDS.dataPlatform

const ADD = 'mutation($ws: Uuid!, $e: String!, $r: Role) { workspaceAddUser(workspaceUuid: $ws, email: $e, role: $r) { id invites { email role } roleBindings { role user { emails { address } } } } }'
const SET_ROLE = 'mutation($ws: Uuid!, $e: String!, $r: Role!) { workspaceUpdateUserRole(workspaceUuid: $ws, email: $e, role: $r) }'
const REMOVE = 'mutation($ws: Uuid!, $u: Uuid!) { workspaceRemoveUser(workspaceUuid: $ws, userUuid: $u) { id } }'
const USERS = 'query($ws: Uuid!, $s: UserSearch) { workspaceUsers(workspaceUuid: $ws, user: $s) { id username status emails { address } roleBindings { role workspace { id } deployment { id } } } }'
const INVITES = 'query($ws: Uuid!, $s: InviteSearch) { workspaceInvites(workspaceUuid: $ws, invite: $s) { id email role workspace { label } } }'

interface AddResult {
  workspaceAddUser: { invites: { email: string; role: string }[]; roleBindings: { role: string; user: { emails: { address: string }[] } }[] }
}

describe('workspaceAddUser', () => {
  test('adds an existing user at once, with the role given (viewer by default)', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    const r = await wsadmin.data<AddResult>(ADD, { ws: mk, e: 'Newbie@Example.com' })
    expect(r.workspaceAddUser.roleBindings).toContainEqual({ role: 'WORKSPACE_VIEWER', user: { emails: [{ address: 'newbie@example.com' }] } })
    const newbie = await signIn('newbie@example.com')
    const { workspaces } = await newbie.data<{ workspaces: { label: string }[] }>('{ workspaces { label } }')
    expect(workspaces.map((w) => w.label)).toEqual(['Marketing Analytics'])
  })

  test('invites an unknown email: a pending invite, no user', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    const r = await wsadmin.data<AddResult>(ADD, { ws: mk, e: 'fresh@agency.example', r: 'WORKSPACE_EDITOR' })
    expect(r.workspaceAddUser.invites).toContainEqual({ email: 'fresh@agency.example', role: 'WORKSPACE_EDITOR' })
    const invites = await wsadmin.data<{ workspaceInvites: { email: string; workspace: { label: string } }[] }>(INVITES, { ws: mk, s: { email: 'fresh' } })
    expect(invites.workspaceInvites).toEqual([expect.objectContaining({ email: 'fresh@agency.example', workspace: { label: 'Marketing Analytics' } })])
  })

  test('refuses a duplicate member, a duplicate invite and a malformed email', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    expect(await wsadmin.error(ADD, { ws: mk, e: 'editor@example.com' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' })
    expect(await wsadmin.error(ADD, { ws: mk, e: 'agency@adpartner.example' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' })
    for (const bad of ['', 'plainaddress', 'a@b', 'two@@example.com', 'spa ce@example.com']) {
      expect(await wsadmin.error(ADD, { ws: mk, e: bad })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' })
    }
  })

  test('a workspace role only: a deployment or system role is refused', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    expect(await wsadmin.error(ADD, { ws: mk, e: 'x@example.com', r: 'SYSTEM_ADMIN' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' })
    expect(await wsadmin.error(ADD, { ws: mk, e: 'x@example.com', r: 'DEPLOYMENT_ADMIN' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' })
  })
})

describe('workspaceUpdateUserRole and workspaceRemoveUser', () => {
  test('changes a member role; also the role of a pending invite', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    expect(await wsadmin.data(SET_ROLE, { ws: mk, e: 'tom.baker@example.com', r: 'WORKSPACE_EDITOR' })).toEqual({ workspaceUpdateUserRole: 'WORKSPACE_EDITOR' })
    await wsadmin.data(SET_ROLE, { ws: mk, e: 'agency@adpartner.example', r: 'WORKSPACE_EDITOR' })
    const invites = await wsadmin.data<{ workspaceInvites: { role: string }[] }>(INVITES, { ws: mk, s: { email: 'agency@adpartner.example' } })
    expect(invites.workspaceInvites.map((i) => i.role)).toEqual(['WORKSPACE_EDITOR'])
    expect(await wsadmin.error(SET_ROLE, { ws: mk, e: 'stranger@example.com', r: 'WORKSPACE_EDITOR' })).toMatchObject({ code: 'NOT_FOUND', field: 'email' })
  })

  test('the last admin can be neither demoted nor removed', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    const demote = await wsadmin.error(SET_ROLE, { ws: mk, e: 'wsadmin@example.com', r: 'WORKSPACE_EDITOR' })
    expect(demote.code).toBe('LAST_ADMIN')
    expect(demote.message).toMatch(/last admin of workspace Marketing Analytics/)
    const remove = await wsadmin.error(REMOVE, { ws: mk, u: stableId('user:wsadmin') })
    expect(remove.code).toBe('LAST_ADMIN')

    // With a second admin, the first may step down.
    await wsadmin.data(SET_ROLE, { ws: mk, e: 'grace.kim@example.com', r: 'WORKSPACE_ADMIN' })
    await expect(wsadmin.data(SET_ROLE, { ws: mk, e: 'wsadmin@example.com', r: 'WORKSPACE_VIEWER' })).resolves.toBeTruthy()
  })

  test('removing a member also ends their deployment roles there', async () => {
    const { signIn } = testHouston()
    const priya = await signIn('priya.shah@example.com')
    await priya.data(REMOVE, { ws: dp, u: stableId('user:deployeditor') })
    const dana = await signIn('deployeditor@example.com')
    const self = await dana.data<{ self: { user: { roleBindings: unknown[] } } }>('{ self { user { roleBindings { role } } } }')
    expect(self.self.user.roleBindings).toEqual([])
    expect(await priya.error(REMOVE, { ws: dp, u: stableId('user:deployeditor') })).toMatchObject({ code: 'NOT_FOUND', field: 'userUuid' })
  })
})

describe('deleteInviteToken', () => {
  test('revokes an invite; only workspace admins may', async () => {
    const { signIn } = testHouston()
    const DEL = 'mutation($id: Uuid!) { deleteInviteToken(inviteUuid: $id) { email workspace { label } } }'
    const id = stableId('invite:marketing:agency@adpartner.example')
    const editor = await signIn('editor@example.com')
    expect((await editor.error(DEL, { id })).code).toBe('FORBIDDEN')
    const wsadmin = await signIn('wsadmin@example.com')
    expect(await wsadmin.data(DEL, { id })).toEqual({ deleteInviteToken: { email: 'agency@adpartner.example', workspace: { label: 'Marketing Analytics' } } })
    expect((await wsadmin.error(DEL, { id })).code).toBe('NOT_FOUND')
  })
})

describe('granting roles', () => {
  test('a user cannot grant a role above their own', async () => {
    const { signIn } = testHouston()
    // An editor may create service accounts, but not with the admin role.
    const editor = await signIn('editor@example.com')
    const SA = 'mutation($ws: Uuid!, $r: Role!) { createWorkspaceServiceAccount(workspaceUuid: $ws, label: "Bot", role: $r) { id } }'
    const e = await editor.error(SA, { ws: dp, r: 'WORKSPACE_ADMIN' })
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/above your own role \(WORKSPACE_EDITOR\)/)
    expect(e.extensions?.grantableRoles).toEqual(['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR'])
    await expect(editor.data(SA, { ws: dp, r: 'WORKSPACE_EDITOR' })).resolves.toBeTruthy()

    const sysedit = await signIn('sysedit@example.com')
    const SYS = 'mutation($u: Uuid!, $r: Role!) { createSystemRoleBinding(userId: $u, role: $r) { role } }'
    expect((await sysedit.error(SYS, { u: stableId('user:newbie'), r: 'SYSTEM_ADMIN' })).code).toBe('FORBIDDEN')
    await expect(sysedit.data(SYS, { u: stableId('user:newbie'), r: 'SYSTEM_EDITOR' })).resolves.toBeTruthy()
  })
})

describe('deployment-level roles', () => {
  const ADD_ROLE = 'mutation($d: Uuid!, $u: Uuid!, $r: Role!) { deploymentAddUserRole(deploymentUuid: $d, userId: $u, role: $r) { role user { username } deployment { label } workspace { label } } }'
  const UPDATE_ROLE = 'mutation($d: Uuid!, $u: Uuid!, $r: Role!) { deploymentUpdateUserRole(deploymentUuid: $d, userId: $u, role: $r) { role } }'
  const REMOVE_ROLE = 'mutation($d: Uuid!, $u: Uuid!) { deploymentRemoveUserRole(deploymentUuid: $d, userId: $u) { role } }'
  const BINDINGS = 'query($d: Uuid!) { deployment(deploymentUuid: $d) { roleBindings { role user { username } } } }'

  test('add, change and remove an override; the deployment lists it', async () => {
    const { signIn } = testHouston()
    const priya = await signIn('priya.shah@example.com')
    const d = SEED_IDS.customerEtl
    const u = stableId('user:viewer')
    const added = await priya.data(ADD_ROLE, { d, u, r: 'DEPLOYMENT_ADMIN' })
    expect(added).toEqual({ deploymentAddUserRole: { role: 'DEPLOYMENT_ADMIN', user: { username: 'viewer' }, deployment: { label: 'Customer ETL' }, workspace: { label: 'Data Platform' } } })
    expect(await priya.error(ADD_ROLE, { d, u, r: 'DEPLOYMENT_EDITOR' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' })
    expect(await priya.error(ADD_ROLE, { d, u: stableId('user:newbie'), r: 'WORKSPACE_ADMIN' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' })

    const viewer = await signIn('viewer@example.com')
    const perms = await viewer.data<{ deployment: { viewerPermissions: string[] } }>('query($d: Uuid!) { deployment(deploymentUuid: $d) { viewerPermissions } }', { d })
    expect(perms.deployment.viewerPermissions).toContain('deployment.config.delete')

    await priya.data(UPDATE_ROLE, { d, u, r: 'DEPLOYMENT_EDITOR' })
    const listed = await priya.data<{ deployment: { roleBindings: { role: string; user: { username: string } }[] } }>(BINDINGS, { d })
    expect(listed.deployment.roleBindings).toContainEqual({ role: 'DEPLOYMENT_EDITOR', user: { username: 'viewer' } })
    expect(listed.deployment.roleBindings).toContainEqual({ role: 'DEPLOYMENT_EDITOR', user: { username: 'deployeditor' } })

    await priya.data(REMOVE_ROLE, { d, u })
    expect(await priya.error(REMOVE_ROLE, { d, u })).toMatchObject({ code: 'NOT_FOUND', field: 'userId' })
    expect(await priya.error(UPDATE_ROLE, { d, u, r: 'DEPLOYMENT_VIEWER' })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('workspaceUsers', () => {
  test('lists the members with their roles, searchable', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const all = await viewer.data<{ workspaceUsers: { username: string; status: string }[] }>(USERS, { ws: dp })
    expect(all.workspaceUsers).toHaveLength(15)
    expect(all.workspaceUsers.map((u) => u.status)).toEqual(expect.arrayContaining(['active', 'pending', 'inactive']))
    const found = await viewer.data<{ workspaceUsers: { username: string }[] }>(USERS, { ws: dp, s: { searchPhrase: 'PRIYA' } })
    expect(found.workspaceUsers.map((u) => u.username)).toEqual(['priya.shah'])
    const byName = await viewer.data<{ workspaceUsers: { username: string }[] }>(USERS, { ws: dp, s: { fullName: 'müller' } })
    expect(byName.workspaceUsers.map((u) => u.username)).toEqual(['hannah.mueller'])
  })

  test("another member's bindings show only what the viewer may see", async () => {
    const { signIn } = testHouston()
    // editor@ is in Data Platform and Marketing; viewer@ sees only Data Platform's part.
    const viewer = await signIn('viewer@example.com')
    const r = await viewer.data<{ workspaceUsers: { username: string; roleBindings: { workspace: { id: string } | null }[] }[] }>(USERS, { ws: dp, s: { username: 'editor' } })
    const editor = r.workspaceUsers.find((u) => u.username === 'editor')
    expect(editor?.roleBindings.map((b) => b.workspace?.id)).toEqual([dp])
  })
})
