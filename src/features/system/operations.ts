import { graphql } from '@/gql'

export const AdminUserFragment = graphql(`
  fragment AdminUser on User {
    id
    username
    fullName
    status
    createdAt
    emails {
      address
      primary
    }
    roleBindings {
      id
      role
      workspace {
        id
      }
      # The same shape as the session's own bindings (SelfQuery), which share these cache entries.
      deployment {
        id
        workspace {
          id
        }
      }
      team {
        id
        name
      }
    }
  }
`)

export const AdminUsersQuery = graphql(`
  query AdminUsers($user: UserSearch, $cursor: Uuid, $take: Int) {
    users(user: $user, cursor: $cursor, take: $take) {
      ...AdminUser
    }
  }
`)

// Both answer with the user and all their bindings, so the row updates from the cache.
export const CreateSystemRoleBindingMutation = graphql(`
  mutation CreateSystemRoleBinding($userId: Uuid!, $role: Role!) {
    createSystemRoleBinding(userId: $userId, role: $role) {
      id
      role
      user {
        ...AdminUser
      }
    }
  }
`)

export const DeleteSystemRoleBindingMutation = graphql(`
  mutation DeleteSystemRoleBinding($userId: Uuid!, $role: Role!) {
    deleteSystemRoleBinding(userId: $userId, role: $role) {
      id
      role
      user {
        ...AdminUser
      }
    }
  }
`)

export const UpdateUserStatusMutation = graphql(`
  mutation UpdateUserStatus($userUuid: Uuid!, $status: UserStatus!) {
    updateUserStatus(userUuid: $userUuid, status: $status) {
      id
      status
    }
  }
`)

export const AdminDeploymentsQuery = graphql(`
  query AdminDeployments {
    deployments {
      id
      label
      releaseName
      status
      airflowVersion
      updatedAt
      workspace {
        id
        label
      }
    }
  }
`)

export const UserAccessFragment = graphql(`
  fragment UserAccess on User {
    id
    username
    fullName
    status
    emails {
      address
      primary
    }
    teams {
      id
      name
      source
      provider
    }
    roleBindings {
      id
      role
      workspace {
        id
        label
      }
      deployment {
        id
        label
        workspace {
          id
          label
        }
      }
      team {
        id
        name
      }
    }
  }
`)

export const AccountAccessQuery = graphql(`
  query AccountAccess {
    self {
      user {
        ...UserAccess
      }
    }
  }
`)

export const UserAccessQuery = graphql(`
  query UserAccess($userUuid: Uuid!) {
    users(user: { userUuid: $userUuid }) {
      ...UserAccess
    }
  }
`)

/** The deployments of a workspace to explain a user's permissions on. */
export const AccessDeploymentsQuery = graphql(`
  query AccessDeployments($workspaceUuid: Uuid!) {
    workspaceDeployments(workspaceUuid: $workspaceUuid) {
      id
      label
    }
  }
`)
