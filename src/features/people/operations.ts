import { graphql } from '@/gql'

export const MemberUserFragment = graphql(`
  fragment MemberUser on User {
    id
    username
    fullName
    status
    emails {
      address
      primary
    }
  }
`)

export const MemberBindingFragment = graphql(`
  fragment MemberBinding on RoleBinding {
    id
    role
    createdAt
    user {
      ...MemberUser
    }
  }
`)

export const PendingInviteFragment = graphql(`
  fragment PendingInvite on Invite {
    id
    email
    role
    createdAt
    deploymentRoles {
      role
      deployment {
        id
        label
      }
    }
  }
`)

/** The deployments the invite form offers roles on. */
export const InviteDeploymentsQuery = graphql(`
  query InviteDeployments($workspaceUuid: Uuid!) {
    workspaceDeployments(workspaceUuid: $workspaceUuid) {
      id
      label
    }
  }
`)

export const WorkspaceMembersQuery = graphql(`
  query WorkspaceMembers($workspaceUuid: Uuid!) {
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
      roleBindings {
        ...MemberBinding
      }
      invites {
        ...PendingInvite
      }
    }
  }
`)

// The answer carries the workspace's members and invites, so the list in the
// cache updates from it: no refetch.
export const WorkspaceAddUserMutation = graphql(`
  mutation WorkspaceAddUser($workspaceUuid: Uuid!, $email: String!, $role: Role, $deploymentRoles: [DeploymentRoleInput!]) {
    workspaceAddUser(workspaceUuid: $workspaceUuid, email: $email, role: $role, deploymentRoles: $deploymentRoles) {
      id
      roleBindings {
        ...MemberBinding
      }
      invites {
        ...PendingInvite
      }
    }
  }
`)

/** Changes the role of a member, or of a pending invite (Houston finds either by email). */
export const WorkspaceUpdateUserRoleMutation = graphql(`
  mutation WorkspaceUpdateUserRole($workspaceUuid: Uuid!, $email: String!, $role: Role!) {
    workspaceUpdateUserRole(workspaceUuid: $workspaceUuid, email: $email, role: $role)
  }
`)

export const WorkspaceRemoveUserMutation = graphql(`
  mutation WorkspaceRemoveUser($workspaceUuid: Uuid!, $userUuid: Uuid!) {
    workspaceRemoveUser(workspaceUuid: $workspaceUuid, userUuid: $userUuid) {
      id
      roleBindings {
        ...MemberBinding
      }
    }
  }
`)

export const DeleteInviteTokenMutation = graphql(`
  mutation DeleteInviteToken($inviteUuid: Uuid!) {
    deleteInviteToken(inviteUuid: $inviteUuid) {
      id
      email
      workspace {
        id
        invites {
          ...PendingInvite
        }
      }
    }
  }
`)

export const DeploymentAccessQuery = graphql(`
  query DeploymentAccess($workspaceUuid: Uuid!, $deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
      roleBindings {
        ...MemberBinding
      }
    }
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
      roleBindings {
        ...MemberBinding
        user {
          id
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
      }
    }
  }
`)

export const DeploymentAddUserRoleMutation = graphql(`
  mutation DeploymentAddUserRole($deploymentUuid: Uuid!, $userId: Uuid!, $role: Role!) {
    deploymentAddUserRole(deploymentUuid: $deploymentUuid, userId: $userId, role: $role) {
      id
      role
      deployment {
        id
        roleBindings {
          ...MemberBinding
        }
      }
    }
  }
`)

export const DeploymentUpdateUserRoleMutation = graphql(`
  mutation DeploymentUpdateUserRole($deploymentUuid: Uuid!, $userId: Uuid!, $role: Role!) {
    deploymentUpdateUserRole(deploymentUuid: $deploymentUuid, userId: $userId, role: $role) {
      id
      role
    }
  }
`)

export const DeploymentRemoveUserRoleMutation = graphql(`
  mutation DeploymentRemoveUserRole($deploymentUuid: Uuid!, $userId: Uuid!) {
    deploymentRemoveUserRole(deploymentUuid: $deploymentUuid, userId: $userId) {
      id
      deployment {
        id
        roleBindings {
          ...MemberBinding
        }
      }
    }
  }
`)

export const ServiceAccountRowFragment = graphql(`
  fragment ServiceAccountRow on ServiceAccount {
    id
    label
    category
    entityType
    entityUuid
    lastUsedAt
    createdAt
    roleBinding {
      id
      role
    }
  }
`)

export const WorkspaceServiceAccountsQuery = graphql(`
  query WorkspaceServiceAccounts($workspaceUuid: Uuid!) {
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
    }
    workspaceServiceAccounts(workspaceUuid: $workspaceUuid) {
      ...ServiceAccountRow
    }
  }
`)

export const DeploymentServiceAccountsQuery = graphql(`
  query DeploymentServiceAccounts($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
    }
    deploymentServiceAccounts(deploymentUuid: $deploymentUuid) {
      ...ServiceAccountRow
    }
  }
`)

// Sent with fetchPolicy 'no-cache': the API key must never reach the cache.
export const CreateWorkspaceServiceAccountMutation = graphql(`
  mutation CreateWorkspaceServiceAccount($workspaceUuid: Uuid!, $label: String!, $category: String, $role: Role!) {
    createWorkspaceServiceAccount(workspaceUuid: $workspaceUuid, label: $label, category: $category, role: $role) {
      ...ServiceAccountRow
      apiKey
    }
  }
`)

export const CreateDeploymentServiceAccountMutation = graphql(`
  mutation CreateDeploymentServiceAccount($deploymentUuid: Uuid!, $label: String!, $category: String, $role: Role!) {
    createDeploymentServiceAccount(deploymentUuid: $deploymentUuid, label: $label, category: $category, role: $role) {
      ...ServiceAccountRow
      apiKey
    }
  }
`)

export const DeleteWorkspaceServiceAccountMutation = graphql(`
  mutation DeleteWorkspaceServiceAccount($serviceAccountUuid: Uuid!, $workspaceUuid: Uuid!) {
    deleteWorkspaceServiceAccount(serviceAccountUuid: $serviceAccountUuid, workspaceUuid: $workspaceUuid) {
      id
      label
    }
  }
`)

export const DeleteDeploymentServiceAccountMutation = graphql(`
  mutation DeleteDeploymentServiceAccount($serviceAccountUuid: Uuid!, $deploymentUuid: Uuid!) {
    deleteDeploymentServiceAccount(serviceAccountUuid: $serviceAccountUuid, deploymentUuid: $deploymentUuid) {
      id
      label
    }
  }
`)
