import { graphql } from '@/gql'

// The shell asks this on every page: kept apart from the screens' operations so that
// only it loads with the entry.
export const WorkspacesQuery = graphql(`
  query Workspaces {
    workspaces {
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
