// Finding the entity an argument names, or NOT_FOUND on that argument.
import type { HoustonContext } from '../context'
import { notFound } from '../errors'
import type { DeploymentRecord, UserRecord, WorkspaceRecord } from '../state'

export function workspaceById(ctx: HoustonContext, id: string, field = 'workspaceUuid'): WorkspaceRecord {
  const ws = ctx.store.workspace(id)
  if (!ws) throw notFound('workspace', id, field)
  return ws
}

export function deploymentById(ctx: HoustonContext, id: string, field = 'deploymentUuid'): DeploymentRecord {
  const dep = ctx.store.deployment(id)
  if (!dep) throw notFound('deployment', id, field)
  return dep
}

export function userById(ctx: HoustonContext, id: string, field = 'userId'): UserRecord {
  const user = ctx.store.user(id)
  if (!user) throw notFound('user', id, field)
  return user
}

export function workspaceOf(ctx: HoustonContext, dep: DeploymentRecord): WorkspaceRecord {
  const ws = ctx.store.workspace(dep.workspaceId)
  if (!ws) throw new Error(`Deployment ${dep.id} belongs to no workspace`)
  return ws
}

export const sortedBy =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a).localeCompare(key(b))
