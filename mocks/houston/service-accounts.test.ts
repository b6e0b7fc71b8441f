import { describe, expect, test } from 'vitest'
import { SEED_IDS } from './seed'
import { testHouston } from './test-utils'

const FIELDS = 'id label category entityType entityUuid apiKey lastUsedAt active roleBinding { role workspace { id } deployment { id } serviceAccount { id } }'
const CREATE_WS = `mutation($ws: Uuid!, $l: String!, $c: String, $r: Role!) { createWorkspaceServiceAccount(workspaceUuid: $ws, label: $l, category: $c, role: $r) { ${FIELDS} } }`
const CREATE_DEP = `mutation($d: Uuid!, $l: String!, $r: Role!) { createDeploymentServiceAccount(deploymentUuid: $d, label: $l, role: $r) { ${FIELDS} } }`
const LIST_WS = `query($ws: Uuid!) { workspaceServiceAccounts(workspaceUuid: $ws) { ${FIELDS} } }`
const LIST_DEP = `query($d: Uuid!) { deploymentServiceAccounts(deploymentUuid: $d) { ${FIELDS} } }`
const DELETE_WS = 'mutation($id: Uuid!, $ws: Uuid!) { deleteWorkspaceServiceAccount(serviceAccountUuid: $id, workspaceUuid: $ws) { id label roleBinding { role } } }'
const DELETE_DEP = 'mutation($id: Uuid!, $d: Uuid!) { deleteDeploymentServiceAccount(serviceAccountUuid: $id, deploymentUuid: $d) { id } }'

interface Sa {
  id: string
  label: string
  category: string | null
  entityType: string
  entityUuid: string
  apiKey: string | null
  lastUsedAt: string | null
  roleBinding: { role: string; workspace: { id: string } | null; deployment: { id: string } | null; serviceAccount: { id: string } }
}

const dp = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl

describe('service accounts', () => {
  test('the API key is returned by the creating mutation only', async () => {
    const { signIn } = testHouston()
    const editor = await signIn('editor@example.com')
    const { createWorkspaceServiceAccount: sa } = await editor.data<{ createWorkspaceServiceAccount: Sa }>(CREATE_WS, {
      ws: dp,
      l: ' Airbyte ',
      c: 'ELT',
      r: 'WORKSPACE_VIEWER',
    })
    expect(sa).toMatchObject({ label: 'Airbyte', category: 'ELT', entityType: 'WORKSPACE', entityUuid: dp, lastUsedAt: null })
    expect(sa.apiKey).toMatch(/^[0-9a-f]{48}$/)
    expect(sa.roleBinding).toEqual({ role: 'WORKSPACE_VIEWER', workspace: { id: dp }, deployment: null, serviceAccount: { id: sa.id } })
    const { workspaceServiceAccounts } = await editor.data<{ workspaceServiceAccounts: Sa[] }>(LIST_WS, { ws: dp })
    expect(workspaceServiceAccounts.map((a) => a.label)).toEqual(['Airbyte', 'Audit exporter', 'CI/CD pipeline'])
    expect(workspaceServiceAccounts.every((a) => a.apiKey === null)).toBe(true)
    expect(workspaceServiceAccounts.find((a) => a.label === 'CI/CD pipeline')?.lastUsedAt).not.toBeNull()
  })

  test('deployment service accounts, by the deployment role', async () => {
    const { signIn } = testHouston()
    const dana = await signIn('deployeditor@example.com')
    const created = await dana.data<{ createDeploymentServiceAccount: Sa }>(CREATE_DEP, { d: etl, l: 'Nightly', r: 'DEPLOYMENT_EDITOR' })
    expect(created.createDeploymentServiceAccount).toMatchObject({ entityType: 'DEPLOYMENT', entityUuid: etl })
    expect(created.createDeploymentServiceAccount.roleBinding.deployment).toEqual({ id: etl })
    expect((await dana.error(CREATE_DEP, { d: etl, l: 'Too high', r: 'DEPLOYMENT_ADMIN' })).code).toBe('FORBIDDEN')
    expect((await dana.error(CREATE_DEP, { d: etl, l: 'Wrong scope', r: 'WORKSPACE_VIEWER' })).field).toBe('role')
    expect((await dana.error(CREATE_DEP, { d: etl, l: '', r: 'DEPLOYMENT_VIEWER' })).field).toBe('label')
    const { deploymentServiceAccounts } = await dana.data<{ deploymentServiceAccounts: Sa[] }>(LIST_DEP, { d: etl })
    expect(deploymentServiceAccounts.map((a) => a.label)).toEqual(['Deploy bot', 'Nightly'])

    const deleted = await dana.data<{ deleteDeploymentServiceAccount: { id: string } }>(DELETE_DEP, {
      id: created.createDeploymentServiceAccount.id,
      d: etl,
    })
    expect(deleted.deleteDeploymentServiceAccount.id).toBe(created.createDeploymentServiceAccount.id)
  })

  test('delete: the account and its role go; it must belong to the entity named', async () => {
    const { signIn } = testHouston()
    const editor = await signIn('editor@example.com')
    const { workspaceServiceAccounts } = await editor.data<{ workspaceServiceAccounts: Sa[] }>(LIST_WS, { ws: dp })
    const cicd = workspaceServiceAccounts.find((a) => a.label === 'CI/CD pipeline')
    expect(cicd).toBeDefined()
    const wrongWs = await editor.error(DELETE_WS, { id: cicd?.id, ws: SEED_IDS.marketing })
    expect(wrongWs).toMatchObject({ code: 'NOT_FOUND', field: 'serviceAccountUuid' })
    const r = await editor.data<{ deleteWorkspaceServiceAccount: { label: string; roleBinding: { role: string } } }>(DELETE_WS, { id: cicd?.id, ws: dp })
    expect(r.deleteWorkspaceServiceAccount).toEqual({ id: cicd?.id, label: 'CI/CD pipeline', roleBinding: { role: 'WORKSPACE_EDITOR' } })
    const after = await editor.data<{ workspaceServiceAccounts: Sa[] }>(LIST_WS, { ws: dp })
    expect(after.workspaceServiceAccounts.map((a) => a.label)).toEqual(['Audit exporter'])
  })

  test('viewers list but cannot create or delete', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    await expect(viewer.data(LIST_WS, { ws: dp })).resolves.toBeTruthy()
    const e = await viewer.error(CREATE_WS, { ws: dp, l: 'x', r: 'WORKSPACE_VIEWER' })
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/workspace\.serviceAccounts\.create/)
  })
})
