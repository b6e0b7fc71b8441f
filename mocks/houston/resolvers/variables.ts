// Deployment environment variables. Secret values are write-only: stored,
// used by the deployment, never sent back.
import { requireDeployment } from '../authz'
import type { HoustonContext } from '../context'
import { badInput } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { assertNotDeploying, startDeploy } from '../lifecycle'
import type { DeploymentRecord } from '../state'
import * as valid from '../validate'
import { deploymentById } from './lookup'

function byRelease(ctx: HoustonContext, deploymentUuid: string, release: string): DeploymentRecord {
  const dep = deploymentById(ctx, deploymentUuid)
  requireDeployment(ctx, dep, 'deployment.config.get', "see this deployment's environment variables")
  if (release !== dep.releaseName) {
    throw badInput('releaseName', `Release ${release} is not the release of this deployment (${dep.releaseName}).`)
  }
  return dep
}

export const variableResolvers: Resolvers = {
  Query: {
    deploymentVariables: (_parent, { deploymentUuid, releaseName }, ctx) =>
      byRelease(ctx, deploymentUuid, releaseName).environmentVariables,
  },

  Mutation: {
    updateDeploymentVariables: (_parent, { deploymentUuid, releaseName, environmentVariables }, ctx) => {
      const dep = byRelease(ctx, deploymentUuid, releaseName)
      requireDeployment(ctx, dep, 'deployment.config.update', "change this deployment's environment variables")
      assertNotDeploying(dep)
      const next = valid.environmentVariables(environmentVariables, dep.environmentVariables)
      if (JSON.stringify(next) !== JSON.stringify(dep.environmentVariables)) {
        dep.environmentVariables = next
        // The pods restart to pick up their new environment.
        startDeploy(dep, {}, ctx.now())
      }
      return dep.environmentVariables
    },
  },

  Deployment: {
    environmentVariables: (d, _args, ctx) => {
      requireDeployment(ctx, d, 'deployment.config.get', "see this deployment's environment variables")
      return d.environmentVariables
    },
  },

  EnvironmentVariable: {
    value: (v) => (v.isSecret ? null : v.value),
  },
}
