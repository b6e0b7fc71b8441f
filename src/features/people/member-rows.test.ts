import { describe, expect, it } from 'vitest'
import type { UserStatus } from '@/gql/graphql'
import type { Role } from '@/lib/permissions'
import { filterMembers, lastAdminReason, memberRows, membersSearchSchema, type MemberRow } from './member-rows'

const binding = (id: string, name: string, role: Role, status: UserStatus = 'active') => ({
  id: `b-${id}`,
  role,
  createdAt: '2025-01-01T00:00:00.000Z',
  user: { id: `u-${id}`, username: id, fullName: name, status, emails: [{ address: `${id}@example.com`, primary: true }] },
})
const invite = (email: string, role: Role, deploymentRoles: { role: Role; deployment: { id: string; label: string } }[] = []) => ({
  id: `i-${email}`,
  email,
  role,
  createdAt: '2025-02-01T00:00:00.000Z',
  deploymentRoles,
})

describe('memberRows', () => {
  it('lists members by name, then invites by email, with their status', () => {
    const rows = memberRows(
      [binding('zed', 'Zed Z', 'WORKSPACE_VIEWER'), binding('amy', 'Amy A', 'WORKSPACE_ADMIN', 'pending'), { ...binding('x', 'X', 'WORKSPACE_VIEWER'), user: null }],
      [invite('b@example.com', 'WORKSPACE_EDITOR'), invite('a@example.com', 'WORKSPACE_VIEWER')],
    )
    expect(rows.map((r) => [r.kind, r.name, r.status])).toEqual([
      ['member', 'Amy A', 'pending'],
      ['member', 'Zed Z', 'active'],
      ['invite', 'a@example.com', 'invited'],
      ['invite', 'b@example.com', 'invited'],
    ])
  })

  it("lists an invite's deployment roles by deployment label; a member has none here", () => {
    const rows = memberRows(
      [binding('amy', 'Amy A', 'WORKSPACE_VIEWER')],
      [
        invite('a@example.com', 'WORKSPACE_VIEWER', [
          { role: 'DEPLOYMENT_ADMIN', deployment: { id: 'd2', label: 'Zeta' } },
          { role: 'DEPLOYMENT_EDITOR', deployment: { id: 'd1', label: 'Alpha' } },
        ]),
      ],
    )
    expect(rows.map((r) => r.deploymentRoles)).toEqual([
      [],
      [
        { deploymentId: 'd1', label: 'Alpha', role: 'DEPLOYMENT_EDITOR' },
        { deploymentId: 'd2', label: 'Zeta', role: 'DEPLOYMENT_ADMIN' },
      ],
    ])
  })

  it('names a user without a full name by username', () => {
    const b = { ...binding('kim', 'x', 'WORKSPACE_VIEWER'), user: { ...binding('kim', 'x', 'WORKSPACE_VIEWER').user, fullName: null } }
    expect(memberRows([b], [])[0]?.name).toBe('kim')
  })
})

describe('filterMembers', () => {
  const rows = memberRows(
    [binding('ann', 'Ann Lee', 'WORKSPACE_ADMIN'), binding('bo', 'Bo Chan', 'WORKSPACE_EDITOR'), binding('cy', 'Cy Ode', 'WORKSPACE_VIEWER')],
    [invite('new@partner.example', 'WORKSPACE_EDITOR')],
  )
  it.each<[string, Record<string, string>, string[]]>([
    ['no filter', {}, ['Ann Lee', 'Bo Chan', 'Cy Ode', 'new@partner.example']],
    ['by name, any case', { q: 'LEE' }, ['Ann Lee']],
    ['by email', { q: 'partner' }, ['new@partner.example']],
    ['by role, invites included', { role: 'editor' }, ['Bo Chan', 'new@partner.example']],
    ['role and search together', { role: 'editor', q: 'bo' }, ['Bo Chan']],
    ['a bad role in the URL falls back to any role', { role: 'owner' }, ['Ann Lee', 'Bo Chan', 'Cy Ode', 'new@partner.example']],
  ])('%s', (_name, params, names) => {
    expect(filterMembers(rows, membersSearchSchema.parse(params)).map((r) => r.name)).toEqual(names)
  })
})

describe('lastAdminReason', () => {
  const find = (rows: MemberRow[], name: string) => rows.find((r) => r.name === name) as MemberRow
  it('protects the only admin, and only them', () => {
    const rows = memberRows([binding('ann', 'Ann', 'WORKSPACE_ADMIN'), binding('bo', 'Bo', 'WORKSPACE_EDITOR')], [invite('x@example.com', 'WORKSPACE_ADMIN')])
    expect(lastAdminReason(find(rows, 'Ann'), rows, 'Data', true)).toMatch(/^You are the last admin of Data/)
    expect(lastAdminReason(find(rows, 'Ann'), rows, 'Data', false)).toMatch(/^Ann is the last admin of Data/)
    expect(lastAdminReason(find(rows, 'Bo'), rows, 'Data', false)).toBeNull()
    // a pending invite as admin is not an admin yet
    expect(lastAdminReason(find(rows, 'x@example.com'), rows, 'Data', false)).toBeNull()
  })

  it('lets one of two admins go', () => {
    const rows = memberRows([binding('ann', 'Ann', 'WORKSPACE_ADMIN'), binding('bo', 'Bo', 'WORKSPACE_ADMIN')], [])
    expect(lastAdminReason(find(rows, 'Ann'), rows, 'Data', true)).toBeNull()
  })
})
