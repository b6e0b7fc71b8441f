// Deploys and their revisions: every image rolled out (CI's, the platform's
// own image of a version, or an earlier revision again) is recorded, so that
// it can be listed and rolled back to.
import type { DagDeploymentType } from '../../src/lib/dag-deployment'
import { DEPLOYMENTS_REGISTRY, PLATFORM_IMAGE_REPOSITORY } from './platform'
import type { DagDeploymentRecord, DeploymentRecord, DeployRevisionRecord } from './state'

/** The image the platform runs for an Airflow version when a deployment has deployed none of its own. */
export const platformImage = (airflowVersion: string): string => `${PLATFORM_IMAGE_REPOSITORY}:${airflowVersion}`

/** Where CI pushes a deployment's images (Houston's registry). */
export const deploymentImage = (releaseName: string, tag: string): string => `${DEPLOYMENTS_REGISTRY}/${releaseName}/airflow:${tag}`

/** The tag of an image reference: what follows the last colon after the last slash; "latest" when none. */
export function imageTagOf(image: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1)
  const at = name.indexOf('@')
  if (at >= 0) return name.slice(at + 1)
  const colon = name.lastIndexOf(':')
  return colon >= 0 ? name.slice(colon + 1) : 'latest'
}

/** A DAG deployment that takes its DAGs from the image: what a deployment starts with. */
export const IMAGE_DAGS: DagDeploymentRecord = {
  type: 'image',
  nfsLocation: null,
  repositoryUrl: null,
  branchName: null,
  syncInterval: null,
  dagDirectoryLocation: null,
  rev: null,
  sshKey: null,
  knownHosts: null,
}

export const dagsOfType = (type: DagDeploymentType): DagDeploymentRecord => ({ ...IMAGE_DAGS, type })

export interface NewRevision {
  id: string
  createdAt: string
  author: string
  authorUserId: string | null
  image: string
  airflowVersion: string
  description: string | null
  platformImage: boolean
  redeployOfId?: string | null
}

/** Records a deploy as the deployment's current revision. */
export function recordRevision(dep: DeploymentRecord, r: NewRevision): DeployRevisionRecord {
  const revision: DeployRevisionRecord = {
    id: r.id,
    createdAt: r.createdAt,
    author: r.author,
    authorUserId: r.authorUserId,
    image: r.image,
    imageTag: imageTagOf(r.image),
    airflowVersion: r.airflowVersion,
    description: r.description,
    dagDeploymentType: dep.dagDeployment.type,
    platformImage: r.platformImage,
    redeployOfId: r.redeployOfId ?? null,
  }
  dep.revisions.push(revision)
  dep.currentRevisionId = revision.id
  return revision
}

export const currentRevision = (dep: DeploymentRecord): DeployRevisionRecord | null =>
  dep.revisions.find((r) => r.id === dep.currentRevisionId) ?? null

/** Whether the deployment runs the platform's own image (it has deployed none of its own). */
export const runsPlatformImage = (dep: DeploymentRecord): boolean => currentRevision(dep)?.platformImage ?? dep.imageDeploys === 0
