// How many task runs each deployment had per day, for a deployment, a
// workspace and the whole platform (mocks/houston/task-usage.ts makes them up).
import { requireDeployment, requireSystem, requireWorkspace } from '../authz'
import type { HoustonContext } from '../context'
import { badInput } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import type { DeploymentRecord, WorkspaceRecord } from '../state'
import { type DayCount, deploymentDays, sumDays, TASK_USAGE_DAYS, totalOf, usageWindow } from '../task-usage'
import { deploymentById, sortedBy, workspaceById } from './lookup'

function windowOf(ctx: HoustonContext, days: number | null | undefined): string[] {
  const n = days ?? TASK_USAGE_DAYS
  if (!Number.isInteger(n) || n < 1 || n > TASK_USAGE_DAYS) {
    throw badInput('days', `Task usage is kept ${TASK_USAGE_DAYS} days: ask for 1 to ${TASK_USAGE_DAYS} days.`)
  }
  return usageWindow(ctx.now(), n)
}

function ofDeployment(deployment: DeploymentRecord, window: readonly string[]) {
  const days = deploymentDays(deployment, window)
  return { deployment, days, total: totalOf(days) }
}

function ofWorkspace(ctx: HoustonContext, workspace: WorkspaceRecord, window: readonly string[]) {
  const deployments = ctx.store
    .deploymentsOf(workspace.id)
    .sort(sortedBy((d) => d.label.toLowerCase()))
    .map((d) => ofDeployment(d, window))
  const days: DayCount[] = sumDays(
    window,
    deployments.map((d) => d.days),
  )
  return { workspace, deployments, days, total: totalOf(days) }
}

export const taskUsageResolvers: Resolvers = {
  Query: {
    deploymentTaskUsage: (_parent, { deploymentUuid, days }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.taskUsage.get', "see this deployment's task usage")
      return ofDeployment(dep, windowOf(ctx, days))
    },

    workspaceTaskUsage: (_parent, { workspaceUuid, days }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.taskUsage.get', "see this workspace's task usage")
      return ofWorkspace(ctx, ws, windowOf(ctx, days))
    },

    platformTaskUsage: (_parent, { days }, ctx) => {
      requireSystem(ctx, 'system.taskUsage.get', "see the platform's task usage")
      const window = windowOf(ctx, days)
      const workspaces = ctx.store
        .workspaces()
        .sort(sortedBy((w) => w.label.toLowerCase()))
        .map((w) => ofWorkspace(ctx, w, window))
      const all = sumDays(
        window,
        workspaces.map((w) => w.days),
      )
      return { workspaces, days: all, total: totalOf(all) }
    },
  },
}
