import { graphql } from '@/gql'

export const AdminWorkspaceQuotasQuery = graphql(`
  query AdminWorkspaceQuotas {
    workspaces {
      id
      label
      deploymentCount
      auQuota
      auUsed
      cpuQuota
      cpuUsed
      memoryQuota
      memoryUsed
    }
  }
`)

export const UpdateWorkspaceQuotaMutation = graphql(`
  mutation UpdateWorkspaceQuota($workspaceUuid: Uuid!, $auQuota: Int!) {
    updateWorkspaceQuota(workspaceUuid: $workspaceUuid, auQuota: $auQuota) {
      id
      auQuota
      auUsed
      cpuQuota
      cpuUsed
      memoryQuota
      memoryUsed
    }
  }
`)
