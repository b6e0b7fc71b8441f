import { graphql } from '@/gql'

export const DeploymentMetricsContextQuery = graphql(`
  query DeploymentMetricsContext($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
      status
    }
  }
`)
