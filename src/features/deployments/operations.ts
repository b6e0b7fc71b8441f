import { graphql } from '@/gql'

export { DeploymentLabelQuery } from './deployment-label-query'

export const DeploymentConfigQuery = graphql(`
  query PlatformConfig($workspaceUuid: Uuid) {
    deploymentConfig(workspaceUuid: $workspaceUuid)
  }
`)

export const DeploymentOverviewQuery = graphql(`
  query DeploymentOverview($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      description
      releaseName
      status
      airflowVersion
      desiredAirflowVersion
      config
      desiredConfig
      properties
      dagDeployment {
        type
      }
      currentRevision {
        id
        imageTag
      }
      urls {
        type
        url
      }
      workspace {
        id
        label
      }
      createdAt
      updatedAt
    }
  }
`)

export const CreateDeploymentMutation = graphql(`
  mutation CreateDeployment(
    $workspaceUuid: Uuid!
    $type: String!
    $label: String!
    $description: String
    $version: String
    $config: JSON
    $properties: JSON
  ) {
    createDeployment(
      workspaceUuid: $workspaceUuid
      type: $type
      label: $label
      description: $description
      version: $version
      config: $config
      properties: $properties
    ) {
      id
      label
      releaseName
      status
    }
  }
`)

export const WorkspaceQuotaQuery = graphql(`
  query WorkspaceQuota($workspaceUuid: Uuid!) {
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

export const DeploymentSettingsQuery = graphql(`
  query DeploymentSettings($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      description
      releaseName
      status
      airflowVersion
      desiredAirflowVersion
      properties
      updatedAt
      environmentVariables {
        key
        value
        isSecret
      }
      dagDeployment {
        ...DagDeploymentFields
      }
      currentRevision {
        id
        imageTag
        image
      }
      workspace {
        id
        label
      }
    }
  }
`)

export const DagDeploymentFields = graphql(`
  fragment DagDeploymentFields on DagDeploymentSettings {
    type
    nfsLocation
    repositoryUrl
    branchName
    syncInterval
    dagDirectoryLocation
    rev
    sshKeySet
    knownHostsSet
  }
`)

export const UpdateDagDeploymentMutation = graphql(`
  mutation UpdateDagDeployment($deploymentUuid: Uuid!, $dagDeployment: DagDeployment!) {
    updateDeployment(deploymentUuid: $deploymentUuid, dagDeployment: $dagDeployment) {
      id
      status
      updatedAt
      dagDeployment {
        ...DagDeploymentFields
      }
    }
  }
`)

export const CancelUpgradeDeploymentMutation = graphql(`
  mutation CancelUpgradeDeployment($deploymentUuid: Uuid!) {
    cancelUpgradeDeployment(deploymentUuid: $deploymentUuid) {
      id
      status
      airflowVersion
      desiredAirflowVersion
      updatedAt
    }
  }
`)

export const DeployHistoryQuery = graphql(`
  query DeployHistory($deploymentUuid: Uuid!, $skip: Int, $take: Int) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
      status
      airflowVersion
      desiredAirflowVersion
      config
      desiredConfig
      properties
      deployRevisionCount
      dagDeployment {
        type
      }
      currentRevision {
        id
        imageTag
        airflowVersion
        dagDeploymentType
      }
      workspace {
        id
      }
    }
    deployRevisions(deploymentUuid: $deploymentUuid, skip: $skip, take: $take) {
      id
      createdAt
      author
      image
      imageTag
      airflowVersion
      description
      dagDeploymentType
      isCurrent
      redeployOf {
        id
        imageTag
      }
    }
  }
`)

export const RollbackDeploymentMutation = graphql(`
  mutation RollbackDeployment($deploymentUuid: Uuid!, $revisionUuid: Uuid!, $description: String!) {
    rollbackDeployment(deploymentUuid: $deploymentUuid, revisionUuid: $revisionUuid, description: $description) {
      id
      status
      airflowVersion
      deployRevisionCount
      updatedAt
      currentRevision {
        id
        imageTag
      }
    }
  }
`)

export const UpdateDeploymentMutation = graphql(`
  mutation UpdateDeploymentDetails($deploymentUuid: Uuid!, $payload: JSON, $config: JSON, $properties: JSON) {
    updateDeployment(deploymentUuid: $deploymentUuid, payload: $payload, config: $config, properties: $properties) {
      id
      label
      description
      status
      config
      desiredConfig
      properties
      updatedAt
    }
  }
`)

export const UpdateDeploymentVariablesMutation = graphql(`
  mutation UpdateDeploymentVariables($deploymentUuid: Uuid!, $releaseName: String!, $environmentVariables: [InputEnvironmentVariable!]!) {
    updateDeploymentVariables(deploymentUuid: $deploymentUuid, releaseName: $releaseName, environmentVariables: $environmentVariables) {
      key
      value
      isSecret
    }
  }
`)

export const DeploymentAlertsUpdateMutation = graphql(`
  mutation DeploymentAlertsUpdate($deploymentUuid: Uuid!, $alertEmails: [String!]!) {
    deploymentAlertsUpdate(deploymentUuid: $deploymentUuid, alertEmails: $alertEmails) {
      id
      properties
      updatedAt
    }
  }
`)

export const UpgradeDeploymentMutation = graphql(`
  mutation UpgradeDeployment($deploymentUuid: Uuid!, $version: String!) {
    upgradeDeployment(deploymentUuid: $deploymentUuid, version: $version) {
      id
      status
      airflowVersion
      desiredAirflowVersion
      updatedAt
    }
  }
`)

export const DeleteDeploymentMutation = graphql(`
  mutation DeleteDeployment($deploymentUuid: Uuid!) {
    deleteDeployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
    }
  }
`)
