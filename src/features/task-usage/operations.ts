import { graphql } from '@/gql'

export const DeploymentTaskUsageQuery = graphql(`
  query DeploymentTaskUsage($deploymentUuid: Uuid!, $days: Int) {
    deploymentTaskUsage(deploymentUuid: $deploymentUuid, days: $days) {
      total
      deployment {
        id
        label
        releaseName
      }
      days {
        date
        taskRuns
      }
    }
  }
`)

export const WorkspaceTaskUsageQuery = graphql(`
  query WorkspaceTaskUsage($workspaceUuid: Uuid!, $days: Int) {
    workspaceTaskUsage(workspaceUuid: $workspaceUuid, days: $days) {
      total
      workspace {
        id
        label
      }
      days {
        date
      }
      deployments {
        total
        deployment {
          id
          label
          releaseName
        }
      }
    }
  }
`)

export const PlatformTaskUsageQuery = graphql(`
  query PlatformTaskUsage($days: Int) {
    platformTaskUsage(days: $days) {
      total
      days {
        date
      }
      workspaces {
        total
        workspace {
          id
          label
        }
      }
    }
  }
`)
