import { graphql } from '@/gql'

export { WorkspacesQuery } from './workspaces-query'

export const CreateWorkspaceMutation = graphql(`
  mutation CreateWorkspace($label: String!, $description: String) {
    createWorkspace(label: $label, description: $description) {
      id
      label
      description
      deploymentCount
      auQuota
      auUsed
      createdAt
    }
  }
`)

export const WorkspaceOverviewQuery = graphql(`
  query WorkspaceOverview($workspaceUuid: Uuid!) {
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
      description
      auQuota
      auUsed
      cpuQuota
      memoryQuota
      cpuUsed
      memoryUsed
      deploymentCount
    }
    workspaceDeployments(workspaceUuid: $workspaceUuid) {
      id
      label
      releaseName
      status
      airflowVersion
      desiredAirflowVersion
      config
      properties
      updatedAt
    }
  }
`)

export const WorkspaceSettingsQuery = graphql(`
  query WorkspaceSettings($workspaceUuid: Uuid!) {
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
      description
      deploymentCount
      createdAt
    }
  }
`)

export const UpdateWorkspaceMutation = graphql(`
  mutation UpdateWorkspace($workspaceUuid: Uuid!, $payload: JSON!) {
    updateWorkspace(workspaceUuid: $workspaceUuid, payload: $payload) {
      id
      label
      description
    }
  }
`)

export const DeleteWorkspaceMutation = graphql(`
  mutation DeleteWorkspace($workspaceUuid: Uuid!) {
    deleteWorkspace(workspaceUuid: $workspaceUuid) {
      id
      label
    }
  }
`)
