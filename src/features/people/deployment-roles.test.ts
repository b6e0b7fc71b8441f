import { describe, expect, it } from 'vitest'
import {
  applyRoleToChosen,
  choicesFromBindings,
  commonRole,
  type DeploymentRoleChoices,
  deploymentOfProblem,
  deploymentRolesInput,
  selectAllDeployments,
  selectionOf,
  setDeploymentRole,
  toggleDeployment,
} from './deployment-roles'

const deployments = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
  { id: 'c', label: 'Gamma' },
]

describe('the deployment roles block', () => {
  it.each<[string, DeploymentRoleChoices, DeploymentRoleChoices]>([
    ['choosing one adds it with the default role', toggleDeployment({}, 'a', true, 'DEPLOYMENT_VIEWER'), { a: 'DEPLOYMENT_VIEWER' }],
    ['choosing a chosen one keeps its role', toggleDeployment({ a: 'DEPLOYMENT_ADMIN' }, 'a', true, 'DEPLOYMENT_VIEWER'), { a: 'DEPLOYMENT_ADMIN' }],
    ['unchoosing removes it', toggleDeployment({ a: 'DEPLOYMENT_ADMIN', b: 'DEPLOYMENT_VIEWER' }, 'a', false, 'DEPLOYMENT_VIEWER'), { b: 'DEPLOYMENT_VIEWER' }],
    ['a role for a chosen one', setDeploymentRole({ a: 'DEPLOYMENT_VIEWER' }, 'a', 'DEPLOYMENT_EDITOR'), { a: 'DEPLOYMENT_EDITOR' }],
    ['a role for one not chosen changes nothing', setDeploymentRole({ a: 'DEPLOYMENT_VIEWER' }, 'b', 'DEPLOYMENT_EDITOR'), { a: 'DEPLOYMENT_VIEWER' }],
    ['select all keeps chosen roles', selectAllDeployments({ b: 'DEPLOYMENT_ADMIN' }, deployments, true, 'DEPLOYMENT_VIEWER'), { a: 'DEPLOYMENT_VIEWER', b: 'DEPLOYMENT_ADMIN', c: 'DEPLOYMENT_VIEWER' }],
    ['unselect all empties', selectAllDeployments({ b: 'DEPLOYMENT_ADMIN' }, deployments, false, 'DEPLOYMENT_VIEWER'), {}],
    ['one role for all chosen', applyRoleToChosen({ a: 'DEPLOYMENT_VIEWER', c: 'DEPLOYMENT_ADMIN' }, 'DEPLOYMENT_EDITOR'), { a: 'DEPLOYMENT_EDITOR', c: 'DEPLOYMENT_EDITOR' }],
    ['one role for none chosen', applyRoleToChosen({}, 'DEPLOYMENT_EDITOR'), {}],
  ])('%s', (_name, got, expected) => {
    expect(got).toEqual(expected)
  })

  it.each<[DeploymentRoleChoices, 'none' | 'some' | 'all', string | null]>([
    [{}, 'none', null],
    [{ a: 'DEPLOYMENT_VIEWER' }, 'some', 'DEPLOYMENT_VIEWER'],
    [{ a: 'DEPLOYMENT_VIEWER', b: 'DEPLOYMENT_EDITOR', c: 'DEPLOYMENT_VIEWER' }, 'all', null],
    [{ a: 'DEPLOYMENT_ADMIN', b: 'DEPLOYMENT_ADMIN', c: 'DEPLOYMENT_ADMIN' }, 'all', 'DEPLOYMENT_ADMIN'],
    // An id no longer offered does not count as chosen.
    [{ gone: 'DEPLOYMENT_VIEWER' }, 'none', 'DEPLOYMENT_VIEWER'],
  ])('selection of %j is %s, common role %s', (choices, selection, role) => {
    expect(selectionOf(choices, deployments)).toBe(selection)
    expect(commonRole(choices)).toBe(role)
  })

  it('sends the chosen ones in the order shown, without ids no longer offered', () => {
    expect(deploymentRolesInput({ c: 'DEPLOYMENT_ADMIN', gone: 'DEPLOYMENT_VIEWER', a: 'DEPLOYMENT_EDITOR' }, deployments)).toEqual([
      { deploymentUuid: 'a', role: 'DEPLOYMENT_EDITOR' },
      { deploymentUuid: 'c', role: 'DEPLOYMENT_ADMIN' },
    ])
  })

  it('reads current deployment roles from bindings, ignoring the workspace role', () => {
    expect(
      choicesFromBindings([
        { role: 'WORKSPACE_EDITOR', deployment: null },
        { role: 'DEPLOYMENT_ADMIN', deployment: { id: 'b' } },
      ]),
    ).toEqual({ b: 'DEPLOYMENT_ADMIN' })
  })

  it.each<[string | undefined, string | null]>([
    ['deploymentRoles[1].role', 'c'],
    ['deploymentRoles[0].deploymentUuid', 'a'],
    ['deploymentRoles[7].role', null],
    ['email', null],
    [undefined, null],
  ])('places a refusal on %s at deployment %s', (field, id) => {
    expect(deploymentOfProblem(field, [{ deploymentUuid: 'a' }, { deploymentUuid: 'c' }])).toBe(id)
  })
})
