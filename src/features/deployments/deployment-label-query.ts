import { graphql } from '@/gql'

// The shell's breadcrumb asks this: kept apart from the screens' operations so that
// only it loads with the entry.
export const DeploymentLabelQuery = graphql(`
  query DeploymentLabel($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
    }
  }
`)
