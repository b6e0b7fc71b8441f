// The rules of the deployment roles block (invites, team roles): which
// deployments are chosen and with which role, "select all", one role for all
// chosen, and what is sent. Plain functions over a map from deployment id to
// role, so every case is tested in a table.
import { type Role, ROLES, roleScope } from '@/lib/permissions'

/** Deployment id -> role, for the chosen deployments only. */
export type DeploymentRoleChoices = Readonly<Record<string, Role>>

export interface DeploymentOption {
  id: string
  label: string
}

export const DEPLOYMENT_ROLES: readonly Role[] = ROLES.filter((r) => roleScope(r) === 'DEPLOYMENT')

export function toggleDeployment(choices: DeploymentRoleChoices, id: string, on: boolean, role: Role): DeploymentRoleChoices {
  const next = { ...choices }
  if (on) next[id] = choices[id] ?? role
  else Reflect.deleteProperty(next, id)
  return next
}

export function setDeploymentRole(choices: DeploymentRoleChoices, id: string, role: Role): DeploymentRoleChoices {
  return id in choices ? { ...choices, [id]: role } : choices
}

/** Chooses every deployment (those already chosen keep their role) or none. */
export function selectAllDeployments(choices: DeploymentRoleChoices, deployments: readonly DeploymentOption[], on: boolean, role: Role): DeploymentRoleChoices {
  if (!on) return {}
  return Object.fromEntries(deployments.map((d) => [d.id, choices[d.id] ?? role]))
}

/** Gives every chosen deployment the same role. */
export function applyRoleToChosen(choices: DeploymentRoleChoices, role: Role): DeploymentRoleChoices {
  return Object.fromEntries(Object.keys(choices).map((id) => [id, role]))
}

export function selectionOf(choices: DeploymentRoleChoices, deployments: readonly DeploymentOption[]): 'none' | 'some' | 'all' {
  const chosen = deployments.filter((d) => d.id in choices).length
  return chosen === 0 ? 'none' : chosen === deployments.length ? 'all' : 'some'
}

/** The role all chosen deployments share, or null (none chosen, or mixed). */
export function commonRole(choices: DeploymentRoleChoices): Role | null {
  const roles = new Set(Object.values(choices))
  return roles.size === 1 ? ([...roles][0] ?? null) : null
}

/** The API's list, in the order the deployments are shown; ids no longer offered are dropped. */
export function deploymentRolesInput(choices: DeploymentRoleChoices, deployments: readonly DeploymentOption[]): { deploymentUuid: string; role: Role }[] {
  return deployments.flatMap((d) => {
    const role = choices[d.id]
    return role ? [{ deploymentUuid: d.id, role }] : []
  })
}

export function choicesFromBindings(bindings: readonly { role: Role; deployment: { id: string } | null }[]): DeploymentRoleChoices {
  return Object.fromEntries(bindings.flatMap((b) => (b.deployment && roleScope(b.role) === 'DEPLOYMENT' ? [[b.deployment.id, b.role]] : [])))
}

/**
 * The deployment a server refusal names (`deploymentRoles[2].role`), given the
 * list that was sent; null when the refusal is about something else.
 */
export function deploymentOfProblem(field: string | undefined, sent: readonly { deploymentUuid: string }[]): string | null {
  const match = field ? /^deploymentRoles\[(\d+)\]/.exec(field) : null
  return match ? (sent[Number(match[1])]?.deploymentUuid ?? null) : null
}
