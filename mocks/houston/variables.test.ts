import { describe, expect, test } from 'vitest'
import { RESERVED_ENV_VARS } from '../../src/lib/env-vars'
import { DEPLOY_DURATION_MS } from './lifecycle'
import { SEED_IDS } from './seed'
import { Q, testHouston } from './test-utils'

const READ = 'query($id: Uuid!, $r: String!) { deploymentVariables(deploymentUuid: $id, releaseName: $r) { key value isSecret } }'
const WRITE = `mutation($id: Uuid!, $r: String!, $vars: [InputEnvironmentVariable!]!) {
  updateDeploymentVariables(deploymentUuid: $id, releaseName: $r, environmentVariables: $vars) { key value isSecret } }`

type Var = { key: string; value: string | null; isSecret: boolean }

async function session() {
  const h = testHouston()
  const editor = await h.signIn('editor@example.com')
  const id = SEED_IDS.customerEtl
  const { deployment } = await editor.data<{ deployment: { releaseName: string } }>(Q.deployment, { id })
  const r = deployment.releaseName
  const write = (vars: Var[]) => editor.data<{ updateDeploymentVariables: Var[] }>(WRITE, { id, r, vars })
  const writeError = (vars: Var[]) => editor.error(WRITE, { id, r, vars })
  return { ...h, editor, id, r, write, writeError }
}

describe('environment variables', () => {
  test('secret values are never returned', async () => {
    const { editor, id, r } = await session()
    const { deploymentVariables } = await editor.data<{ deploymentVariables: Var[] }>(READ, { id, r })
    expect(deploymentVariables).toContainEqual({ key: 'SNOWFLAKE_PASSWORD', value: null, isSecret: true })
    expect(deploymentVariables).toContainEqual({ key: 'ENVIRONMENT', value: 'production', isSecret: false })
    const viaDeployment = await editor.data<{ deployment: { environmentVariables: Var[] } }>(Q.deployment, { id })
    expect(viaDeployment.deployment.environmentVariables.filter((v) => v.isSecret).every((v) => v.value === null)).toBe(true)
  })

  test('an update replaces the list, keeps a secret sent as null, and redeploys', async () => {
    const { write, editor, id, clock, houston } = await session()
    const r = await write([
      { key: 'ENVIRONMENT', value: 'staging', isSecret: false },
      { key: 'SNOWFLAKE_PASSWORD', value: null, isSecret: true },
      { key: 'NEW_SECRET', value: 's3cret', isSecret: true },
    ])
    expect(r.updateDeploymentVariables).toEqual([
      { key: 'ENVIRONMENT', value: 'staging', isSecret: false },
      { key: 'SNOWFLAKE_PASSWORD', value: null, isSecret: true },
      { key: 'NEW_SECRET', value: null, isSecret: true },
    ])
    const stored = houston.contextFor(null).store.deployment(id)?.environmentVariables
    expect(stored).toContainEqual({ key: 'SNOWFLAKE_PASSWORD', value: 'hunter2-prod', isSecret: true })
    expect(stored).toContainEqual({ key: 'NEW_SECRET', value: 's3cret', isSecret: true })
    const dep = await editor.data<{ deployment: { status: string } }>(Q.deployment, { id })
    expect(dep.deployment.status).toBe('DEPLOYING')
    clock.advance(DEPLOY_DURATION_MS)
    const after = await editor.data<{ deployment: { status: string } }>(Q.deployment, { id })
    expect(after.deployment.status).toBe('HEALTHY')
  })

  test.each([
    [[{ key: '1ABC', value: 'x', isSecret: false }], 'environmentVariables[0].key'],
    [[{ key: 'WITH-DASH', value: 'x', isSecret: false }], 'environmentVariables[0].key'],
    [[{ key: '', value: 'x', isSecret: false }], 'environmentVariables[0].key'],
    [[{ key: 'A', value: '1', isSecret: false }, { key: 'B', value: '2', isSecret: false }, { key: 'A', value: '3', isSecret: false }], 'environmentVariables[2].key'],
    [[{ key: 'AIRFLOW__CORE__EXECUTOR', value: 'LocalExecutor', isSecret: false }], 'environmentVariables[0].key'],
    [[{ key: 'airflow__core__fernet_key', value: 'x', isSecret: false }], 'environmentVariables[0].key'],
    [[{ key: 'BRAND_NEW', value: null, isSecret: true }], 'environmentVariables[0].value'],
    [[{ key: 'SNOWFLAKE_PASSWORD', value: null, isSecret: false }], 'environmentVariables[0].value'],
    [[{ key: 'PLAIN', value: null, isSecret: false }], 'environmentVariables[0].value'],
  ])('refuses %j on %s', async (vars, field) => {
    const { writeError } = await session()
    expect(await writeError(vars)).toMatchObject({ code: 'BAD_USER_INPUT', field })
  })

  test('a plain value is made secret at any time, keeping its value; a secret made plain needs a new one', async () => {
    const { write, writeError, houston, id, clock } = await session()
    const r = await write([{ key: 'ENVIRONMENT', value: null, isSecret: true }])
    expect(r.updateDeploymentVariables).toEqual([{ key: 'ENVIRONMENT', value: null, isSecret: true }])
    expect(houston.contextFor(null).store.deployment(id)?.environmentVariables).toEqual([{ key: 'ENVIRONMENT', value: 'production', isSecret: true }])
    clock.advance(DEPLOY_DURATION_MS)
    expect(await writeError([{ key: 'ENVIRONMENT', value: null, isSecret: false }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'environmentVariables[0].value' })
    const plain = await write([{ key: 'ENVIRONMENT', value: 'staging', isSecret: false }])
    expect(plain.updateDeploymentVariables).toEqual([{ key: 'ENVIRONMENT', value: 'staging', isSecret: false }])
  })

  test('every reserved name is refused', async () => {
    const { writeError } = await session()
    for (const key of RESERVED_ENV_VARS) {
      expect((await writeError([{ key, value: 'x', isSecret: false }])).field).toBe('environmentVariables[0].key')
    }
  })

  test('a wrong release name is refused; viewers may read but not write', async () => {
    const { editor, id, signIn, r } = await session()
    expect(await editor.error(READ, { id, r: 'other-release-0000' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'releaseName' })
    const viewer = await signIn('viewer@example.com')
    await expect(viewer.data(READ, { id, r })).resolves.toBeTruthy()
    expect((await viewer.error(WRITE, { id, r, vars: [] })).code).toBe('FORBIDDEN')
  })

  test('refused while the deployment is deploying', async () => {
    const { signIn } = testHouston()
    const admin = await signIn('admin@example.com')
    const id = SEED_IDS.warehouseSync
    const { deployment } = await admin.data<{ deployment: { releaseName: string } }>(Q.deployment, { id })
    expect((await admin.error(WRITE, { id, r: deployment.releaseName, vars: [] })).code).toBe('CONFLICT')
  })
})
