import { describe, expect, it } from 'vitest'
import { plain } from '@/components/ui/isolated'
import { explainPermissions, type PermissionSource, type Role } from '@/lib/permissions'
import { accessScopeSchema, bindingsOf, fullRoleName, placeOf, roleRows, sourceText, targetOf, workspacesOf } from './access-explained'

const dp = { id: 'w1', label: 'Data Platform' }
const mk = { id: 'w2', label: 'Marketing' }
const team = { id: 't1', name: 'Data Engineering' }
const bindings = [
  { id: 'b1', role: 'WORKSPACE_VIEWER' as Role, workspace: dp, deployment: null, team: null },
  { id: 'b2', role: 'WORKSPACE_EDITOR' as Role, workspace: dp, deployment: null, team },
  { id: 'b3', role: 'DEPLOYMENT_ADMIN' as Role, workspace: dp, deployment: { id: 'd1', label: 'Customer ETL', workspace: dp }, team },
  { id: 'b4', role: 'SYSTEM_VIEWER' as Role, workspace: null, deployment: null, team: null },
  { id: 'b5', role: 'WORKSPACE_ADMIN' as Role, workspace: mk, deployment: null, team: null },
]

describe('a user’s access, explained', () => {
  it('reads bindings with their team for the permission module', () => {
    expect(bindingsOf(bindings)).toEqual([
      { role: 'WORKSPACE_VIEWER', workspaceId: 'w1', deploymentId: null, via: null },
      { role: 'WORKSPACE_EDITOR', workspaceId: 'w1', deploymentId: null, via: { teamId: 't1', teamName: 'Data Engineering' } },
      { role: 'DEPLOYMENT_ADMIN', workspaceId: 'w1', deploymentId: 'd1', via: { teamId: 't1', teamName: 'Data Engineering' } },
      { role: 'SYSTEM_VIEWER', workspaceId: null, deploymentId: null, via: null },
      { role: 'WORKSPACE_ADMIN', workspaceId: 'w2', deploymentId: null, via: null },
    ])
  })

  it('lists roles: system first, then by where, own before a team’s', () => {
    expect(roleRows(bindings).map((r) => [r.role, placeOf(r.deploymentLabel, r.workspaceLabel, plain), r.team?.name ?? 'own'])).toEqual([
      ['SYSTEM_VIEWER', 'the platform', 'own'],
      ['WORKSPACE_VIEWER', 'workspace Data Platform', 'own'],
      ['WORKSPACE_EDITOR', 'workspace Data Platform', 'Data Engineering'],
      ['WORKSPACE_ADMIN', 'workspace Marketing', 'own'],
      ['DEPLOYMENT_ADMIN', 'deployment Customer ETL in Data Platform', 'Data Engineering'],
    ])
    expect(workspacesOf(bindings)).toEqual([dp, mk])
  })

  it.each<[Role, string]>([
    ['SYSTEM_ADMIN', 'System admin'],
    ['WORKSPACE_EDITOR', 'Workspace editor'],
    ['DEPLOYMENT_VIEWER', 'Deployment viewer'],
  ])('names %s %s', (role, name) => {
    expect(fullRoleName(role)).toBe(name)
  })

  it.each<[PermissionSource, string]>([
    [{ kind: 'everyone' }, 'Every signed-in user'],
    [{ kind: 'direct', role: 'WORKSPACE_VIEWER' }, 'Own role: Workspace viewer'],
    [{ kind: 'team', role: 'DEPLOYMENT_ADMIN', teamId: 't1', teamName: 'Data Engineering' }, 'Team Data Engineering: Deployment admin'],
  ])('words a source', (source, text) => {
    expect(sourceText(source)).toBe(text)
  })

  it.each<[Record<string, string>, ReturnType<typeof targetOf>]>([
    [{}, { scope: 'SYSTEM' }],
    [{ dep: 'd1' }, { scope: 'SYSTEM' }],
    [{ ws: 'w1' }, { scope: 'WORKSPACE', workspaceId: 'w1' }],
    [{ ws: 'w1', dep: 'd1' }, { scope: 'DEPLOYMENT', workspaceId: 'w1', deploymentId: 'd1' }],
  ])('the URL %j explains %j', (params, target) => {
    expect(targetOf(accessScopeSchema.parse(params))).toEqual(target)
  })

  it('explains a deployment permission held both directly and through a team', () => {
    const explained = explainPermissions(bindingsOf(bindings), targetOf({ ws: 'w1', dep: 'd1' }))
    const logs = explained.find((e) => e.permission === 'deployment.logs.get')
    expect(logs?.sources.map(sourceText)).toEqual(['Own role: Workspace viewer', 'Team Data Engineering: Deployment admin'])
    const del = explained.find((e) => e.permission === 'deployment.config.delete')
    expect(del?.sources.map(sourceText)).toEqual(['Team Data Engineering: Deployment admin'])
  })
})
