import { describe, expect, test } from 'vitest'
import { stableId } from './random'
import { clientOf, testHouston } from './test-utils'

const USERS = 'query($s: UserSearch, $c: Uuid, $t: Int) { users(user: $s, cursor: $c, take: $t) { id username status roleBindings { role } } }'
const GRANT = 'mutation($u: Uuid!, $r: Role!) { createSystemRoleBinding(userId: $u, role: $r) { role user { username } workspace { id } } }'
const REVOKE = 'mutation($u: Uuid!, $r: Role!) { deleteSystemRoleBinding(userId: $u, role: $r) { role } }'

type U = { id: string; username: string; status: string; roleBindings: { role: string }[] }

describe('users', () => {
  test('lists every user, searchable and paginated by cursor', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const { users } = await admin.data<{ users: U[] }>(USERS)
    expect(users.length).toBeGreaterThanOrEqual(40)
    expect(new Set(users.map((u) => u.status))).toEqual(new Set(['active', 'pending', 'inactive']))

    const page1 = await admin.data<{ users: U[] }>(USERS, { t: 10 })
    const page2 = await admin.data<{ users: U[] }>(USERS, { t: 10, c: page1.users.at(-1)?.id })
    expect(page1.users.map((u) => u.id)).toEqual(users.slice(0, 10).map((u) => u.id))
    expect(page2.users.map((u) => u.id)).toEqual(users.slice(10, 20).map((u) => u.id))

    const found = await admin.data<{ users: U[] }>(USERS, { s: { email: 'SYSEDIT@' } })
    expect(found.users.map((u) => u.username)).toEqual(['sysedit'])
    expect((await admin.error(USERS, { t: 0 })).field).toBe('take')

    // A cursor pages within the search; one naming no user of that search is refused.
    const sys = { searchPhrase: 'SYS' }
    const matching = (await admin.data<{ users: U[] }>(USERS, { s: sys })).users
    expect(matching.map((u) => u.username)).toEqual(['sysedit', 'sysviewer'])
    const next = await admin.data<{ users: U[] }>(USERS, { s: sys, t: 1, c: matching[0]?.id })
    expect(next.users.map((u) => u.username)).toEqual(['sysviewer'])
    const outsider = users.find((u) => u.username === 'admin')
    expect((await admin.error(USERS, { s: sys, c: outsider?.id })).field).toBe('cursor')
  })

  test('a user sees their own system binding, and an admin sees everyone’s', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const { users } = await admin.data<{ users: U[] }>(USERS, { s: { username: 'sysviewer' } })
    expect(users[0]?.roleBindings).toEqual([{ role: 'SYSTEM_VIEWER' }])
  })
})

describe('system role bindings', () => {
  test('grant and revoke; a duplicate is refused', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const u = stableId('user:newbie')
    expect(await admin.data(GRANT, { u, r: 'SYSTEM_EDITOR' })).toEqual({
      createSystemRoleBinding: { role: 'SYSTEM_EDITOR', user: { username: 'newbie' }, workspace: null },
    })
    expect(await admin.error(GRANT, { u, r: 'SYSTEM_EDITOR' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' })
    expect(await admin.error(GRANT, { u, r: 'WORKSPACE_ADMIN' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' })
    const newbie = await signIn('newbie@example.com')
    const self = await newbie.data<{ self: { permissions: string[] } }>('{ self { permissions } }')
    expect(self.self.permissions).toContain('system.iam.update')
    await admin.data(REVOKE, { u, r: 'SYSTEM_EDITOR' })
    expect(await admin.error(REVOKE, { u, r: 'SYSTEM_EDITOR' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await admin.error(GRANT, { u: stableId('user:ghost'), r: 'SYSTEM_VIEWER' })).toMatchObject({ code: 'NOT_FOUND', field: 'userId' })
  })

  test('the last system admin keeps the role', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    await admin.data(REVOKE, { u: stableId('user:jordan.blake'), r: 'SYSTEM_ADMIN' })
    const e = await admin.error(REVOKE, { u: stableId('user:admin'), r: 'SYSTEM_ADMIN' })
    expect(e.code).toBe('LAST_ADMIN')
  })

  test('a system editor may not revoke a role above their own', async () => {
    const { signIn } = testHouston()
    const sysedit = await signIn('sysedit@example.com')
    expect((await sysedit.error(REVOKE, { u: stableId('user:admin'), r: 'SYSTEM_ADMIN' })).code).toBe('FORBIDDEN')
    await expect(sysedit.data(REVOKE, { u: stableId('user:sysviewer'), r: 'SYSTEM_VIEWER' })).resolves.toBeTruthy()
  })
})

describe('updateUserStatus', () => {
  const STATUS = 'mutation($u: Uuid!, $s: UserStatus!) { updateUserStatus(userUuid: $u, status: $s) { id status } }'

  test('a deactivated user cannot sign in and their sessions end; reactivating lets them in again', async () => {
    const { signIn, houston } = testHouston()
    const admin = await signIn('admin@example.com')
    const editor = await signIn('editor@example.com')
    const u = stableId('user:editor')
    expect(await admin.data(STATUS, { u, s: 'inactive' })).toEqual({ updateUserStatus: { id: u, status: 'inactive' } })
    expect((await editor.error('{ self { user { id } } }')).code).toBe('UNAUTHENTICATED')
    await expect(signIn('editor@example.com')).rejects.toThrow(/deactivated/)
    const { users } = await admin.data<{ users: U[] }>(USERS, { s: { userUuid: u } })
    expect(users[0]?.status).toBe('inactive')

    await admin.data(STATUS, { u, s: 'active' })
    const again = await signIn('editor@example.com')
    await expect(again.data('{ self { user { id } } }')).resolves.toBeTruthy()
    // the old session stays ended
    expect((await clientOf(houston, editor.token).error('{ self { user { id } } }')).code).toBe('UNAUTHENTICATED')
  })

  test('refuses your own account, a pending status, and activating a user who never accepted', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    expect(await admin.error(STATUS, { u: stableId('user:admin'), s: 'inactive' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userUuid' })
    expect(await admin.error(STATUS, { u: stableId('user:editor'), s: 'pending' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' })
    expect(await admin.error(STATUS, { u: stableId('user:peter.holm'), s: 'active' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' })
    await expect(admin.data(STATUS, { u: stableId('user:peter.holm'), s: 'inactive' })).resolves.toBeTruthy()
    expect(await admin.error(STATUS, { u: stableId('user:ghost'), s: 'inactive' })).toMatchObject({ code: 'NOT_FOUND', field: 'userUuid' })
  })

  test('needs system.user.delete: a system editor is refused', async () => {
    const { signIn } = testHouston()
    const sysedit = await signIn('sysedit@example.com')
    const e = await sysedit.error(STATUS, { u: stableId('user:viewer'), s: 'inactive' })
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/system\.user\.delete/)
  })
})
