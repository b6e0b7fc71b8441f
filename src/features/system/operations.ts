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
