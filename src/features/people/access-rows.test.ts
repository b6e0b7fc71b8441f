import { describe, expect, it } from 'vitest'
import type { Role } from '@/lib/permissions'
import { accessRows, accessSearchSchema, effectiveWith, filterAccessRows, liftingTeams, overrideIrrelevance } from './access-rows'

const W = 'w1'
const D = 'd1'
const user = (key: string, name: string | null, system: Role[] = []) => ({
  id: `u-${key}`,
  username: key,
  fullName: name,
  emails: [{ address: `${key}@example.com`, primary: true }],
  roleBindings: system.map((role) => ({ role, workspace: null, deployment: null })),
})
const bind = (key: string, role: Role, u = user(key, key.toUpperCase())) => ({ id: `b-${key}-${role}`, role, user: u })

describe('accessRows: workspace role + override -> effective deployment role', () => {
  const rows = accessRows(
    [
      bind('ann', 'WORKSPACE_ADMIN'),
      bind('bo', 'WORKSPACE_EDITOR'),
      bind('cy', 'WORKSPACE_VIEWER'),
      bind('di', 'WORKSPACE_VIEWER'),
      bind('ed', 'WORKSPACE_VIEWER', user('ed', 'ED', ['SYSTEM_ADMIN'])),
    ],
    [bind('bo', 'DEPLOYMENT_VIEWER'), bind('cy', 'DEPLOYMENT_ADMIN'), bind('fay', 'DEPLOYMENT_EDITOR'), bind('ann', 'DEPLOYMENT_VIEWER')],
    W,
    D,
  )
  it.each<[string, Role | null, Role | null, Role | null]>([
    ['ANN', 'WORKSPACE_ADMIN', 'DEPLOYMENT_VIEWER', 'DEPLOYMENT_ADMIN'],
    ['BO', 'WORKSPACE_EDITOR', 'DEPLOYMENT_VIEWER', 'DEPLOYMENT_VIEWER'],
    ['CY', 'WORKSPACE_VIEWER', 'DEPLOYMENT_ADMIN', 'DEPLOYMENT_ADMIN'],
    ['DI', 'WORKSPACE_VIEWER', null, 'DEPLOYMENT_VIEWER'],
    ['ED', 'WORKSPACE_VIEWER', null, 'DEPLOYMENT_ADMIN'],
    ['FAY', null, 'DEPLOYMENT_EDITOR', 'DEPLOYMENT_EDITOR'],
  ])('%s', (name, ws, override, effective) => {
    const row = rows.find((r) => r.name === name)
    expect(row?.workspaceRole).toBe(ws)
    expect(row?.override?.role ?? null).toBe(override)
    expect(row?.effective).toBe(effective)
  })

  it('sorts by name and filters by search and overrides only (in the URL)', () => {
    expect(rows.map((r) => r.name)).toEqual(['ANN', 'BO', 'CY', 'DI', 'ED', 'FAY'])
    expect(filterAccessRows(rows, accessSearchSchema.parse({ only: 'overrides' })).map((r) => r.name)).toEqual(['ANN', 'BO', 'CY', 'FAY'])
    expect(filterAccessRows(rows, accessSearchSchema.parse({ q: 'di@' })).map((r) => r.name)).toEqual(['DI'])
    expect(filterAccessRows(rows, accessSearchSchema.parse({ only: 'everything' })).length).toBe(6)
  })
})

describe('effectiveWith: previewing a change', () => {
  it.each<[Role | null, Role | null, Role | null, Role | null]>([
    ['WORKSPACE_VIEWER', null, 'DEPLOYMENT_EDITOR', 'DEPLOYMENT_EDITOR'],
    ['WORKSPACE_EDITOR', null, null, 'DEPLOYMENT_EDITOR'],
    ['WORKSPACE_EDITOR', null, 'DEPLOYMENT_VIEWER', 'DEPLOYMENT_VIEWER'],
    ['WORKSPACE_ADMIN', null, 'DEPLOYMENT_VIEWER', 'DEPLOYMENT_ADMIN'],
    [null, 'SYSTEM_ADMIN', 'DEPLOYMENT_VIEWER', 'DEPLOYMENT_ADMIN'],
    [null, 'SYSTEM_EDITOR', null, null],
  ])('workspace %s, system %s, override %s -> %s', (workspaceRole, systemRole, override, effective) => {
    expect(effectiveWith({ workspaceRole, systemRole }, override, W, D)).toBe(effective)
  })

  it('says when an override would change nothing', () => {
    expect(overrideIrrelevance({ name: 'A', workspaceRole: 'WORKSPACE_ADMIN', systemRole: null })).toMatch(/workspace admin/)
    expect(overrideIrrelevance({ name: 'A', workspaceRole: null, systemRole: 'SYSTEM_ADMIN' })).toMatch(/system admin/)
    expect(overrideIrrelevance({ name: 'A', workspaceRole: 'WORKSPACE_EDITOR', systemRole: 'SYSTEM_EDITOR' })).toBeNull()
  })
})

describe('accessRows with team roles', () => {
  const team = { id: 't1', name: 'Data Engineering' }
  const withTeam = (key: string, roleBindings: { role: Role; workspace: { id: string } | null; deployment: { id: string; workspace?: { id: string } } | null; team?: typeof team | null }[]) => ({
    ...user(key, key.toUpperCase()),
    roleBindings,
  })

  it('counts a team’s role, the most permissive winning, and names the team that lifts the person', () => {
    const gus = withTeam('gus', [
      { role: 'WORKSPACE_VIEWER', workspace: { id: W }, deployment: null },
      { role: 'WORKSPACE_EDITOR', workspace: { id: W }, deployment: null, team },
      // A team role in another workspace does not count here.
      { role: 'WORKSPACE_ADMIN', workspace: { id: 'w2' }, deployment: null, team },
    ])
    const hal = withTeam('hal', [
      { role: 'WORKSPACE_EDITOR', workspace: { id: W }, deployment: null },
      { role: 'DEPLOYMENT_VIEWER', workspace: { id: W }, deployment: { id: D, workspace: { id: W } }, team },
    ])
    const member = (u: typeof gus, role: Role) => ({ id: `b-${u.id}`, role, user: u })
    const rows = accessRows([member(gus, 'WORKSPACE_VIEWER'), member(hal, 'WORKSPACE_EDITOR')], [], W, D)
    const g = rows.find((r) => r.name === 'GUS')
    expect(g?.ownEffective).toBe('DEPLOYMENT_VIEWER')
    expect(g?.effective).toBe('DEPLOYMENT_EDITOR')
    expect(g && liftingTeams(g)).toEqual(['Data Engineering'])
    // A team's narrower deployment role does not narrow the person's own.
    const h = rows.find((r) => r.name === 'HAL')
    expect(h?.effective).toBe('DEPLOYMENT_EDITOR')
    expect(h && liftingTeams(h)).toEqual([])
    // The preview of an override of their own keeps the team's role in.
    expect(g && effectiveWith(g, 'DEPLOYMENT_VIEWER', W, D)).toBe('DEPLOYMENT_EDITOR')
  })
})
