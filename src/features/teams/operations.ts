import { graphql } from '@/gql'

export const TeamMemberFragment = graphql(`
  fragment TeamMember on User {
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

export const TeamBindingFragment = graphql(`
  fragment TeamBinding on RoleBinding {
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
      }
    }
  }
`)

export const TeamSummaryFragment = graphql(`
  fragment TeamSummary on Team {
    id
    name
    description
    source
    provider
    users {
      ...TeamMember
    }
    roleBindings {
      ...TeamBinding
    }
  }
`)

export const WorkspaceTeamsQuery = graphql(`
  query WorkspaceTeams($workspaceUuid: Uuid!) {
    workspace(workspaceUuid: $workspaceUuid) {
      id
      label
    }
    workspaceTeams(workspaceUuid: $workspaceUuid) {
      ...TeamSummary
    }
    workspaceDeployments(workspaceUuid: $workspaceUuid) {
      id
      label
    }
  }
`)

/** Teams a workspace or deployment admin may choose from. */
export const TeamChoicesQuery = graphql(`
  query TeamChoices($workspaceUuid: Uuid, $deploymentUuid: Uuid) {
    teams(workspaceUuid: $workspaceUuid, deploymentUuid: $deploymentUuid) {
      id
      name
      source
      provider
      users {
        id
      }
    }
  }
`)

export const WorkspaceAddTeamMutation = graphql(`
  mutation WorkspaceAddTeam($workspaceUuid: Uuid!, $teamUuid: Uuid!, $role: Role!, $deploymentRoles: [DeploymentRoleInput!]) {
    workspaceAddTeam(workspaceUuid: $workspaceUuid, teamUuid: $teamUuid, role: $role, deploymentRoles: $deploymentRoles) {
      ...TeamSummary
    }
  }
`)

export const WorkspaceUpdateTeamRoleMutation = graphql(`
  mutation WorkspaceUpdateTeamRole($workspaceUuid: Uuid!, $teamUuid: Uuid!, $role: Role!, $deploymentRoles: [DeploymentRoleInput!]) {
    workspaceUpdateTeamRole(workspaceUuid: $workspaceUuid, teamUuid: $teamUuid, role: $role, deploymentRoles: $deploymentRoles) {
      ...TeamSummary
    }
  }
`)

export const WorkspaceRemoveTeamMutation = graphql(`
  mutation WorkspaceRemoveTeam($workspaceUuid: Uuid!, $teamUuid: Uuid!) {
    workspaceRemoveTeam(workspaceUuid: $workspaceUuid, teamUuid: $teamUuid) {
      id
    }
  }
`)

export const DeploymentTeamsQuery = graphql(`
  query DeploymentTeams($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      workspace {
        id
        label
      }
    }
    deploymentTeams(deploymentUuid: $deploymentUuid) {
      ...TeamSummary
    }
  }
`)

export const DeploymentAddTeamRoleMutation = graphql(`
  mutation DeploymentAddTeamRole($deploymentUuid: Uuid!, $teamUuid: Uuid!, $role: Role!) {
    deploymentAddTeamRole(deploymentUuid: $deploymentUuid, teamUuid: $teamUuid, role: $role) {
      id
      role
    }
  }
`)

export const DeploymentUpdateTeamRoleMutation = graphql(`
  mutation DeploymentUpdateTeamRole($deploymentUuid: Uuid!, $teamUuid: Uuid!, $role: Role!) {
    deploymentUpdateTeamRole(deploymentUuid: $deploymentUuid, teamUuid: $teamUuid, role: $role) {
      id
      role
    }
  }
`)

export const DeploymentRemoveTeamRoleMutation = graphql(`
  mutation DeploymentRemoveTeamRole($deploymentUuid: Uuid!, $teamUuid: Uuid!) {
    deploymentRemoveTeamRole(deploymentUuid: $deploymentUuid, teamUuid: $teamUuid) {
      id
    }
  }
`)

export const AllTeamsQuery = graphql(`
  query AllTeams {
    teams {
      ...TeamSummary
    }
  }
`)

export const TeamQuery = graphql(`
  query Team($teamUuid: Uuid!) {
    team(teamUuid: $teamUuid) {
      ...TeamSummary
      createdAt
      updatedAt
    }
  }
`)

/** People to add to a team, found by name or email. */
export const TeamUserSearchQuery = graphql(`
  query TeamUserSearch($search: String!) {
    users(user: { searchPhrase: $search }, take: 8) {
      ...TeamMember
    }
  }
`)

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($name: String!, $description: String, $userIds: [Uuid!], $systemRole: Role) {
    createTeam(name: $name, description: $description, userIds: $userIds, systemRole: $systemRole) {
      ...TeamSummary
    }
  }
`)

export const UpdateTeamMutation = graphql(`
  mutation UpdateTeam($teamUuid: Uuid!, $name: String, $description: String, $userIds: [Uuid!]) {
    updateTeam(teamUuid: $teamUuid, name: $name, description: $description, userIds: $userIds) {
      ...TeamSummary
      updatedAt
    }
  }
`)

export const DeleteTeamMutation = graphql(`
  mutation DeleteTeam($teamUuid: Uuid!) {
    deleteTeam(teamUuid: $teamUuid) {
      id
      name
    }
  }
`)

export const CreateTeamSystemRoleBindingMutation = graphql(`
  mutation CreateTeamSystemRoleBinding($teamUuid: Uuid!, $role: Role!) {
    createTeamSystemRoleBinding(teamUuid: $teamUuid, role: $role) {
      id
      role
      team {
        id
        roleBindings {
          ...TeamBinding
        }
      }
    }
  }
`)

export const DeleteTeamSystemRoleBindingMutation = graphql(`
  mutation DeleteTeamSystemRoleBinding($teamUuid: Uuid!, $role: Role!) {
    deleteTeamSystemRoleBinding(teamUuid: $teamUuid, role: $role) {
      id
      role
    }
  }
`)
