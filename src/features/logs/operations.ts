import { graphql } from '@/gql'

export const DeploymentLogsContextQuery = graphql(`
  query DeploymentLogsContext($deploymentUuid: Uuid!) {
    deployment(deploymentUuid: $deploymentUuid) {
      id
      label
      releaseName
      airflowVersion
      config
    }
  }
`)

export const DeploymentLogsQuery = graphql(`
  query DeploymentLogs($deploymentUuid: Uuid!, $component: String, $timestamp: DateTime, $until: DateTime) {
    logs(deploymentUuid: $deploymentUuid, component: $component, timestamp: $timestamp, until: $until) {
      id
      timestamp
      component
      level
      message
    }
  }
`)

export const DeploymentLogSubscription = graphql(`
  subscription DeploymentLogStream($deploymentUuid: Uuid!, $component: String, $timestamp: DateTime) {
    log(deploymentUuid: $deploymentUuid, component: $component, timestamp: $timestamp) {
      id
      timestamp
      component
      level
      message
    }
  }
`)
