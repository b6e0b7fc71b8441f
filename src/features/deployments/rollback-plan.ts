// What redeploying an earlier revision does, in words, and why it may not be
// possible: the same rules the backend applies (rollbackDeployment).
import { checkSizing, type Sizing } from '@/lib/au'
import { DAG_DEPLOYMENT_LABELS, DAG_SOURCE, type DagDeploymentType, rollbackPossible } from '@/lib/dag-deployment'
import type { PlatformConfig } from '@/lib/houston-json'
import { majorOf } from '@/lib/versions'

export interface RevisionSummary {
  id: string
  imageTag: string
  airflowVersion: string
  dagDeploymentType: DagDeploymentType
  isCurrent: boolean
}

export interface RollbackDeployment {
  airflowVersion: string
  desiredAirflowVersion: string | null
  dagDeploymentType: DagDeploymentType
  /** The revision it runs now, if any. */
  currentImageTag: string | null
  /** Its resources as stored (null when the console cannot read them). */
  sizing: Sizing | null
}

export interface RollbackLine {
  what: 'Code (image)' | 'Airflow version' | 'DAG deployment'
  from: string
  to: string
  changes: boolean
}

export interface RollbackPlan {
  /** What comes back from the revision: each with its value now and after. */
  rollsBack: RollbackLine[]
  /** What the rollback leaves as it is. */
  stays: string[]
  /** Why the rollback cannot be done; empty when it can. */
  blockers: string[]
}

export const STAYS = [
  'Resources: the executor, sizes, scheduler count and triggerer, as set on the Configure page',
  'Environment variables and alert emails',
] as const

const notInDeploys = (type: DagDeploymentType): string | null => (rollbackPossible(type) ? null : DAG_SOURCE[type])

export function rollbackPlan(platform: PlatformConfig, deployment: RollbackDeployment, target: RevisionSummary): RollbackPlan {
  const line = (what: RollbackLine['what'], from: string, to: string): RollbackLine => ({ what, from, to, changes: from !== to })
  const rollsBack = [
    line('Code (image)', deployment.currentImageTag ?? 'the platform’s image', target.imageTag),
    line('Airflow version', deployment.airflowVersion, target.airflowVersion),
    line('DAG deployment', DAG_DEPLOYMENT_LABELS[deployment.dagDeploymentType], DAG_DEPLOYMENT_LABELS[target.dagDeploymentType]),
  ]
  const blockers: string[] = []
  const current = notInDeploys(deployment.dagDeploymentType)
  if (current) blockers.push(`This deployment takes its DAGs from ${current}: its DAGs are not part of a deploy, so a deploy cannot be rolled back.`)
  const theirs = notInDeploys(target.dagDeploymentType)
  if (!current && theirs) blockers.push(`${target.imageTag} took its DAGs from ${theirs}: it cannot be redeployed.`)
  if (target.isCurrent) blockers.push(`${target.imageTag} is what the deployment runs now.`)
  if (deployment.desiredAirflowVersion) blockers.push(`An upgrade to Airflow ${deployment.desiredAirflowVersion} is in progress: cancel it on the settings page before rolling back.`)
  if (majorOf(target.airflowVersion) !== majorOf(deployment.airflowVersion)) {
    blockers.push(`${target.imageTag} runs Airflow ${target.airflowVersion}: a rollback cannot cross from Airflow ${majorOf(deployment.airflowVersion)} to Airflow ${majorOf(target.airflowVersion)}.`)
  }
  if (deployment.sizing) {
    for (const p of checkSizing(platform, deployment.sizing, undefined, { airflowVersion: target.airflowVersion })) {
      if (p.code === 'NOT_ON_THIS_VERSION') blockers.push(`${p.message} Change that on the Configure page first: resources do not roll back.`)
    }
  }
  return { rollsBack, stays: [...STAYS], blockers }
}

/** Whether a deployment's DAG mechanism allows rolling back at all. */
export const canRollBack = (type: DagDeploymentType): boolean => rollbackPossible(type)
