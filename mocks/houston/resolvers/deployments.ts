import { executorOf } from '../../../src/lib/au'
import {
  type DeploymentConfig,
  type DeploymentProperties,
  deploymentConfigSchema,
  deploymentPayloadSchema,
  deploymentPropertiesSchema,
  type PlatformConfig,
} from '../../../src/lib/houston-json'
import { deploymentPermissions } from '../../../src/lib/permissions'
import { requireDeployment, requireSystem, requireWorkspace, viewerBindings, viewerDeploymentPermissions, viewerWorkspacePermissions } from '../authz'
import { requireViewer } from '../auth'
import type { HoustonContext } from '../context'
import { dagDeploymentSettings, parseDagDeployment } from '../dag-deployments'
import { currentRevision, IMAGE_DAGS, platformImage, recordRevision } from '../deploys'
import { badInput } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { assertNotDeploying, iso, startDeploy } from '../lifecycle'
import { AIRFLOW_CHART_VERSION, DEPLOYMENT_TYPE, DEPLOYMENTS_BASE_URL } from '../platform'
import { releaseName } from '../release-names'
import { HOSTILE_SEED } from '../seed-hostile'
import { assertSizingAllowed, canonicalConfig, platformOf, sizingOf, withSizingProperties } from '../sizing'
import type { DeploymentRecord } from '../state'
import * as valid from '../validate'
import { assertVersionAllowed, offeredAirflowVersion } from '../versions'
import { deploymentById, sortedBy, workspaceById, workspaceOf } from './lookup'

const byLabel = sortedBy<DeploymentRecord>((d) => d.label.toLowerCase())

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Houston merges a partial config into the stored one, key by key, objects recursively. */
function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    const before = out[key]
    out[key] = isPlainObject(before) && isPlainObject(value) ? deepMerge(before, value) : value
  }
  return out
}

function alertEmails(list: readonly string[], field: (i: number) => string): string[] {
  const out: string[] = []
  list.forEach((address, i) => {
    const email = valid.email(address, field(i))
    if (!out.includes(email)) out.push(email)
  })
  return out
}

function parseProperties(value: unknown, platform: PlatformConfig): DeploymentProperties {
  const props = valid.json(deploymentPropertiesSchema, value, 'properties')
  if (props.alert_emails) props.alert_emails = alertEmails(props.alert_emails, (i) => `properties.alert_emails[${i}]`)
  if (props.resource_strategy === 'au' && !platform.auEnabled) {
    throw badInput('properties.resource_strategy', 'This platform does not offer Astronomer Units: size the deployment in CPU and memory (resource_strategy "custom").')
  }
  return props
}

/** The viewer's name on a revision they deploy. */
export function authorOf(ctx: HoustonContext): { author: string; authorUserId: string } {
  const { user } = requireViewer(ctx)
  return { author: user.fullName ?? user.username, authorUserId: user.id }
}

function defaultConfig(): DeploymentConfig {
  return { executor: 'CeleryExecutor' }
}

/** Deployments of a workspace that the viewer may see. */
function visibleDeployments(ctx: HoustonContext, workspaceId: string): DeploymentRecord[] {
  const ws = workspaceById(ctx, workspaceId)
  const all = ctx.store.deploymentsOf(ws.id)
  if (viewerWorkspacePermissions(ctx, ws).has('workspace.deployments.get')) return all
  // Someone with a role on single deployments only sees those.
  const own = all.filter((d) => viewerDeploymentPermissions(ctx, d).has('deployment.config.get'))
  if (own.length === 0) requireWorkspace(ctx, ws, 'workspace.deployments.get', "list this workspace's deployments")
  return own
}

export const deploymentResolvers: Resolvers = {
  Query: {
    workspaceDeployments: (_parent, { workspaceUuid, releaseName: release }, ctx) =>
      visibleDeployments(ctx, workspaceUuid)
        .filter((d) => !release || d.releaseName === release)
        .sort(byLabel),

    deployments: (_parent, _args, ctx) => {
      requireSystem(ctx, 'system.deployments.get', 'list every deployment on the platform')
      return ctx.store.deployments().sort(byLabel)
    },

    deployment: (_parent, { deploymentUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.get', 'see this deployment')
      return dep
    },

    deploymentConfig: (_parent, { workspaceUuid, deploymentUuid, version }, ctx) => {
      if (workspaceUuid) workspaceById(ctx, workspaceUuid)
      if (deploymentUuid) deploymentById(ctx, deploymentUuid)
      if (version) offeredAirflowVersion(version)
      return platformOf(ctx.store)
    },
  },

  Mutation: {
    createDeployment: (_parent, args, ctx) => {
      const ws = workspaceById(ctx, args.workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.deployments.create', 'create deployments in this workspace')
      if (args.type !== DEPLOYMENT_TYPE) throw badInput('type', `Unknown deployment type "${args.type}": use "${DEPLOYMENT_TYPE}".`)
      const platform = platformOf(ctx.store)
      const label = valid.label(args.label)
      const description = valid.description(args.description)
      const version = offeredAirflowVersion(args.version ?? platform.defaultAirflowVersion)
      // Who may pick a deprecated or yanked version: whoever administers every deployment of this workspace.
      assertVersionAllowed(version, deploymentPermissions(viewerBindings(ctx), ws.id, ''), { entityType: 'WORKSPACE', entityId: ws.id, name: `workspace "${ws.label}"` })
      const config = args.config == null ? defaultConfig() : valid.json(deploymentConfigSchema, args.config, 'config')
      const properties = parseProperties(args.properties ?? {}, platform)
      const sizing = sizingOf(config, properties, platform)
      assertSizingAllowed(ctx.store, ws, sizing, undefined, version)
      const canonical = canonicalConfig(sizing, platform)
      const dags = args.dagDeployment == null ? IMAGE_DAGS : parseDagDeployment(args.dagDeployment, null)

      const nowMs = ctx.now()
      const now = iso(nowMs)
      const dep: DeploymentRecord = {
        id: ctx.store.newId(),
        workspaceId: ws.id,
        label,
        description,
        type: DEPLOYMENT_TYPE,
        releaseName: ctx.store.withRng((rng) => releaseName(rng, (n) => ctx.store.releaseNameTaken(n))),
        chartVersion: AIRFLOW_CHART_VERSION,
        airflowVersion: version,
        desiredAirflowVersion: null,
        deployingAirflowVersion: null,
        status: 'DEPLOYING',
        config: canonical.config,
        properties: withSizingProperties({ alert_emails: properties.alert_emails ?? [] }, sizing, platform),
        desiredConfig: null,
        deployingUntil: null,
        imageDeploys: 0,
        environmentVariables: [],
        dagDeployment: dags,
        revisions: [],
        currentRevisionId: null,
        createdAt: now,
        updatedAt: now,
      }
      startDeploy(dep, { config: canonical.config }, nowMs)
      // The first deploy runs the platform's own image of the version.
      recordRevision(dep, {
        id: ctx.store.newId(),
        createdAt: now,
        ...authorOf(ctx),
        image: platformImage(version),
        airflowVersion: version,
        description: `Created with the platform's Airflow ${version} image`,
        platformImage: true,
      })
      ctx.store.putDeployment(dep)
      // Whoever creates a deployment administers it (and so may delete it),
      // whatever their workspace role gives them on other deployments.
      if (!viewerDeploymentPermissions(ctx, dep).has('deployment.config.delete')) {
        ctx.store.putBinding({
          id: ctx.store.newId(),
          role: 'DEPLOYMENT_ADMIN',
          userId: requireViewer(ctx).user.id,
          serviceAccountId: null,
          workspaceId: ws.id,
          deploymentId: dep.id,
          createdAt: now,
        })
      }
      return dep
    },

    updateDeployment: (_parent, args, ctx) => {
      const dep = deploymentById(ctx, args.deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.update', 'change this deployment')
      assertNotDeploying(dep)
      const ws = workspaceOf(ctx, dep)
      const platform = platformOf(ctx.store)

      const payload = args.payload == null ? {} : valid.json(deploymentPayloadSchema, args.payload, 'payload')
      const label = payload.label !== undefined ? valid.label(payload.label, 'payload.label') : dep.label
      const description =
        payload.description !== undefined ? valid.description(payload.description, 'payload.description') : dep.description

      if (args.config != null && !isPlainObject(args.config)) throw badInput('config', 'config must be a JSON object.')
      if (args.properties != null && !isPlainObject(args.properties)) {
        throw badInput('properties', 'properties must be a JSON object.')
      }
      const config =
        args.config == null ? dep.config : valid.json(deploymentConfigSchema, deepMerge(dep.config, args.config), 'config')
      const patch = args.properties ?? {}
      const properties = parseProperties({ ...dep.properties, ...patch }, platform)
      // A new executor starts from its own extra capacity unless one is given.
      if (config.executor !== dep.config.executor) {
        if (!('extra_au' in patch)) properties.extra_au = executorOf(platform, config.executor).extraAu.default
        if (!('extra_capacity' in patch)) delete properties.extra_capacity
      }
      const sizing = sizingOf(config, properties, platform)
      assertSizingAllowed(ctx.store, ws, sizing, dep, dep.airflowVersion)
      const canonical = canonicalConfig(sizing, platform)
      const dags = args.dagDeployment == null ? dep.dagDeployment : parseDagDeployment(args.dagDeployment, dep.dagDeployment)

      const nowMs = ctx.now()
      const nextProperties = withSizingProperties(properties, sizing, platform)
      const resized = JSON.stringify(canonical.config) !== JSON.stringify(dep.config) || JSON.stringify(canonical.properties) !== JSON.stringify(withSizingProperties({}, sizingOf(dep.config, dep.properties, platform), platform))
      const dagsChanged = JSON.stringify(dags) !== JSON.stringify(dep.dagDeployment)
      const changed =
        resized ||
        dagsChanged ||
        label !== dep.label ||
        description !== dep.description ||
        JSON.stringify(nextProperties) !== JSON.stringify(dep.properties)
      dep.label = label
      dep.description = description
      dep.properties = nextProperties
      dep.dagDeployment = dags
      // New resources or a new DAG mechanism restart the components.
      if (resized || dagsChanged) startDeploy(dep, { config: canonical.config }, nowMs)
      else if (changed) dep.updatedAt = iso(nowMs)
      return dep
    },

    deleteDeployment: (_parent, { deploymentUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.delete', 'delete this deployment')
      assertNotDeploying(dep)
      ctx.store.removeDeployment(dep.id)
      return dep
    },

    deploymentAlertsUpdate: (_parent, args, ctx) => {
      const dep = deploymentById(ctx, args.deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.config.update', "change this deployment's alert emails")
      assertNotDeploying(dep)
      dep.properties = { ...dep.properties, alert_emails: alertEmails(args.alertEmails, (i) => `alertEmails[${i}]`) }
      dep.updatedAt = iso(ctx.now())
      return dep
    },
  },

  Deployment: {
    version: (d) => d.chartVersion,
    urls: (d, _args, ctx) => {
      const base = `${DEPLOYMENTS_BASE_URL}/${d.releaseName}`
      const hostile = ctx.store.state.seed === 'hostile' && d.id === HOSTILE_SEED.airflowUrl.deploymentId
      return [
        { type: 'airflow', url: hostile ? HOSTILE_SEED.airflowUrl.url : `${base}/airflow` },
        ...(d.config.executor === 'CeleryExecutor' ? [{ type: 'flower', url: `${base}/flower` }] : []),
      ]
    },
    deployInfo: (d) => {
      const current = currentRevision(d)
      return {
        current: current && !current.platformImage ? current.imageTag : null,
        nextCli: `deploy-${d.imageDeploys + 1}`,
      }
    },
    dagDeployment: (d) => dagDeploymentSettings(d.dagDeployment),
    deployRevisionCount: (d) => d.revisions.length,
    currentRevision: (d) => {
      const r = currentRevision(d)
      return r ? { ...r, deployment: d } : null
    },
    workspace: (d, _args, ctx) => workspaceOf(ctx, d),
    roleBindings: (d, _args, ctx) => {
      requireWorkspace(ctx, workspaceOf(ctx, d), 'workspace.users.get', "see who has roles on this deployment")
      return ctx.store.bindingsOfDeployment(d.id).filter((b) => b.userId !== null)
    },
    viewerPermissions: (d, _args, ctx) => [...viewerDeploymentPermissions(ctx, d)].sort(),
  },
}
