// The role table, operation by operation: who may do what on the Data
// Platform workspace and its Customer ETL deployment. Each cell runs on a
// fresh Houston, so mutations do not leak into the next cell.
import { describe, expect, test } from 'vitest'
import { SEED_IDS } from './seed'
import { stableId } from './random'
import { testHouston } from './test-utils'

const ACTORS = {
  systemAdmin: 'admin@example.com',
  workspaceAdmin: 'priya.shah@example.com',
  workspaceEditor: 'editor@example.com',
  workspaceViewer: 'viewer@example.com',
  /** Data Platform viewer with DEPLOYMENT_EDITOR on Customer ETL. */
  deploymentEditor: 'deployeditor@example.com',
  systemEditor: 'sysedit@example.com',
  systemViewer: 'sysviewer@example.com',
  noBinding: 'newbie@example.com',
  unauthenticated: null,
} as const
type Actor = keyof typeof ACTORS
const ORDER = Object.keys(ACTORS) as Actor[]

type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT'

/** One letter per actor, in ORDER: o ok, F forbidden, U unauthenticated, C conflict. */
function row(cells: string): Record<Actor, Outcome> {
  const map: Record<string, Outcome> = { o: 'ok', F: 'FORBIDDEN', U: 'UNAUTHENTICATED', C: 'CONFLICT' }
  const letters = cells.replace(/\s/g, '').split('')
  expect(letters).toHaveLength(ORDER.length)
  return Object.fromEntries(ORDER.map((a, i) => [a, map[letters[i] ?? '']])) as Record<Actor, Outcome>
}

const ws = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl
const newbie = stableId('user:newbie')
const dataEngineering = stableId('team:data-engineering')
const mlPlatform = stableId('team:ml-platform')
const financeAnalysts = stableId('team:finance-analysts')

interface Operation {
  name: string
  query: string
  variables?: Record<string, unknown>
  //               sysAdm wsAdm wsEd wsView depEd sysEd sysView none anon
  expect: Record<Actor, Outcome>
}

const OPERATIONS: Operation[] = [
  { name: 'workspace', query: 'query($ws: Uuid!) { workspace(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'workspaceUsers', query: 'query($ws: Uuid!) { workspaceUsers(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'workspace.roleBindings', query: 'query($ws: Uuid!) { workspace(workspaceUuid: $ws) { roleBindings { id } } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'workspaceInvites', query: 'query($ws: Uuid!) { workspaceInvites(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'workspaceDeployments', query: 'query($ws: Uuid!) { workspaceDeployments(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'deployment', query: 'query($d: Uuid!) { deployment(deploymentUuid: $d) { id environmentVariables { key } } }', variables: { d: etl }, expect: row('o o o o o F F F U') },
  { name: 'deploymentLogs', query: 'query($d: Uuid!) { deploymentLogs(deploymentUuid: $d, timestamp: "2025-06-02T08:59:50.000Z") { id } }', variables: { d: etl }, expect: row('o o o o o F F F U') },
  { name: 'workspaceServiceAccounts', query: 'query($ws: Uuid!) { workspaceServiceAccounts(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'deploymentServiceAccounts', query: 'query($d: Uuid!) { deploymentServiceAccounts(deploymentUuid: $d) { id } }', variables: { d: etl }, expect: row('o o o o o F F F U') },
  {
    name: 'createDeployment',
    query: 'mutation($ws: Uuid!) { createDeployment(workspaceUuid: $ws, type: "airflow", label: "New", config: {executor: "LocalExecutor"}) { id } }',
    variables: { ws },
    expect: row('o o o F F F F F U'),
  },
  { name: 'updateDeployment', query: 'mutation($d: Uuid!) { updateDeployment(deploymentUuid: $d, payload: {label: "Renamed"}) { id } }', variables: { d: etl }, expect: row('o o o F o F F F U') },
  { name: 'deploymentAlertsUpdate', query: 'mutation($d: Uuid!) { deploymentAlertsUpdate(deploymentUuid: $d, alertEmails: ["a@example.com"]) { id } }', variables: { d: etl }, expect: row('o o o F o F F F U') },
  { name: 'deleteDeployment', query: 'mutation($d: Uuid!) { deleteDeployment(deploymentUuid: $d) { id } }', variables: { d: etl }, expect: row('o o F F F F F F U') },
  { name: 'updateWorkspace', query: 'mutation($ws: Uuid!) { updateWorkspace(workspaceUuid: $ws, payload: {description: "x"}) { id } }', variables: { ws }, expect: row('o o o F F F F F U') },
  // Allowed roles reach the rule that a workspace with deployments cannot go.
  { name: 'deleteWorkspace', query: 'mutation($ws: Uuid!) { deleteWorkspace(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('C C F F F F F F U') },
  { name: 'workspaceAddUser', query: 'mutation($ws: Uuid!) { workspaceAddUser(workspaceUuid: $ws, email: "someone.new@example.com") { id } }', variables: { ws }, expect: row('o o F F F F F F U') },
  {
    name: 'deploymentAddUserRole',
    query: 'mutation($d: Uuid!, $u: Uuid!) { deploymentAddUserRole(deploymentUuid: $d, userId: $u, role: DEPLOYMENT_VIEWER) { id } }',
    variables: { d: etl, u: newbie },
    expect: row('o o F F F F F F U'),
  },
  {
    name: 'createWorkspaceServiceAccount',
    query: 'mutation($ws: Uuid!) { createWorkspaceServiceAccount(workspaceUuid: $ws, label: "Bot", role: WORKSPACE_VIEWER) { id } }',
    variables: { ws },
    expect: row('o o o F F F F F U'),
  },
  {
    name: 'createDeploymentServiceAccount',
    query: 'mutation($d: Uuid!) { createDeploymentServiceAccount(deploymentUuid: $d, label: "Bot", role: DEPLOYMENT_VIEWER) { id } }',
    variables: { d: etl },
    expect: row('o o o F o F F F U'),
  },
  { name: 'users', query: '{ users { id } }', expect: row('o F F F F F F F U') },
  { name: 'deployments', query: '{ deployments { id } }', expect: row('o F F F F F F F U') },
  { name: 'updateWorkspaceQuota', query: 'mutation($ws: Uuid!) { updateWorkspaceQuota(workspaceUuid: $ws, auQuota: 400) { id } }', variables: { ws }, expect: row('o F F F F F F F U') },
  {
    name: 'createSystemRoleBinding',
    query: 'mutation($u: Uuid!) { createSystemRoleBinding(userId: $u, role: SYSTEM_VIEWER) { id } }',
    variables: { u: newbie },
    expect: row('o F F F F o F F U'),
  },
  { name: 'createWorkspace', query: 'mutation { createWorkspace(label: "Mine") { id } }', expect: row('o o o o o o o o U') },
  {
    name: 'workspaceUpdateUserRole',
    query: 'mutation($ws: Uuid!) { workspaceUpdateUserRole(workspaceUuid: $ws, email: "ben.carter@example.com", role: WORKSPACE_EDITOR) }',
    variables: { ws },
    expect: row('o o F F F F F F U'),
  },
  { name: 'workspaceRemoveUser', query: 'mutation($ws: Uuid!, $u: Uuid!) { workspaceRemoveUser(workspaceUuid: $ws, userUuid: $u) { id } }', variables: { ws, u: stableId('user:ben.carter') }, expect: row('o o F F F F F F U') },
  { name: 'deleteInviteToken', query: 'mutation($i: Uuid!) { deleteInviteToken(inviteUuid: $i) { id } }', variables: { i: stableId('invite:data-platform:new.analyst@example.com') }, expect: row('o o F F F F F F U') },
  {
    name: 'deploymentUpdateUserRole',
    query: 'mutation($d: Uuid!, $u: Uuid!) { deploymentUpdateUserRole(deploymentUuid: $d, userId: $u, role: DEPLOYMENT_VIEWER) { id } }',
    variables: { d: etl, u: stableId('user:deployeditor') },
    expect: row('o o F F F F F F U'),
  },
  {
    name: 'deploymentRemoveUserRole',
    query: 'mutation($d: Uuid!, $u: Uuid!) { deploymentRemoveUserRole(deploymentUuid: $d, userId: $u) { id } }',
    variables: { d: etl, u: stableId('user:deployeditor') },
    expect: row('o o F F F F F F U'),
  },
  {
    name: 'deleteWorkspaceServiceAccount',
    query: 'mutation($sa: Uuid!, $ws: Uuid!) { deleteWorkspaceServiceAccount(serviceAccountUuid: $sa, workspaceUuid: $ws) { id } }',
    variables: { sa: stableId('service-account:dp-cicd'), ws },
    expect: row('o o o F F F F F U'),
  },
  {
    name: 'deleteDeploymentServiceAccount',
    query: 'mutation($sa: Uuid!, $d: Uuid!) { deleteDeploymentServiceAccount(serviceAccountUuid: $sa, deploymentUuid: $d) { id } }',
    variables: { sa: stableId('service-account:etl-deploy'), d: etl },
    expect: row('o o o F o F F F U'),
  },
  {
    name: 'deleteSystemRoleBinding',
    query: 'mutation($u: Uuid!) { deleteSystemRoleBinding(userId: $u, role: SYSTEM_VIEWER) { id } }',
    variables: { u: stableId('user:helen.wright') },
    expect: row('o F F F F o F F U'),
  },
  { name: 'updateUserStatus', query: 'mutation($u: Uuid!) { updateUserStatus(userUuid: $u, status: inactive) { id } }', variables: { u: newbie }, expect: row('o F F F F F F F U') },

  // Teams: system.teams.get from system viewer up, *.teams.get from viewer up, updates by admins.
  { name: 'teams', query: '{ teams { id users { id } } }', expect: row('o F F F F o o F U') },
  { name: 'teams (to choose for a workspace)', query: 'query($ws: Uuid!) { teams(workspaceUuid: $ws) { id } }', variables: { ws }, expect: row('o o F F F F F F U') },
  { name: 'teams (to choose for a deployment)', query: 'query($d: Uuid!) { teams(deploymentUuid: $d) { id } }', variables: { d: etl }, expect: row('o o F F F F F F U') },
  { name: 'team', query: 'query($t: Uuid!) { team(teamUuid: $t) { id roleBindings { id } } }', variables: { t: dataEngineering }, expect: row('o o o o o o o F U') },
  { name: 'workspaceTeams', query: 'query($ws: Uuid!) { workspaceTeams(workspaceUuid: $ws) { id roleBindings { id } } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'deploymentTeams', query: 'query($d: Uuid!) { deploymentTeams(deploymentUuid: $d) { id } }', variables: { d: etl }, expect: row('o o o o o F F F U') },
  { name: 'createTeam', query: 'mutation($u: Uuid!) { createTeam(name: "New team", userIds: [$u]) { id } }', variables: { u: newbie }, expect: row('o F F F F F F F U') },
  { name: 'updateTeam', query: 'mutation($t: Uuid!) { updateTeam(teamUuid: $t, description: "x") { id } }', variables: { t: financeAnalysts }, expect: row('o F F F F F F F U') },
  { name: 'deleteTeam', query: 'mutation($t: Uuid!) { deleteTeam(teamUuid: $t) { id } }', variables: { t: financeAnalysts }, expect: row('o F F F F F F F U') },
  {
    name: 'createTeamSystemRoleBinding',
    query: 'mutation($t: Uuid!) { createTeamSystemRoleBinding(teamUuid: $t, role: SYSTEM_VIEWER) { id } }',
    variables: { t: financeAnalysts },
    expect: row('o F F F F F F F U'),
  },
  {
    name: 'workspaceAddTeam',
    query: 'mutation($ws: Uuid!, $t: Uuid!, $d: Uuid!) { workspaceAddTeam(workspaceUuid: $ws, teamUuid: $t, role: WORKSPACE_VIEWER, deploymentRoles: [{ deploymentUuid: $d, role: DEPLOYMENT_EDITOR }]) { id } }',
    variables: { ws, t: financeAnalysts, d: etl },
    expect: row('o o F F F F F F U'),
  },
  {
    name: 'workspaceUpdateTeamRole',
    query: 'mutation($ws: Uuid!, $t: Uuid!) { workspaceUpdateTeamRole(workspaceUuid: $ws, teamUuid: $t, role: WORKSPACE_VIEWER) { id } }',
    variables: { ws, t: dataEngineering },
    expect: row('o o F F F F F F U'),
  },
  { name: 'workspaceRemoveTeam', query: 'mutation($ws: Uuid!, $t: Uuid!) { workspaceRemoveTeam(workspaceUuid: $ws, teamUuid: $t) { id } }', variables: { ws, t: mlPlatform }, expect: row('o o F F F F F F U') },
  {
    name: 'deploymentAddTeamRole',
    query: 'mutation($d: Uuid!, $t: Uuid!) { deploymentAddTeamRole(deploymentUuid: $d, teamUuid: $t, role: DEPLOYMENT_VIEWER) { id } }',
    variables: { d: etl, t: mlPlatform },
    expect: row('o o F F F F F F U'),
  },
  {
    name: 'deploymentUpdateTeamRole',
    query: 'mutation($d: Uuid!, $t: Uuid!) { deploymentUpdateTeamRole(deploymentUuid: $d, teamUuid: $t, role: DEPLOYMENT_VIEWER) { id } }',
    variables: { d: stableId('deployment:finance-reporting'), t: financeAnalysts },
    expect: row('o o F F F F F F U'),
  },
  {
    name: 'deploymentRemoveTeamRole',
    query: 'mutation($d: Uuid!, $t: Uuid!) { deploymentRemoveTeamRole(deploymentUuid: $d, teamUuid: $t) { id } }',
    variables: { d: stableId('deployment:finance-reporting'), t: financeAnalysts },
    expect: row('o o F F F F F F U'),
  },

  // Task usage: *.taskUsage.get from viewer up (system viewer for the platform).
  { name: 'deploymentTaskUsage', query: 'query($d: Uuid!) { deploymentTaskUsage(deploymentUuid: $d) { total } }', variables: { d: etl }, expect: row('o o o o o F F F U') },
  { name: 'workspaceTaskUsage', query: 'query($ws: Uuid!) { workspaceTaskUsage(workspaceUuid: $ws) { total } }', variables: { ws }, expect: row('o o o o o F F F U') },
  { name: 'platformTaskUsage', query: '{ platformTaskUsage { total } }', expect: row('o F F F F o o F U') },
]

async function outcome(actor: Actor, op: Operation): Promise<{ outcome: string; message?: string }> {
  const { signIn, anonymous } = testHouston()
  const email = ACTORS[actor]
  const client = email ? await signIn(email) : anonymous
  const r = await client.run(op.query, op.variables)
  const error = r.errors?.[0]
  if (!error) return { outcome: 'ok' }
  return { outcome: String(error.extensions.code), message: error.message }
}

describe('the role table, operation by operation', () => {
  for (const op of OPERATIONS) {
    test(op.name, async () => {
      const got: Record<string, string> = {}
      for (const actor of ORDER) got[actor] = (await outcome(actor, op)).outcome
      expect(got).toEqual(op.expect)
    })
  }

  test('a refusal names the permission that is missing', async () => {
    const r = await outcome('workspaceEditor', OPERATIONS.find((o) => o.name === 'deleteDeployment') as Operation)
    expect(r.message).toMatch(/deployment\.config\.delete/)
    const q = await outcome('workspaceAdmin', OPERATIONS.find((o) => o.name === 'updateWorkspaceQuota') as Operation)
    expect(q.message).toMatch(/system\.workspace\.suspend/)
  })
})

describe('workspaces a user sees', () => {
  const cases: [Actor, string[]][] = [
    ['systemAdmin', ['Data Platform', 'Marketing Analytics', 'ML Research', 'Platform Sandbox']],
    ['workspaceAdmin', ['Data Platform']],
    ['workspaceEditor', ['Data Platform', 'Marketing Analytics']],
    ['workspaceViewer', ['Data Platform']],
    ['deploymentEditor', ['Data Platform']],
    ['systemEditor', []],
    ['systemViewer', []],
    ['noBinding', []],
  ]
  test.each(cases)('%s', async (actor, labels) => {
    const { signIn } = testHouston()
    const client = await signIn(ACTORS[actor] ?? '')
    const { workspaces } = await client.data<{ workspaces: { label: string }[] }>('{ workspaces { label } }')
    expect(workspaces.map((w) => w.label)).toEqual(labels)
  })

  test('a role on one deployment only shows that workspace, and only that deployment', async () => {
    const { signIn } = testHouston()
    const omar = await signIn('omar.haddad@example.com')
    const { workspaces } = await omar.data<{ workspaces: { id: string; label: string }[] }>('{ workspaces { id label } }')
    expect(workspaces.map((w) => w.label)).toEqual(['ML Research'])
    const { workspaceDeployments } = await omar.data<{ workspaceDeployments: { label: string }[] }>(
      'query($ws: Uuid!) { workspaceDeployments(workspaceUuid: $ws) { label } }',
      { ws: workspaces[0]?.id },
    )
    expect(workspaceDeployments.map((d) => d.label)).toEqual(['Model Training'])
  })
})

describe('deployment-level overrides', () => {
  const permissionsOn = async (email: string, key: string) => {
    const { signIn } = testHouston()
    const client = await signIn(email)
    const { deployment } = await client.data<{ deployment: { viewerPermissions: string[] } }>(
      'query($d: Uuid!) { deployment(deploymentUuid: $d) { viewerPermissions } }',
      { d: stableId(`deployment:${key}`) },
    )
    return deployment.viewerPermissions
  }

  test('widen a workspace viewer on one deployment', async () => {
    const onEtl = await permissionsOn('deployeditor@example.com', 'customer-etl')
    expect(onEtl).toContain('deployment.config.update')
    expect(onEtl).not.toContain('deployment.config.delete')
    const elsewhere = await permissionsOn('deployeditor@example.com', 'finance-reporting')
    expect(elsewhere).not.toContain('deployment.config.update')
    expect(await permissionsOn('yuki.tanaka@example.com', 'event-ingestion')).toContain('deployment.config.delete')
  })

  test('narrow a workspace editor on one deployment', async () => {
    expect(await permissionsOn('hannah.mueller@example.com', 'finance-reporting')).not.toContain('deployment.config.update')
    expect(await permissionsOn('hannah.mueller@example.com', 'customer-etl')).toContain('deployment.config.update')
  })

  test('viewerPermissions are sorted, and a workspace admin is deployment admin everywhere', async () => {
    const perms = await permissionsOn('priya.shah@example.com', 'finance-reporting')
    expect(perms).toEqual([...perms].sort())
    expect(perms).toContain('deployment.config.delete')
  })
})
