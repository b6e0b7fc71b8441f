import { isObjectType } from 'graphql'
import { describe, expect, test } from 'vitest'
import { buildHoustonSchema, PUBLIC_FIELDS } from './schema'
import { SEED_IDS } from './seed'
import { SDL, testHouston } from './test-utils'

describe('the executable schema', () => {
  test('serves every operation of schema.graphql', () => {
    const schema = buildHoustonSchema(SDL)
    for (const name of ['Query', 'Mutation', 'Subscription']) {
      const type = schema.getType(name)
      if (!isObjectType(type)) throw new Error(`no ${name}`)
      for (const field of Object.values(type.getFields())) expect(field.resolve ?? field.subscribe, `${name}.${field.name}`).toBeTypeOf('function')
    }
    expect([...PUBLIC_FIELDS]).toEqual(['Query.authConfig', 'Mutation.createToken', 'Mutation.createUser'])
  })

  test('fails to build when schema.graphql and the resolvers drift apart', () => {
    expect(() => buildHoustonSchema(SDL.replace(/^\s*deploymentLogs\(.*$/m, ''))).toThrow(/Query\.deploymentLogs/)
    expect(() => buildHoustonSchema(SDL.replace('type Query {', 'type Query {\n  extra: Int'))).toThrow(/No resolver for Query\.extra/)
  })
})

describe('request errors', () => {
  test('syntax and validation errors carry a code', async () => {
    const { anonymous } = testHouston()
    expect((await anonymous.error('{ self {')).code).toBe('GRAPHQL_PARSE_FAILED')
    expect((await anonymous.error('{ nope }')).code).toBe('GRAPHQL_VALIDATION_FAILED')
  })

  test('subscriptions are not served by execute()', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const e = await viewer.error('subscription($d: Uuid!) { log(deploymentUuid: $d) { id } }', { d: SEED_IDS.customerEtl })
    expect(e.code).toBe('BAD_REQUEST')
  })

  test('scalars refuse malformed input', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    expect(await viewer.error('query($id: Uuid!) { workspace(workspaceUuid: $id) { id } }', { id: '123' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' })
    expect((await viewer.error('{ workspace(workspaceUuid: "123") { id } }')).code).toBe('BAD_USER_INPUT')
    const d = SEED_IDS.customerEtl
    expect(await viewer.error('query($d: Uuid!, $t: DateTime) { logs(deploymentUuid: $d, timestamp: $t) { id } }', { d, t: 'yesterday' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 't',
    })
    // Uuids are case-insensitive.
    const upper = await viewer.data<{ workspace: { id: string } }>('query($id: Uuid!) { workspace(workspaceUuid: $id) { id } }', {
      id: SEED_IDS.dataPlatform.toUpperCase(),
    })
    expect(upper.workspace.id).toBe(SEED_IDS.dataPlatform)
  })

  test('JSON arguments work inline too', async () => {
    const { signIn } = testHouston()
    const editor = await signIn('editor@example.com')
    const inline = await editor.data<{ updateWorkspace: { description: string } }>(
      `mutation { updateWorkspace(workspaceUuid: "${SEED_IDS.dataPlatform}", payload: { description: "inline", label: "Data Platform" }) { description } }`,
    )
    expect(inline.updateWorkspace.description).toBe('inline')
  })
})
