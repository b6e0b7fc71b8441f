import { describe, expect, test } from 'vitest'
import { SEEDED_ACCOUNTS } from './seed-accounts'
import { clientOf, testHouston } from './test-utils'

const SIGN_IN = `mutation($i: String!, $p: String!, $d: Int) {
  createToken(identity: $i, password: $p, duration: $d) { token { value payload { uuid iat exp } } user { id username } permissions isAdmin }
}`

describe('authConfig', () => {
  test('is public: local sign-in and two placeholder providers', async () => {
    const { anonymous } = testHouston()
    const data = await anonymous.data<{ authConfig: { localEnabled: boolean; providers: { name: string; url: string }[] } }>(
      '{ authConfig { localEnabled publicSignup initialSignup providers { name displayName url } } }',
    )
    expect(data.authConfig.localEnabled).toBe(true)
    expect(data.authConfig.providers.map((p) => p.name)).toEqual(['google', 'okta'])
    expect(data.authConfig.providers.every((p) => p.url.startsWith('#'))).toBe(true)
  })
})

describe('createToken', () => {
  test('every seeded account signs in with password demo', async () => {
    const { signIn } = testHouston()
    for (const account of SEEDED_ACCOUNTS) {
      const client = await signIn(account.email, account.password)
      const self = await client.data<{ self: { user: { emails: { address: string }[] } } }>('{ self { user { emails { address } } } }')
      expect(self.self.user.emails[0]?.address).toBe(account.email)
    }
  })

  test('accepts a username as the identity, case-insensitively', async () => {
    const { signIn } = testHouston()
    await expect(signIn('Editor')).resolves.toBeTruthy()
    await expect(signIn('EDITOR@example.com')).resolves.toBeTruthy()
  })

  test('returns an opaque token valid 24 hours, or the duration asked', async () => {
    const { anonymous, clock } = testHouston()
    const r = await anonymous.data<{ createToken: { token: { value: string; payload: { iat: number; exp: number } }; isAdmin: boolean } }>(
      SIGN_IN,
      { i: 'admin@example.com', p: 'demo' },
    )
    const { value, payload } = r.createToken.token
    expect(value).toMatch(/^[0-9a-f]{64}$/)
    expect(payload.iat).toBe(Math.floor(clock.now() / 1000))
    expect(payload.exp - payload.iat).toBe(24 * 3600)
    expect(r.createToken.isAdmin).toBe(true)

    const short = await anonymous.data<{ createToken: { token: { payload: { iat: number; exp: number } } } }>(SIGN_IN, {
      i: 'admin@example.com',
      p: 'demo',
      d: 60,
    })
    expect(short.createToken.token.payload.exp - short.createToken.token.payload.iat).toBe(60)
  })

  test('refuses a wrong password and an unknown account with the same message', async () => {
    const { anonymous } = testHouston()
    const wrong = await anonymous.error(SIGN_IN, { i: 'admin@example.com', p: 'nope' })
    const unknown = await anonymous.error(SIGN_IN, { i: 'ghost@example.com', p: 'demo' })
    expect(wrong.code).toBe('UNAUTHENTICATED')
    expect(unknown.code).toBe('UNAUTHENTICATED')
    expect(wrong.message).toBe(unknown.message)
  })

  test('refuses inactive users', async () => {
    const { anonymous } = testHouston()
    const e = await anonymous.error(SIGN_IN, { i: 'olga.petrova@example.com', p: 'demo' })
    expect(e.code).toBe('UNAUTHENTICATED')
    expect(e.message).toMatch(/deactivated/)
  })

  test('refuses a duration that is not positive', async () => {
    const { anonymous } = testHouston()
    const e = await anonymous.error(SIGN_IN, { i: 'admin@example.com', p: 'demo', d: 0 })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duration' })
  })
})

describe('tokens', () => {
  test('every other operation needs a token', async () => {
    const { anonymous } = testHouston()
    for (const query of ['{ self { user { id } } }', '{ workspaces { id } }', '{ deploymentConfig }']) {
      expect((await anonymous.error(query)).code).toBe('UNAUTHENTICATED')
    }
    const e = await anonymous.error('mutation { createWorkspace(label: "X") { id } }')
    expect(e.code).toBe('UNAUTHENTICATED')
  })

  test('an unknown token is refused; "Bearer " before a good one is accepted', async () => {
    const { houston, signIn } = testHouston()
    expect((await clientOf(houston, 'not-a-token').error('{ self { user { id } } }')).code).toBe('UNAUTHENTICATED')
    const client = await signIn('viewer@example.com')
    const bearer = clientOf(houston, `Bearer ${client.token ?? ''}`)
    await expect(bearer.data('{ self { user { id } } }')).resolves.toBeTruthy()
  })

  test('a token expires with the clock', async () => {
    const { signIn, clock } = testHouston()
    const client = await signIn('viewer@example.com')
    clock.advance(24 * 3600 * 1000 - 1000)
    await expect(client.data('{ self { user { id } } }')).resolves.toBeTruthy()
    clock.advance(1000)
    const e = await client.error('{ self { user { id } } }')
    expect(e.code).toBe('UNAUTHENTICATED')
    expect(e.message).toMatch(/expired/)
  })
})

describe('self', () => {
  test('returns the user with every role binding, ids included, and the system permissions', async () => {
    const { signIn } = testHouston()
    const client = await signIn('deployeditor@example.com')
    const { self } = await client.data<{
      self: {
        permissions: string[]
        isAdmin: boolean
        user: { roleBindings: { role: string; workspace: { id: string } | null; deployment: { id: string; label: string } | null }[] }
      }
    }>('{ self { permissions isAdmin user { roleBindings { role workspace { id label } deployment { id label } } } } }')
    expect(self.permissions).toEqual(['system.workspace.create'])
    expect(self.isAdmin).toBe(false)
    const roles = self.user.roleBindings.map((b) => b.role).sort()
    expect(roles).toEqual(['DEPLOYMENT_EDITOR', 'WORKSPACE_VIEWER'])
    const deploymentBinding = self.user.roleBindings.find((b) => b.role === 'DEPLOYMENT_EDITOR')
    expect(deploymentBinding?.deployment?.label).toBe('Customer ETL')
    expect(deploymentBinding?.workspace?.id).toBeTruthy()
  })

  test("a system admin's permissions are the system admin's", async () => {
    const { signIn } = testHouston()
    const client = await signIn('admin@example.com')
    const { self } = await client.data<{ self: { permissions: string[]; isAdmin: boolean } }>('{ self { permissions isAdmin } }')
    expect(self.isAdmin).toBe(true)
    expect(self.permissions).toContain('system.users.get')
    expect(self.permissions).toEqual([...self.permissions].sort())
  })
})
