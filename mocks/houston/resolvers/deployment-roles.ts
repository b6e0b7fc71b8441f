// Deployment roles given along with a workspace role (to an invited address,
// or to a team): each names a deployment of that workspace and a deployment
// role the caller may grant there.
import type { Role } from '../../../src/lib/permissions'
import { requireGrantable } from '../authz'
import type { HoustonContext } from '../context'
import { badInput } from '../errors'
import type { DeploymentRoleInput } from '../generated/resolvers-types'
import type { DeploymentRecord, WorkspaceRecord } from '../state'

export interface DeploymentRoleChoice {
  deployment: DeploymentRecord
  role: Role
}

/** Checks every entry before anything is written; a refusal names the entry (`deploymentRoles[2].role`). */
export function deploymentRolesIn(
  ctx: HoustonContext,
  ws: WorkspaceRecord,
  list: readonly DeploymentRoleInput[] | null | undefined,
  field = 'deploymentRoles',
): DeploymentRoleChoice[] {
  const out: DeploymentRoleChoice[] = []
  const seen = new Set<string>()
  ;(list ?? []).forEach((item, i) => {
    const at = `${field}[${i}]`
    const dep = ctx.store.deployment(item.deploymentUuid)
    if (!dep || dep.workspaceId !== ws.id) {
      throw badInput(`${at}.deploymentUuid`, `No deployment with id ${item.deploymentUuid} exists in workspace ${ws.label}.`)
    }
    if (seen.has(dep.id)) throw badInput(`${at}.deploymentUuid`, `${dep.label} is listed twice: give each deployment one role.`)
    seen.add(dep.id)
    requireGrantable(ctx, item.role, 'DEPLOYMENT', { workspace: ws, deployment: dep }, `${at}.role`)
    out.push({ deployment: dep, role: item.role })
  })
  return out
}
