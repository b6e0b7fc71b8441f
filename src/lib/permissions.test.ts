import { describe, expect, it } from 'vitest'
import {
  type Binding,
  deploymentPermissions,
  deploymentRoleOf,
  explainPermissions,
  grantableRoles,
  grantableRolesOn,
  grantingRoleOf,
  permissionsOfRole,
  type Role,
  systemPermissions,
  systemRoleOf,
  workspacePermissions,
  workspaceRoleOf,
} from './permissions'

describe('permissionsOfRole: the domain role table', () => {
  it.each<[Role, string[], string[]]>([
    ['SYSTEM_VIEWER', ['system.monitoring.get', 'system.serviceAccounts.get', 'system.airflow.get'], ['system.iam.update', 'system.users.get']],
    ['SYSTEM_EDITOR', ['system.monitoring.get', 'system.iam.update', 'system.airflow.user'], ['system.users.get', 'system.airflow.admin']],
    ['SYSTEM_ADMIN', ['system.iam.update', 'system.deployments.get', 'system.deployments.logs', 'system.users.get', 'system.user.invite', 'system.workspace.suspend', 'system.airflow.admin'], []],
    ['WORKSPACE_VIEWER', ['workspace.deployments.get', 'workspace.invites.get', 'workspace.serviceAccounts.get', 'workspace.users.get'], ['workspace.config.update', 'workspace.deployments.create']],
    ['WORKSPACE_EDITOR', ['workspace.users.get', 'workspace.config.update', 'workspace.deployments.create', 'workspace.serviceAccounts.delete'], ['workspace.config.delete', 'workspace.iam.update']],
    ['WORKSPACE_ADMIN', ['workspace.config.delete', 'workspace.iam.update', 'workspace.deployments.create'], []],
    ['DEPLOYMENT_VIEWER', ['deployment.airflow.get', 'deployment.config.get', 'deployment.logs.get', 'deployment.metrics.get', 'deployment.images.pull'], ['deployment.config.update', 'deployment.images.push']],
    ['DEPLOYMENT_EDITOR', ['deployment.config.update', 'deployment.images.push', 'deployment.airflow.user', 'deployment.logs.get'], ['deployment.config.delete', 'deployment.airflow.admin']],
    ['DEPLOYMENT_ADMIN', ['deployment.config.delete', 'deployment.airflow.admin', 'deployment.config.update'], []],
  ])('%s', (role, granted, refused) => {
    const perms = permissionsOfRole(role)
    for (const p of granted) expect(perms.has(p), `${role} should have ${p}`).toBe(true)
    for (const p of refused) expect(perms.has(p), `${role} should not have ${p}`).toBe(false)
  })

  it('never crosses scopes', () => {
    expect([...permissionsOfRole('WORKSPACE_ADMIN')].every((p) => p.startsWith('workspace.'))).toBe(true)
    expect([...permissionsOfRole('DEPLOYMENT_ADMIN')].every((p) => p.startsWith('deployment.'))).toBe(true)
  })
})

describe('effective permissions', () => {
  const W = 'w1'
  const D = 'd1'
  const OTHER_D = 'd2'

  it('gives every signed-in user system.workspace.create and nothing else', () => {
    expect([...systemPermissions([])]).toEqual(['system.workspace.create'])
    expect(workspacePermissions([], W).has('workspace.deployments.get')).toBe(false)
  })

  it('applies a workspace role to every deployment of that workspace only', () => {
    const b: Binding[] = [{ role: 'WORKSPACE_EDITOR', workspaceId: W }]
    expect(deploymentPermissions(b, W, D).has('deployment.config.update')).toBe(true)
    expect(deploymentPermissions(b, W, D).has('deployment.config.delete')).toBe(false)
    expect(deploymentPermissions(b, 'w2', 'd9').has('deployment.config.get')).toBe(false)
  })

  it('lets a deployment role widen a workspace viewer on one deployment', () => {
    const b: Binding[] = [
      { role: 'WORKSPACE_VIEWER', workspaceId: W },
      { role: 'DEPLOYMENT_EDITOR', workspaceId: W, deploymentId: D },
    ]
    expect(deploymentPermissions(b, W, D).has('deployment.config.update')).toBe(true)
    expect(deploymentPermissions(b, W, OTHER_D).has('deployment.config.update')).toBe(false)
    expect(workspacePermissions(b, W).has('workspace.deployments.create')).toBe(false)
  })

  it('lets a deployment role narrow a workspace editor on one deployment', () => {
    const b: Binding[] = [
      { role: 'WORKSPACE_EDITOR', workspaceId: W },
      { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D },
    ]
    expect(deploymentRoleOf(b, W, D)).toBe('DEPLOYMENT_VIEWER')
    expect(deploymentPermissions(b, W, D).has('deployment.config.update')).toBe(false)
    expect(deploymentPermissions(b, W, OTHER_D).has('deployment.config.update')).toBe(true)
    // the workspace permissions themselves are untouched
    expect(deploymentPermissions(b, W, D).has('workspace.deployments.create')).toBe(true)
  })

  it('keeps a workspace admin deployment admin even with a narrower override', () => {
    const b: Binding[] = [
      { role: 'WORKSPACE_ADMIN', workspaceId: W },
      { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D },
    ]
    expect(deploymentRoleOf(b, W, D)).toBe('DEPLOYMENT_ADMIN')
  })

  it('makes a system admin admin of every workspace and deployment', () => {
    const b: Binding[] = [{ role: 'SYSTEM_ADMIN' }]
    expect(workspacePermissions(b, 'any').has('workspace.iam.update')).toBe(true)
    expect(deploymentPermissions(b, 'any', 'x').has('deployment.config.delete')).toBe(true)
  })

  it('gives system viewers and editors no workspace access of their own', () => {
    for (const role of ['SYSTEM_VIEWER', 'SYSTEM_EDITOR'] as const) {
      expect(workspacePermissions([{ role }], W).has('workspace.deployments.get')).toBe(false)
    }
  })

  it('takes the highest of several bindings on one workspace', () => {
    const b: Binding[] = [
      { role: 'WORKSPACE_VIEWER', workspaceId: W },
      { role: 'WORKSPACE_ADMIN', workspaceId: W },
    ]
    expect(workspacePermissions(b, W).has('workspace.iam.update')).toBe(true)
  })
})

describe('grantableRoles', () => {
  it('never offers a role above your own', () => {
    expect(grantableRoles('WORKSPACE_EDITOR', 'WORKSPACE')).toEqual(['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR'])
    expect(grantableRoles('WORKSPACE_ADMIN', 'DEPLOYMENT')).toEqual(['DEPLOYMENT_VIEWER', 'DEPLOYMENT_EDITOR', 'DEPLOYMENT_ADMIN'])
    expect(grantableRoles('SYSTEM_ADMIN', 'WORKSPACE')).toEqual(['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR', 'WORKSPACE_ADMIN'])
    expect(grantableRoles(null, 'WORKSPACE')).toEqual([])
  })
})

describe('effective roles: workspace plus deployment overrides plus system roles', () => {
  const W = 'w1'
  const D = 'd1'
  const OTHER_W = 'w2'
  it.each<[string, Binding[], { ws: Role | null; dep: Role | null; sys: Role | null }]>([
    ['no bindings', [], { ws: null, dep: null, sys: null }],
    ['workspace viewer', [{ role: 'WORKSPACE_VIEWER', workspaceId: W }], { ws: 'WORKSPACE_VIEWER', dep: 'DEPLOYMENT_VIEWER', sys: null }],
    ['workspace editor', [{ role: 'WORKSPACE_EDITOR', workspaceId: W }], { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_EDITOR', sys: null }],
    ['workspace viewer widened to deployment admin', [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'DEPLOYMENT_ADMIN', workspaceId: W, deploymentId: D }], { ws: 'WORKSPACE_VIEWER', dep: 'DEPLOYMENT_ADMIN', sys: null }],
    ['workspace editor narrowed to deployment viewer', [{ role: 'WORKSPACE_EDITOR', workspaceId: W }, { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D }], { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_VIEWER', sys: null }],
    ['deployment role only, no workspace role', [{ role: 'DEPLOYMENT_EDITOR', workspaceId: W, deploymentId: D }], { ws: null, dep: 'DEPLOYMENT_EDITOR', sys: null }],
    ['a role in another workspace does not count', [{ role: 'WORKSPACE_ADMIN', workspaceId: OTHER_W }], { ws: null, dep: null, sys: null }],
    ['system viewer with a workspace viewer role', [{ role: 'SYSTEM_VIEWER' }, { role: 'WORKSPACE_VIEWER', workspaceId: W }], { ws: 'WORKSPACE_VIEWER', dep: 'DEPLOYMENT_VIEWER', sys: 'SYSTEM_VIEWER' }],
    ['system admin without workspace role', [{ role: 'SYSTEM_ADMIN' }], { ws: null, dep: 'DEPLOYMENT_ADMIN', sys: 'SYSTEM_ADMIN' }],
    ['system editor and system viewer: the higher', [{ role: 'SYSTEM_VIEWER' }, { role: 'SYSTEM_EDITOR' }], { ws: null, dep: null, sys: 'SYSTEM_EDITOR' }],
  ])('%s', (_name, bindings, expected) => {
    expect(workspaceRoleOf(bindings, W)).toBe(expected.ws)
    expect(deploymentRoleOf(bindings, W, D)).toBe(expected.dep)
    expect(systemRoleOf(bindings)).toBe(expected.sys)
  })

  it('a deployment override does not leak into workspace permissions or other workspaces', () => {
    const b: Binding[] = [{ role: 'DEPLOYMENT_ADMIN', workspaceId: W, deploymentId: D }]
    expect(workspacePermissions(b, W).has('workspace.users.get')).toBe(false)
    expect(deploymentPermissions(b, W, D).has('deployment.config.delete')).toBe(true)
    expect(deploymentPermissions(b, OTHER_W, 'd9').has('deployment.config.get')).toBe(false)
  })
})

describe('grantingRoleOf and grantableRolesOn: who may grant what, where', () => {
  const W = 'w1'
  const D = 'd1'
  it.each<[string, Binding[], Parameters<typeof grantableRolesOn>[1], Role[]]>([
    ['workspace admin on their workspace', [{ role: 'WORKSPACE_ADMIN', workspaceId: W }], { scope: 'WORKSPACE', workspaceId: W }, ['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR', 'WORKSPACE_ADMIN']],
    ['workspace editor on their workspace', [{ role: 'WORKSPACE_EDITOR', workspaceId: W }], { scope: 'WORKSPACE', workspaceId: W }, ['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR']],
    ['workspace admin on another workspace', [{ role: 'WORKSPACE_ADMIN', workspaceId: W }], { scope: 'WORKSPACE', workspaceId: 'w2' }, []],
    ['workspace admin on a deployment (admin everywhere in it)', [{ role: 'WORKSPACE_ADMIN', workspaceId: W }], { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: D }, ['DEPLOYMENT_VIEWER', 'DEPLOYMENT_EDITOR', 'DEPLOYMENT_ADMIN']],
    ['workspace viewer with a deployment editor override', [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'DEPLOYMENT_EDITOR', workspaceId: W, deploymentId: D }], { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: D }, ['DEPLOYMENT_VIEWER', 'DEPLOYMENT_EDITOR']],
    ['system admin anywhere', [{ role: 'SYSTEM_ADMIN' }], { scope: 'WORKSPACE', workspaceId: 'any' }, ['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR', 'WORKSPACE_ADMIN']],
    ['system editor on the system scope', [{ role: 'SYSTEM_EDITOR' }], { scope: 'SYSTEM' }, ['SYSTEM_VIEWER', 'SYSTEM_EDITOR']],
    ['system editor on a workspace: no role there', [{ role: 'SYSTEM_EDITOR' }], { scope: 'WORKSPACE', workspaceId: W }, []],
    ['workspace admin on the system scope', [{ role: 'WORKSPACE_ADMIN', workspaceId: W }], { scope: 'SYSTEM' }, []],
  ])('%s', (_name, bindings, target, roles) => {
    expect(grantableRolesOn(bindings, target)).toEqual(roles)
  })

  it('names the role granted with', () => {
    expect(grantingRoleOf([{ role: 'SYSTEM_ADMIN' }], { scope: 'SYSTEM' })).toBe('SYSTEM_ADMIN')
    expect(grantingRoleOf([{ role: 'WORKSPACE_EDITOR', workspaceId: 'w' }], { scope: 'WORKSPACE', workspaceId: 'w' })).toBe('WORKSPACE_EDITOR')
  })
})

describe('teams and task usage in the role table', () => {
  it.each<[Role, string[], string[]]>([
    ['SYSTEM_VIEWER', ['system.teams.get', 'system.taskUsage.get'], ['system.teams.update', 'system.taskUsage.export']],
    ['SYSTEM_EDITOR', ['system.teams.get', 'system.taskUsage.get'], ['system.teams.update', 'system.taskUsage.export']],
    ['SYSTEM_ADMIN', ['system.teams.get', 'system.teams.update', 'system.taskUsage.get', 'system.taskUsage.export'], []],
    ['WORKSPACE_VIEWER', ['workspace.teams.get', 'workspace.taskUsage.get'], ['workspace.teams.update']],
    ['WORKSPACE_EDITOR', ['workspace.teams.get', 'workspace.taskUsage.get'], ['workspace.teams.update']],
    ['WORKSPACE_ADMIN', ['workspace.teams.get', 'workspace.teams.update', 'workspace.taskUsage.get'], []],
    ['DEPLOYMENT_VIEWER', ['deployment.teams.get', 'deployment.taskUsage.get'], ['deployment.teamRoles.update']],
    ['DEPLOYMENT_EDITOR', ['deployment.teams.get', 'deployment.taskUsage.get'], ['deployment.teamRoles.update']],
    ['DEPLOYMENT_ADMIN', ['deployment.teams.get', 'deployment.teamRoles.update', 'deployment.taskUsage.get'], []],
  ])('%s', (role, granted, refused) => {
    const perms = permissionsOfRole(role)
    for (const p of granted) expect(perms.has(p), `${role} should have ${p}`).toBe(true)
    for (const p of refused) expect(perms.has(p), `${role} should not have ${p}`).toBe(false)
  })

  it('makes a workspace admin team-role admin of every deployment of the workspace', () => {
    expect(deploymentPermissions([{ role: 'WORKSPACE_ADMIN', workspaceId: 'w1' }], 'w1', 'd1').has('deployment.teamRoles.update')).toBe(true)
    expect(deploymentPermissions([{ role: 'WORKSPACE_EDITOR', workspaceId: 'w1' }], 'w1', 'd1').has('deployment.teamRoles.update')).toBe(false)
  })
})

describe('effective permissions with teams: the most permissive source wins', () => {
  const W = 'w1'
  const D = 'd1'
  const OTHER_D = 'd2'
  const eng = { teamId: 't-eng', teamName: 'Engineering' }
  const ops = { teamId: 't-ops', teamName: 'Operations' }

  it.each<[string, Binding[], { ws: Role | null; dep: Role | null; other: Role | null; sys: Role | null }]>([
    ['a team role alone counts like a direct one', [{ role: 'WORKSPACE_EDITOR', workspaceId: W, via: eng }], { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_EDITOR', other: 'DEPLOYMENT_EDITOR', sys: null }],
    ['direct viewer, team editor: editor', [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'WORKSPACE_EDITOR', workspaceId: W, via: eng }], { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_EDITOR', other: 'DEPLOYMENT_EDITOR', sys: null }],
    ['direct admin, team viewer: admin', [{ role: 'WORKSPACE_ADMIN', workspaceId: W }, { role: 'WORKSPACE_VIEWER', workspaceId: W, via: eng }], { ws: 'WORKSPACE_ADMIN', dep: 'DEPLOYMENT_ADMIN', other: 'DEPLOYMENT_ADMIN', sys: null }],
    [
      'a team deployment viewer override never narrows a direct workspace editor',
      [{ role: 'WORKSPACE_EDITOR', workspaceId: W }, { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D, via: eng }],
      { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_EDITOR', other: 'DEPLOYMENT_EDITOR', sys: null },
    ],
    [
      'a direct deployment viewer override narrows only the direct role: the team editor role still applies',
      [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D }, { role: 'WORKSPACE_EDITOR', workspaceId: W, via: eng }],
      { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_EDITOR', other: 'DEPLOYMENT_EDITOR', sys: null },
    ],
    [
      "a team's own override narrows that team's workspace role, and the direct role still counts",
      [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'WORKSPACE_ADMIN', workspaceId: W, via: ops }, { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D, via: eng }],
      { ws: 'WORKSPACE_ADMIN', dep: 'DEPLOYMENT_ADMIN', other: 'DEPLOYMENT_ADMIN', sys: null },
    ],
    [
      'a team editor override on one deployment widens a direct viewer there only',
      [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'DEPLOYMENT_EDITOR', workspaceId: W, deploymentId: D, via: eng }],
      { ws: 'WORKSPACE_VIEWER', dep: 'DEPLOYMENT_EDITOR', other: 'DEPLOYMENT_VIEWER', sys: null },
    ],
    [
      'two teams: the higher one',
      [{ role: 'WORKSPACE_VIEWER', workspaceId: W, via: eng }, { role: 'WORKSPACE_EDITOR', workspaceId: W, via: ops }],
      { ws: 'WORKSPACE_EDITOR', dep: 'DEPLOYMENT_EDITOR', other: 'DEPLOYMENT_EDITOR', sys: null },
    ],
    ['a system role held through a team', [{ role: 'SYSTEM_ADMIN', via: ops }], { ws: null, dep: 'DEPLOYMENT_ADMIN', other: 'DEPLOYMENT_ADMIN', sys: 'SYSTEM_ADMIN' }],
    ['a team role in another workspace does not count', [{ role: 'WORKSPACE_ADMIN', workspaceId: 'w2', via: eng }], { ws: null, dep: null, other: null, sys: null }],
  ])('%s', (_name, bindings, expected) => {
    expect(workspaceRoleOf(bindings, W)).toBe(expected.ws)
    expect(deploymentRoleOf(bindings, W, D)).toBe(expected.dep)
    expect(deploymentRoleOf(bindings, W, OTHER_D)).toBe(expected.other)
    expect(systemRoleOf(bindings)).toBe(expected.sys)
  })

  it("removing a team's bindings removes what only the team granted", () => {
    const direct: Binding[] = [{ role: 'WORKSPACE_VIEWER', workspaceId: W }]
    const team: Binding[] = [
      { role: 'WORKSPACE_EDITOR', workspaceId: W, via: eng },
      { role: 'SYSTEM_VIEWER', via: eng },
    ]
    const withTeam = [...direct, ...team]
    expect(deploymentPermissions(withTeam, W, D).has('deployment.config.update')).toBe(true)
    expect(workspacePermissions(withTeam, W).has('workspace.deployments.create')).toBe(true)
    expect(systemPermissions(withTeam).has('system.monitoring.get')).toBe(true)
    const without = withTeam.filter((b) => b.via?.teamId !== eng.teamId)
    expect(deploymentPermissions(without, W, D).has('deployment.config.update')).toBe(false)
    expect(workspacePermissions(without, W).has('workspace.deployments.create')).toBe(false)
    expect(systemPermissions(without).has('system.monitoring.get')).toBe(false)
    // What the direct role gives stays.
    expect(deploymentPermissions(without, W, D).has('deployment.logs.get')).toBe(true)
  })

  it('lets team roles count for granting: a team workspace admin grants up to admin', () => {
    const b: Binding[] = [{ role: 'WORKSPACE_VIEWER', workspaceId: W }, { role: 'WORKSPACE_ADMIN', workspaceId: W, via: eng }]
    expect(grantableRolesOn(b, { scope: 'WORKSPACE', workspaceId: W })).toEqual(['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR', 'WORKSPACE_ADMIN'])
  })
})

describe('explainPermissions: where each permission comes from', () => {
  const W = 'w1'
  const D = 'd1'
  const eng = { teamId: 't-eng', teamName: 'Engineering' }
  const ops = { teamId: 't-ops', teamName: 'Operations' }
  const bindings: Binding[] = [
    { role: 'WORKSPACE_VIEWER', workspaceId: W },
    { role: 'WORKSPACE_EDITOR', workspaceId: W, via: ops },
    { role: 'DEPLOYMENT_ADMIN', workspaceId: W, deploymentId: D, via: eng },
    { role: 'SYSTEM_VIEWER', via: eng },
  ]
  const sourcesOf = (list: ReturnType<typeof explainPermissions>, permission: string) => list.find((e) => e.permission === permission)?.sources

  it.each<[string, Parameters<typeof explainPermissions>[1], string, ReturnType<typeof sourcesOf>]>([
    ['every user', { scope: 'SYSTEM' }, 'system.workspace.create', [{ kind: 'everyone' }]],
    ['a system role from a team', { scope: 'SYSTEM' }, 'system.monitoring.get', [{ kind: 'team', role: 'SYSTEM_VIEWER', ...eng }]],
    ['a permission both direct and from a team', { scope: 'WORKSPACE', workspaceId: W }, 'workspace.users.get', [{ kind: 'direct', role: 'WORKSPACE_VIEWER' }, { kind: 'team', role: 'WORKSPACE_EDITOR', ...ops }]],
    ['a permission only a team gives', { scope: 'WORKSPACE', workspaceId: W }, 'workspace.deployments.create', [{ kind: 'team', role: 'WORKSPACE_EDITOR', ...ops }]],
    [
      'a deployment permission from three sources',
      { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: D },
      'deployment.logs.get',
      [{ kind: 'direct', role: 'WORKSPACE_VIEWER' }, { kind: 'team', role: 'DEPLOYMENT_ADMIN', ...eng }, { kind: 'team', role: 'WORKSPACE_EDITOR', ...ops }],
    ],
    ['the admin-only deployment permission', { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: D }, 'deployment.config.delete', [{ kind: 'team', role: 'DEPLOYMENT_ADMIN', ...eng }]],
    ['not on another deployment', { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: 'd2' }, 'deployment.config.delete', undefined],
  ])('%s', (_name, target, permission, expected) => {
    expect(sourcesOf(explainPermissions(bindings, target), permission)).toEqual(expected)
  })

  it('lists exactly the effective permissions, system first, then workspace, then deployment', () => {
    const cases: Binding[][] = [
      [],
      bindings,
      [{ role: 'SYSTEM_ADMIN', via: eng }, { role: 'WORKSPACE_VIEWER', workspaceId: W }],
      [{ role: 'WORKSPACE_EDITOR', workspaceId: W }, { role: 'DEPLOYMENT_VIEWER', workspaceId: W, deploymentId: D }, { role: 'WORKSPACE_VIEWER', workspaceId: W, via: ops }],
    ]
    for (const b of cases) {
      const explained = explainPermissions(b, { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: D })
      expect(new Set(explained.map((e) => e.permission))).toEqual(deploymentPermissions(b, W, D))
      expect(explained.every((e) => e.sources.length > 0)).toBe(true)
      const scopes = explained.map((e) => e.permission.split('.')[0])
      expect(scopes).toEqual([...scopes].sort((x, y) => ['system', 'workspace', 'deployment'].indexOf(x ?? '') - ['system', 'workspace', 'deployment'].indexOf(y ?? '')))
      expect(new Set(explainPermissions(b, { scope: 'WORKSPACE', workspaceId: W }).map((e) => e.permission))).toEqual(workspacePermissions(b, W))
      expect(new Set(explainPermissions(b, { scope: 'SYSTEM' }).map((e) => e.permission))).toEqual(systemPermissions(b))
    }
  })

  it('names a system admin role as the source of workspace and deployment permissions', () => {
    const explained = explainPermissions([{ role: 'SYSTEM_ADMIN' }], { scope: 'DEPLOYMENT', workspaceId: W, deploymentId: D })
    expect(sourcesOf(explained, 'workspace.iam.update')).toEqual([{ kind: 'direct', role: 'SYSTEM_ADMIN' }])
    expect(sourcesOf(explained, 'deployment.config.delete')).toEqual([{ kind: 'direct', role: 'SYSTEM_ADMIN' }])
  })
})
