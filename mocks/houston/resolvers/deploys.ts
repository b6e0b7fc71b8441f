// Deploys: upgrades as intent, the images CI deploys, the revisions they
// leave, and rollbacks to an earlier revision.
import { checkSizing } from '../../../src/lib/au'
import { DAG_SOURCE as FROM, rollbackPossible } from '../../../src/lib/dag-deployment'
import { compareVersions, majorOf } from '../../../src/lib/versions'
import { requireDeployment, viewerDeploymentPermissions } from '../authz'
import type { HoustonContext } from '../context'
import { dagsOfType, deploymentImage, platformImage, recordRevision, runsPlatformImage } from '../deploys'
import { badInput, conflict, notFound } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import type { DeployRevisionParent } from '../mappers'
import { assertNotDeploying, iso, startDeploy } from '../lifecycle'
import { platformOf, sizingOf } from '../sizing'
import type { DeploymentRecord } from '../state'
import * as valid from '../validate'
import { assertVersionAllowed, knownAirflowVersion, offeredAirflowVersion } from '../versions'
import { authorOf } from './deployments'
import { deploymentById } from './lookup'

const DEFAULT_TAKE = 20
const MAX_TAKE = 100
const IMAGE_MAX = 512
const IMAGE_PATTERN = /^[a-z0-9][a-z0-9._\-/:@]*$/i

const target = (dep: DeploymentRecord) => ({ entityType: 'DEPLOYMENT' as const, entityId: dep.id, name: `deployment "${dep.label}" (${dep.releaseName})` })

function byReleaseName(ctx: HoustonContext, release: string): DeploymentRecord {
  const dep = ctx.store.deployments().find((d) => d.releaseName === release)
  if (!dep) throw notFound('deployment', release, 'releaseName', `No deployment with release name ${release} exists, or you cannot see it.`)
  return dep
}

const withDeployment = (dep: DeploymentRecord) => (r: DeploymentRecord['revisions'][number]): DeployRevisionParent => ({ ...r, deployment: dep })

export const deployResolvers: Resolvers = {
  Query: {
    deployRevisions: (_parent, { deploymentUuid, skip, take }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.get', "see this deployment's deploys")
      const from = skip ?? 0
      const count = take ?? DEFAULT_TAKE
      if (!Number.isInteger(from) || from < 0) throw badInput('skip', 'skip is a whole number, 0 or more.')
      if (!Number.isInteger(count) || count < 1 || count > MAX_TAKE) throw badInput('take', `take is a whole number from 1 to ${MAX_TAKE}.`)
      return [...dep.revisions].reverse().slice(from, from + count).map(withDeployment(dep))
    },
  },

  Mutation: {
    upgradeDeployment: (_parent, { deploymentUuid, version }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.update', 'upgrade this deployment')
      assertNotDeploying(dep)
      offeredAirflowVersion(version)
      if (compareVersions(version, dep.airflowVersion) <= 0) {
        throw badInput(
          'version',
          `Airflow ${version} is not newer than ${dep.airflowVersion}, the version ${dep.label} runs: only upgrades are possible.`,
        )
      }
      assertVersionAllowed(version, viewerDeploymentPermissions(ctx, dep), target(dep))
      const nowMs = ctx.now()
      dep.desiredAirflowVersion = version
      dep.updatedAt = iso(nowMs)
      // A deployment on the platform's own image is upgraded by the platform:
      // it deploys its image of the new version. One that deploys its own
      // images waits for CI to deploy an image of that version.
      if (runsPlatformImage(dep)) {
        recordRevision(dep, {
          id: ctx.store.newId(),
          createdAt: iso(nowMs),
          ...authorOf(ctx),
          image: platformImage(version),
          airflowVersion: version,
          description: `Upgrade to the platform's Airflow ${version} image`,
          platformImage: true,
        })
        startDeploy(dep, { airflowVersion: version }, nowMs)
      }
      return dep
    },

    cancelUpgradeDeployment: (_parent, { deploymentUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.update', 'cancel the upgrade of this deployment')
      if (!dep.desiredAirflowVersion) throw badInput('deploymentUuid', `${dep.label} has no upgrade in progress.`)
      if (dep.deployingAirflowVersion !== null) {
        throw conflict(`The Airflow ${dep.deployingAirflowVersion} image of ${dep.label} is being deployed: the upgrade can no longer be cancelled.`)
      }
      dep.desiredAirflowVersion = null
      dep.updatedAt = iso(ctx.now())
      return dep
    },

    updateDeploymentImage: (_parent, args, ctx) => {
      const dep = byReleaseName(ctx, args.releaseName)
      requireDeployment(ctx, dep, 'deployment.images.push', 'deploy images to this deployment')
      assertNotDeploying(dep)
      const image = args.image.trim()
      if (!image || image.length > IMAGE_MAX || !IMAGE_PATTERN.test(image)) {
        throw badInput('image', `"${args.image}" is not an image reference, e.g. ${deploymentImage(dep.releaseName, `deploy-${dep.imageDeploys + 1}`)}.`)
      }
      const version = args.airflowVersion == null ? dep.airflowVersion : knownAirflowVersion(args.airflowVersion)
      const order = compareVersions(version, dep.airflowVersion)
      if (order < 0) {
        throw badInput('airflowVersion', `${dep.label} runs Airflow ${dep.airflowVersion}: an image of ${version} would be a downgrade, which is not possible.`)
      }
      if (order > 0 && (dep.desiredAirflowVersion === null || compareVersions(version, dep.desiredAirflowVersion) > 0)) {
        throw badInput(
          'airflowVersion',
          dep.desiredAirflowVersion === null
            ? `${dep.label} runs Airflow ${dep.airflowVersion}: start an upgrade to ${version} (upgradeDeployment) before deploying an image of it.`
            : `The upgrade in progress is to Airflow ${dep.desiredAirflowVersion}: an image of ${version} goes beyond it.`,
        )
      }
      const nowMs = ctx.now()
      dep.imageDeploys += 1
      recordRevision(dep, {
        id: ctx.store.newId(),
        createdAt: iso(nowMs),
        ...authorOf(ctx),
        image,
        airflowVersion: version,
        description: valid.description(args.description),
        platformImage: false,
      })
      startDeploy(dep, order > 0 ? { airflowVersion: version } : {}, nowMs)
      return dep
    },

    rollbackDeployment: (_parent, { deploymentUuid, revisionUuid, description }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.update', 'roll this deployment back')
      const why = valid.description(description)
      if (!why) throw badInput('description', 'Say why you roll back: the description is kept with the new revision.')
      assertNotDeploying(dep)
      if (!rollbackPossible(dep.dagDeployment.type)) {
        throw badInput(
          'deploymentUuid',
          `${dep.label} takes its DAGs from ${FROM[dep.dagDeployment.type]}: its DAGs are not part of a deploy, so a deploy cannot be rolled back.`,
        )
      }
      const revision = dep.revisions.find((r) => r.id === revisionUuid)
      if (!revision) throw notFound('deploy revision', revisionUuid, 'revisionUuid')
      if (revision.id === dep.currentRevisionId) throw badInput('revisionUuid', `${dep.label} already runs ${revision.imageTag}.`)
      if (!rollbackPossible(revision.dagDeploymentType)) {
        throw badInput('revisionUuid', `${revision.imageTag} took its DAGs from ${FROM[revision.dagDeploymentType]}: it cannot be redeployed.`)
      }
      if (dep.desiredAirflowVersion) {
        throw conflict(`An upgrade to Airflow ${dep.desiredAirflowVersion} is in progress: cancel it before rolling back.`)
      }
      if (majorOf(revision.airflowVersion) !== majorOf(dep.airflowVersion)) {
        throw badInput('revisionUuid', `${revision.imageTag} runs Airflow ${revision.airflowVersion}: a rollback cannot cross from Airflow ${majorOf(dep.airflowVersion)} to Airflow ${majorOf(revision.airflowVersion)}.`)
      }
      // Resources stay: they must suit the Airflow version that comes back.
      const [problem] = checkSizing(platformOf(ctx.store), sizingOf(dep.config, dep.properties, platformOf(ctx.store)), undefined, { airflowVersion: revision.airflowVersion })
      if (problem) throw badInput('revisionUuid', `${problem.message} Change that on the Configure page before rolling back to ${revision.imageTag}.`, { sizingField: problem.field })

      const nowMs = ctx.now()
      if (dep.dagDeployment.type !== revision.dagDeploymentType) dep.dagDeployment = dagsOfType(revision.dagDeploymentType)
      recordRevision(dep, {
        id: ctx.store.newId(),
        createdAt: iso(nowMs),
        ...authorOf(ctx),
        image: revision.image,
        airflowVersion: revision.airflowVersion,
        description: why,
        platformImage: revision.platformImage,
        redeployOfId: revision.id,
      })
      startDeploy(dep, revision.airflowVersion !== dep.airflowVersion ? { airflowVersion: revision.airflowVersion } : {}, nowMs)
      return dep
    },
  },

  DeployRevision: {
    isCurrent: (r) => r.deployment.currentRevisionId === r.id,
    redeployOf: (r) => {
      const earlier = r.redeployOfId ? r.deployment.revisions.find((x) => x.id === r.redeployOfId) : undefined
      return earlier ? { ...earlier, deployment: r.deployment } : null
    },
  },
}

