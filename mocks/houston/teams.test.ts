import { describe, expect, test } from 'vitest'
import { stableId } from './random'
import { SEED_IDS } from './seed'
import { testHouston } from './test-utils'

const dp = SEED_IDS.dataPlatform
const mk = SEED_IDS.marketing
const etl = SEED_IDS.customerEtl
const eventIngestion = stableId('deployment:event-ingestion')
const campaign = stableId('deployment:campaign-attribution')
const adSpend = stableId('deployment:ad-spend')
const dataEngineering = stableId('team:data-engineering')
const financeAnalysts = stableId('team:finance-analysts')
const viewer = stableId('user:viewer')
const newbie = stableId('user:newbie')

const TEAMS = '{ teams { name source provider users { username } roleBindings { role workspace { label } deployment { label } } } }'
const CREATE = 'mutation($n: String!, $u: [Uuid!], $r: Role) { createTeam(name: $n, userIds: $u, systemRole: $r) { id name source users { username } } }'
const ADD = 'mutation($ws: Uuid!, $t: Uuid!, $r: Role!, $d: [DeploymentRoleInput!]) { workspaceAddTeam(workspaceUuid: $ws, teamUuid: $t, role: $r, deploymentRoles: $d) { id roleBindings { role workspace { id } deployment { id } } } }'
const UPDATE_ROLE = 'mutation($ws: Uuid!, $t: Uuid!, $r: Role!, $d: [DeploymentRoleInput!]) { workspaceUpdateTeamRole(workspaceUuid: $ws, teamUuid: $t, role: $r, deploymentRoles: $d) { roleBindings { role deployment { id } } } }'
const REMOVE = 'mutation($ws: Uuid!, $t: Uuid!) { workspaceRemoveTeam(workspaceUuid: $ws, teamUuid: $t) { id } }'
const SCALE = 'mutation($d: Uuid!) { updateDeployment(deploymentUuid: $d, payload: { description: "Scaled by a team member" }) { id } }'
const PERMS = 'query($d: Uuid!) { deployment(deploymentUuid: $d) { viewerPermissions } }'
const SELF = '{ self { isAdmin permissions user { teams { name } roleBindings { role team { name } workspace { label } deployment { label } } } } }'

interface SelfData {
  self: { isAdmin: boolean; permissions: string[]; user: { teams: { name: string }[]; roleBindings: { role: string; team: { name: string } | null; workspace: { label: string } | null; deployment: { label: string } | null }[] } }
}

describe('teams in the seed', () => {
  test('two imported from the identity provider and one local, with members and roles', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const { teams } = await admin.data<{ teams: { name: string; source: string; provider: string | null; users: { username: string }[]; roleBindings: unknown[] }[] }>(TEAMS)
    expect(teams.map((t) => [t.name, t.source, t.provider])).toEqual([
      ['Data Engineering', 'IDP', 'okta'],
      ['Finance Analysts', 'LOCAL', null],
      ['ML Platform', 'IDP', 'okta'],
    ])
    expect(teams[0]?.users.map((u) => u.username)).toContain('raj.patel')
    expect(teams[0]?.roleBindings).toEqual([
      { role: 'WORKSPACE_EDITOR', workspace: { label: 'Data Platform' }, deployment: null },
      { role: 'DEPLOYMENT_ADMIN', workspace: { label: 'Data Platform' }, deployment: { label: 'Event Ingestion' } },
    ])
  })

  test("a member holds the team's roles: self lists them with the team, and the server allows them", async () => {
    const { signIn } = testHouston()
    // Raj is an editor of ML Research only; Data Engineering makes him editor of Data Platform and admin of Event Ingestion.
    const raj = await signIn('raj.patel@example.com')
    const self = await raj.data<SelfData>(SELF)
    expect(self.self.user.teams).toEqual([{ name: 'Data Engineering' }])
    expect(self.self.user.roleBindings).toContainEqual({ role: 'WORKSPACE_EDITOR', team: { name: 'Data Engineering' }, workspace: { label: 'Data Platform' }, deployment: null })
    expect(self.self.user.roleBindings).toContainEqual({ role: 'WORKSPACE_EDITOR', team: null, workspace: { label: 'ML Research' }, deployment: null })
    const { workspaces } = await raj.data<{ workspaces: { label: string }[] }>('{ workspaces { label } }')
    expect(workspaces.map((w) => w.label)).toEqual(['Data Platform', 'ML Research'])
    const onEvents = await raj.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: eventIngestion })
    expect(onEvents.deployment.viewerPermissions).toContain('deployment.config.delete')
    const onEtl = await raj.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: etl })
    expect(onEtl.deployment.viewerPermissions).toContain('deployment.config.update')
    expect(onEtl.deployment.viewerPermissions).not.toContain('deployment.config.delete')
    await expect(raj.data(SCALE, { d: etl })).resolves.toBeTruthy()
  })

  test('a team deployment role widens a workspace viewer, and team roles do not make anyone a listed member', async () => {
    const { signIn } = testHouston()
    const carlos = await signIn('carlos.mendez@example.com')
    const perms = await carlos.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: stableId('deployment:finance-reporting') })
    expect(perms.deployment.viewerPermissions).toContain('deployment.config.update')
    const admin = await signIn('admin@example.com')
    const members = await admin.data<{ workspaceUsers: { username: string }[] }>('query($ws: Uuid!) { workspaceUsers(workspaceUuid: $ws) { username } }', { ws: dp })
    expect(members.workspaceUsers.map((u) => u.username)).not.toContain('raj.patel')
  })
})

describe('a system admin creates a team and a workspace admin gives it roles', () => {
  test('members get the role; removing the team, or a member, takes it away', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const created = await admin.data<{ createTeam: { id: string; source: string; users: { username: string }[] } }>(CREATE, { n: 'Scalers', u: [viewer, newbie, viewer] })
    expect(created.createTeam.source).toBe('LOCAL')
    expect(created.createTeam.users.map((u) => u.username)).toEqual(['newbie', 'viewer'])
    const team = created.createTeam.id

    const victor = await signIn('viewer@example.com')
    expect((await victor.error(SCALE, { d: etl })).code).toBe('FORBIDDEN')
    const added = await admin.data<{ workspaceAddTeam: { roleBindings: unknown[] } }>(ADD, { ws: dp, t: team, r: 'WORKSPACE_EDITOR' })
    expect(added.workspaceAddTeam.roleBindings).toEqual([{ role: 'WORKSPACE_EDITOR', workspace: { id: dp }, deployment: null }])
    await expect(victor.data(SCALE, { d: etl })).resolves.toBeTruthy()
    // Nico had no workspace at all; now he sees Data Platform.
    const nico = await signIn('newbie@example.com')
    expect((await nico.data<{ workspaces: { label: string }[] }>('{ workspaces { label } }')).workspaces.map((w) => w.label)).toEqual(['Data Platform'])

    // Nico leaves the team: his access goes, Victor's stays.
    await admin.data('mutation($t: Uuid!, $u: [Uuid!]) { updateTeam(teamUuid: $t, userIds: $u) { id } }', { t: team, u: [viewer] })
    expect((await nico.data<{ workspaces: unknown[] }>('{ workspaces { label } }')).workspaces).toEqual([])
    await expect(victor.data(SCALE, { d: etl })).resolves.toBeTruthy()

    await admin.data(REMOVE, { ws: dp, t: team })
    expect((await victor.error(SCALE, { d: etl })).code).toBe('FORBIDDEN')
    expect((await admin.error(REMOVE, { ws: dp, t: team })).code).toBe('NOT_FOUND')
  })

  test('a team with a system role makes its members system admins, until the team is deleted', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const { createTeam } = await admin.data<{ createTeam: { id: string } }>(CREATE, { n: 'Platform admins', u: [newbie], r: 'SYSTEM_ADMIN' })
    const nico = await signIn('newbie@example.com')
    const self = await nico.data<SelfData>(SELF)
    expect(self.self.isAdmin).toBe(true)
    expect(self.self.permissions).toContain('system.users.get')
    await admin.data('mutation($t: Uuid!) { deleteTeam(teamUuid: $t) { id } }', { t: createTeam.id })
    expect((await nico.data<SelfData>(SELF)).self.isAdmin).toBe(false)
    // A system editor may not give a team a role above their own.
    const sysedit = await signIn('sysedit@example.com')
    expect((await sysedit.error(CREATE, { n: 'Mine', u: [] })).code).toBe('FORBIDDEN')
  })

  test('names are unique and members must exist', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    expect(await admin.error(CREATE, { n: ' data engineering ', u: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' })
    expect(await admin.error(CREATE, { n: '   ', u: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' })
    expect(await admin.error(CREATE, { n: 'Ghosts', u: [viewer, stableId('user:nobody')] })).toMatchObject({ code: 'NOT_FOUND', field: 'userIds[1]' })
    expect(await admin.error(CREATE, { n: 'Wrong scope', u: [], r: 'WORKSPACE_ADMIN' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'systemRole' })
  })

  test("an imported team's name and members are read-only, its roles are not", async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const rename = await admin.error('mutation($t: Uuid!) { updateTeam(teamUuid: $t, name: "Renamed") { id } }', { t: dataEngineering })
    expect(rename.code).toBe('CONFLICT')
    expect(rename.message).toMatch(/imported from okta/)
    expect((await admin.error('mutation($t: Uuid!) { deleteTeam(teamUuid: $t) { id } }', { t: dataEngineering })).code).toBe('CONFLICT')
    await expect(admin.data(ADD, { ws: mk, t: dataEngineering, r: 'WORKSPACE_VIEWER' })).resolves.toBeTruthy()
  })
})

describe('team roles in a workspace', () => {
  test('deployment roles come with the workspace role, are checked first, and can be replaced', async () => {
    const { signIn } = testHouston()
    const wsadmin = await signIn('wsadmin@example.com')
    expect(await wsadmin.error(ADD, { ws: mk, t: financeAnalysts, r: 'WORKSPACE_VIEWER', d: [{ deploymentUuid: etl, role: 'DEPLOYMENT_EDITOR' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deploymentRoles[0].deploymentUuid',
    })
    expect(
      await wsadmin.error(ADD, { ws: mk, t: financeAnalysts, r: 'WORKSPACE_VIEWER', d: [{ deploymentUuid: campaign, role: 'DEPLOYMENT_EDITOR' }, { deploymentUuid: adSpend, role: 'WORKSPACE_EDITOR' }] }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deploymentRoles[1].role' })
    // Nothing was written by the refused calls.
    const before = await wsadmin.data<{ workspaceTeams: unknown[] }>('query($ws: Uuid!) { workspaceTeams(workspaceUuid: $ws) { id } }', { ws: mk })
    expect(before.workspaceTeams).toEqual([])

    const d = [
      { deploymentUuid: campaign, role: 'DEPLOYMENT_EDITOR' },
      { deploymentUuid: adSpend, role: 'DEPLOYMENT_ADMIN' },
    ]
    const added = await wsadmin.data<{ workspaceAddTeam: { roleBindings: { role: string; deployment: { id: string } | null }[] } }>(ADD, { ws: mk, t: financeAnalysts, r: 'WORKSPACE_VIEWER', d })
    expect(added.workspaceAddTeam.roleBindings.map((b) => [b.role, b.deployment?.id ?? null])).toEqual(
      expect.arrayContaining([
        ['WORKSPACE_VIEWER', null],
        ['DEPLOYMENT_EDITOR', campaign],
        ['DEPLOYMENT_ADMIN', adSpend],
      ]),
    )
    expect((await wsadmin.error(ADD, { ws: mk, t: financeAnalysts, r: 'WORKSPACE_EDITOR' })).field).toBe('teamUuid')

    const updated = await wsadmin.data<{ workspaceUpdateTeamRole: { roleBindings: { role: string; deployment: { id: string } | null }[] } }>(UPDATE_ROLE, {
      ws: mk,
      t: financeAnalysts,
      r: 'WORKSPACE_EDITOR',
      d: [{ deploymentUuid: adSpend, role: 'DEPLOYMENT_VIEWER' }],
    })
    // Wanda sees the team's roles in her workspace only.
    expect(updated.workspaceUpdateTeamRole.roleBindings.map((b) => [b.role, b.deployment?.id ?? null])).toEqual([
      ['WORKSPACE_EDITOR', null],
      ['DEPLOYMENT_VIEWER', adSpend],
    ])
    // The team's role in Data Platform is untouched.
    const admin = await signIn('admin@example.com')
    const { team } = await admin.data<{ team: { roleBindings: { role: string; deployment: { id: string } | null }[] } }>('query($t: Uuid!) { team(teamUuid: $t) { roleBindings { role deployment { id } } } }', { t: financeAnalysts })
    expect(team.roleBindings).toContainEqual({ role: 'DEPLOYMENT_EDITOR', deployment: { id: stableId('deployment:finance-reporting') } })
  })

  test('workspaceTeams lists teams with a role in the workspace or on one of its deployments', async () => {
    const { signIn } = testHouston()
    const victor = await signIn('viewer@example.com')
    const r = await victor.data<{ workspaceTeams: { name: string }[] }>('query($ws: Uuid!) { workspaceTeams(workspaceUuid: $ws) { name } }', { ws: dp })
    expect(r.workspaceTeams.map((t) => t.name)).toEqual(['Data Engineering', 'Finance Analysts', 'ML Platform'])
    const deps = await victor.data<{ deploymentTeams: { name: string }[] }>('query($d: Uuid!) { deploymentTeams(deploymentUuid: $d) { name } }', { d: stableId('deployment:finance-reporting') })
    expect(deps.deploymentTeams.map((t) => t.name)).toEqual(['Data Engineering', 'Finance Analysts', 'ML Platform'])
  })
})

describe('team roles on a deployment', () => {
  const ADD_ROLE = 'mutation($d: Uuid!, $t: Uuid!, $r: Role!) { deploymentAddTeamRole(deploymentUuid: $d, teamUuid: $t, role: $r) { role team { name } deployment { label } } }'

  test('a deployment admin manages team roles on their deployment only', async () => {
    const { signIn } = testHouston()
    // Yuki: Data Platform viewer, admin of Event Ingestion.
    const yuki = await signIn('yuki.tanaka@example.com')
    const choices = await yuki.data<{ teams: { name: string }[] }>('query($d: Uuid!) { teams(deploymentUuid: $d) { name } }', { d: eventIngestion })
    expect(choices.teams).toHaveLength(3)
    expect(await yuki.data(ADD_ROLE, { d: eventIngestion, t: financeAnalysts, r: 'DEPLOYMENT_VIEWER' })).toEqual({
      deploymentAddTeamRole: { role: 'DEPLOYMENT_VIEWER', team: { name: 'Finance Analysts' }, deployment: { label: 'Event Ingestion' } },
    })
    expect((await yuki.error(ADD_ROLE, { d: eventIngestion, t: financeAnalysts, r: 'DEPLOYMENT_EDITOR' })).field).toBe('teamUuid')
    expect((await yuki.error(ADD_ROLE, { d: etl, t: financeAnalysts, r: 'DEPLOYMENT_VIEWER' })).code).toBe('FORBIDDEN')
    expect((await yuki.error('query($d: Uuid!) { teams(deploymentUuid: $d) { name } }', { d: etl })).code).toBe('FORBIDDEN')
    await yuki.data('mutation($d: Uuid!, $t: Uuid!) { deploymentUpdateTeamRole(deploymentUuid: $d, teamUuid: $t, role: DEPLOYMENT_ADMIN) { id } }', { d: eventIngestion, t: financeAnalysts })
    const carlos = await signIn('carlos.mendez@example.com')
    expect((await carlos.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: eventIngestion })).deployment.viewerPermissions).toContain('deployment.config.delete')
    await yuki.data('mutation($d: Uuid!, $t: Uuid!) { deploymentRemoveTeamRole(deploymentUuid: $d, teamUuid: $t) { id } }', { d: eventIngestion, t: financeAnalysts })
    expect((await carlos.data<{ deployment: { viewerPermissions: string[] } }>(PERMS, { d: eventIngestion })).deployment.viewerPermissions).not.toContain('deployment.config.update')
  })

  test('deleting a deployment removes the team roles on it', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    await admin.data('mutation($d: Uuid!) { deleteDeployment(deploymentUuid: $d) { id } }', { d: eventIngestion })
    const { team } = await admin.data<{ team: { roleBindings: { deployment: { label: string } | null }[] } }>('query($t: Uuid!) { team(teamUuid: $t) { roleBindings { deployment { label } } } }', { t: dataEngineering })
    expect(team.roleBindings.map((b) => b.deployment?.label ?? null)).toEqual([null])
  })
})

describe('who sees a team', () => {
  test('members, and those who see one of its roles; others are refused', async () => {
    const { signIn } = testHouston()
    const Q = 'query($t: Uuid!) { team(teamUuid: $t) { name users { username } } }'
    const wsadmin = await signIn('wsadmin@example.com')
    // Wanda has no role where Data Engineering has one.
    expect((await wsadmin.error(Q, { t: dataEngineering })).code).toBe('FORBIDDEN')
    const raj = await signIn('raj.patel@example.com')
    await expect(raj.data(Q, { t: dataEngineering })).resolves.toBeTruthy()
    // Another user's teams: only those the viewer may see.
    const victor = await signIn('viewer@example.com')
    const users = await victor.data<{ workspaceUsers: { username: string; teams: { name: string }[] }[] }>(
      'query($ws: Uuid!) { workspaceUsers(workspaceUuid: $ws, user: { username: "marcus" }) { username teams { name } } }',
      { ws: dp },
    )
    expect(users.workspaceUsers[0]?.teams).toEqual([{ name: 'Data Engineering' }])
  })
})
