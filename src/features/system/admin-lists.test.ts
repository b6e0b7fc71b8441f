import { describe, expect, it } from 'vitest'
import type { DeploymentStatus } from '@/gql/graphql'
import { backStackOf, deploymentsSearchSchema, filterDeployments, pageOf, slicePage, systemRolesOf, teamSystemRolesOf, usersSearchSchema, workspaceCountOf } from './admin-lists'

describe('URL state of the admin lists', () => {
  it.each<[Record<string, string>, { q: string; after?: string }]>([
    [{}, { q: '' }],
    [{ q: 'ann', after: '0b6f1f2c-3b1a-4c55-9d3e-2a1b3c4d5e6f' }, { q: 'ann', after: '0b6f1f2c-3b1a-4c55-9d3e-2a1b3c4d5e6f' }],
    [{ after: 'not-a-uuid' }, { q: '' }],
  ])('users %j', (params, parsed) => {
    expect(usersSearchSchema.parse(params)).toEqual(parsed)
  })

  it.each<[Record<string, string>, { q: string; status?: string; page: number }]>([
    [{}, { q: '', page: 1 }],
    [{ q: 'etl', status: 'HEALTHY', page: '3' }, { q: 'etl', status: 'HEALTHY', page: 3 }],
    [{ status: 'ON_FIRE', page: '-2' }, { q: '', page: 1 }],
    [{ page: 'two' }, { q: '', page: 1 }],
  ])('deployments %j', (params, parsed) => {
    expect(deploymentsSearchSchema.parse(params)).toEqual(parsed)
  })

  it.each<[unknown, string[]]>([
    [null, []],
    [{}, []],
    [{ usersBack: ['', 'abc'] }, ['', 'abc']],
    [{ usersBack: [1, 2] }, []],
    [{ usersBack: 'x' }, []],
  ])('back stack from history state %j', (state, back) => {
    expect(backStackOf(state)).toEqual(back)
  })
})

describe('system roles and workspaces of a user', () => {
  const b = (role: string, workspace: string | null = null, deployment: string | null = null) => ({
    role: role as never,
    workspace: workspace ? { id: workspace } : null,
    deployment: deployment ? { id: deployment } : null,
  })
  it('lists system roles, highest first, ignoring other scopes', () => {
    expect(systemRolesOf([b('SYSTEM_VIEWER'), b('WORKSPACE_ADMIN', 'w'), b('SYSTEM_ADMIN')])).toEqual(['SYSTEM_ADMIN', 'SYSTEM_VIEWER'])
    expect(systemRolesOf([b('WORKSPACE_ADMIN', 'w')])).toEqual([])
  })
  it('keeps system roles held through teams apart, each with its teams', () => {
    const viaTeam = (role: string, team: string) => ({ ...b(role), team: { name: team } })
    const bindings = [b('SYSTEM_VIEWER'), viaTeam('SYSTEM_ADMIN', 'Ops'), viaTeam('SYSTEM_VIEWER', 'Zeta'), viaTeam('SYSTEM_VIEWER', 'Alpha'), { ...b('WORKSPACE_ADMIN', 'w'), team: { name: 'Ops' } }]
    expect(systemRolesOf(bindings)).toEqual(['SYSTEM_VIEWER'])
    expect(teamSystemRolesOf(bindings)).toEqual([
      { role: 'SYSTEM_ADMIN', teams: ['Ops'] },
      { role: 'SYSTEM_VIEWER', teams: ['Alpha', 'Zeta'] },
    ])
  })
  it('counts distinct workspaces with a workspace role', () => {
    expect(workspaceCountOf([b('WORKSPACE_ADMIN', 'w1'), b('DEPLOYMENT_EDITOR', 'w2', 'd'), b('WORKSPACE_VIEWER', 'w3'), b('SYSTEM_ADMIN')])).toBe(2)
  })
})

describe('paging', () => {
  it('learns whether more follow from one extra row', () => {
    expect(pageOf([1, 2, 3], 2)).toEqual({ rows: [1, 2], hasNext: true })
    expect(pageOf([1, 2], 2)).toEqual({ rows: [1, 2], hasNext: false })
  })
  it.each<[number, number, { page: number; pages: number; from: number; to: number; first?: number }]>([
    [1, 120, { page: 1, pages: 3, from: 1, to: 50 }],
    [3, 120, { page: 3, pages: 3, from: 101, to: 120 }],
    [9, 120, { page: 3, pages: 3, from: 101, to: 120 }],
    [1, 0, { page: 1, pages: 1, from: 0, to: 0 }],
  ])('page %i of %i rows', (page, count, expected) => {
    const rows = Array.from({ length: count }, (_, i) => i)
    const { page: p, pages, from, to } = slicePage(rows, page, 50)
    expect({ page: p, pages, from, to }).toEqual(expected)
  })
})

describe('filterDeployments', () => {
  const d = (label: string, status: DeploymentStatus, ws: string, releaseName = label.toLowerCase().replace(/ /g, '-')) => ({ label, status, releaseName, workspace: { label: ws } })
  const rows = [d('Zeta Sync', 'HEALTHY', 'Data'), d('Alpha ETL', 'UNHEALTHY', 'Marketing'), d('Beta Reports', 'HEALTHY', 'Data', 'quiet-moon-1234')]
  it.each<[Record<string, string>, string[]]>([
    [{}, ['Alpha ETL', 'Beta Reports', 'Zeta Sync']],
    [{ q: 'etl' }, ['Alpha ETL']],
    [{ q: 'MARKET' }, ['Alpha ETL']],
    [{ q: 'quiet-moon' }, ['Beta Reports']],
    [{ status: 'HEALTHY' }, ['Beta Reports', 'Zeta Sync']],
    [{ status: 'HEALTHY', q: 'data' }, ['Beta Reports', 'Zeta Sync']],
  ])('%j', (params, labels) => {
    expect(filterDeployments(rows, deploymentsSearchSchema.parse(params)).map((r) => r.label)).toEqual(labels)
  })
})
