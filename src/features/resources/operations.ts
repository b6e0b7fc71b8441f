import { graphql } from '@/gql'

export const DeploymentResourcesQuery = graphql(`
  query DeploymentResources($deploymentUuid: Uuid!, $workspaceUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
      status
      airflowVersion
      config
      desiredConfig
      properties
      updatedAt
      workspace {
        id
      }
    }
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
      auQuota
      auUsed
      cpuQuota
      memoryQuota
      cpuUsed
      memoryUsed
    }
  }
`)

export const UpdateDeploymentResourcesMutation = graphql(`
  mutation UpdateDeploymentResources($deploymentUuid: Uuid!, $config: JSON, $properties: JSON) {
    updateDeployment(deploymentUuid: $deploymentUuid, config: $config, properties: $properties) {
      id
      status
      config
      desiredConfig
      properties
      updatedAt
    }
  }
`)

export const WorkspaceQuotaBreakdownQuery = graphql(`
  query WorkspaceQuotaBreakdown($workspaceUuid: Uuid!) {
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
      auQuota
      auUsed
      cpuQuota
      memoryQuota
      cpuUsed
      memoryUsed
    }
    workspaceDeployments(workspaceUuid: $workspaceUuid) {
      id
      label
      status
      config
      desiredConfig
      properties
    }
  }
`)
