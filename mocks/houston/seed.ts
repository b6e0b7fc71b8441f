// The data the fake Houston starts with. Deterministic: ids are derived from
// a stable key per entity (so URLs survive reloads and edits to this file),
// everything else from seeded PRNGs; only timestamps follow the clock, so
// that "created 3 days ago" stays true.
import { type Sizing, defaultSizing } from '../../src/lib/au'
import type { Executor } from '../../src/lib/houston-json'
import type { Role } from '../../src/lib/permissions'
import { DEMO_PASSWORD, hashPassword } from './auth'
import { iso } from './lifecycle'
import { AIRFLOW_CHART_VERSION, DEPLOYMENT_TYPE, PLATFORM } from './platform'
import { hash128, hashHex, Prng, stableId } from './random'
import { releaseName } from './release-names'
import { makeHostile } from './seed-hostile'
import type { DagDeploymentType } from '../../src/lib/dag-deployment'
import { deploymentImage, IMAGE_DAGS, platformImage } from './deploys'
import { canonicalConfig } from './sizing'
import {
  type DagDeploymentRecord,
  type DeploymentRecord,
  type DeployRevisionRecord,
  type EnvVarRecord,
  type HoustonState,
  type PlatformSettings,
  type SeedName,
  STATE_VERSION,
  type UserRecord,
} from './state'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** How long the seeded "upgrade in progress" takes to finish after the seed is made. */
export const SEED_DEPLOYING_MS = 90_000

/** Stable ids of the seeded workspaces (for tests and deep links). */
export const SEED_IDS = {
  dataPlatform: stableId('workspace:data-platform'),
  marketing: stableId('workspace:marketing'),
  mlResearch: stableId('workspace:ml-research'),
  sandbox: stableId('workspace:sandbox'),
  scaleLab: stableId('workspace:scale-lab'),
  customerEtl: stableId('deployment:customer-etl'),
  warehouseSync: stableId('deployment:warehouse-sync'),
} as const

interface UserSpec {
  key: string
  fullName: string
  email?: string
  status?: UserRecord['status']
  daysAgo?: number
}

interface DeploymentSpec {
  key: string
  workspace: string
  label: string
  description: string | null
  executor: Executor
  airflowVersion: string
  status: DeploymentRecord['status']
  /** AU per component (replicas as `workers.replicas`), on top of the executor's defaults. */
  size?: { scheduler?: number; webserver?: number; workers?: number; replicas?: number; extraAu?: number }
  env?: EnvVarRecord[]
  alertEmails?: string[]
  imageDeploys?: number
  daysAgo: number
  /** An Airflow upgrade whose image is being rolled out (status DEPLOYING). */
  upgradingTo?: string
  /** An upgrade asked for and waiting for CI to deploy an image of that version. */
  pendingUpgrade?: string
  /** Older Airflow versions: revisions numbered below `before` ran `version` (latest first). */
  history?: { before: number; version: string }[]
  /** How the deployment gets its DAGs (default: in the image). */
  dags?: Partial<DagDeploymentRecord> & { type: DagDeploymentType }
  /** Revisions numbered below this took their DAGs from the image (the mechanism changed then). */
  dagsSince?: number
  /** Who deploys it: names of people and CI service accounts. */
  deployers?: string[]
}

/** How many deploys of a deployment the demo seed records (the newest ones). */
export const SEEDED_REVISIONS = 50

const DEPLOY_NOTES = [
  'Add retries to the flaky extract tasks',
  'Bump provider packages',
  'New DAG for the weekly summary',
  'Fix timezone handling in the daily schedule',
  'Move credentials to a connection',
  'Tune pool sizes for the backfill',
  'Split the monolithic DAG into task groups',
  'Upgrade pandas and pyarrow',
  'Add data quality checks before the load',
  'Remove the deprecated SubDagOperator',
  'Increase the sensor timeout',
  'Parameterise the target schema',
  null,
] as const

class SeedBuilder {
  readonly state: HoustonState
  private readonly demoHash = hashPassword(DEMO_PASSWORD)
  private readonly releaseNames = new Set<string>()

  constructor(
    seed: SeedName,
    private readonly nowMs: number,
    settings: PlatformSettings,
  ) {
    this.state = {
      version: STATE_VERSION,
      seed,
      settings,
      rng: hash128(`runtime:${seed}`),
      users: {},
      workspaces: {},
      deployments: {},
      roleBindings: {},
      invites: {},
      serviceAccounts: {},
      teams: {},
      tokens: {},
    }
  }

  at(daysAgo: number, extraMs = 0): string {
    return iso(this.nowMs - daysAgo * DAY + extraMs)
  }

  user(spec: UserSpec): string {
    const id = stableId(`user:${spec.key}`)
    const email = spec.email ?? `${spec.key}@example.com`
    const status = spec.status ?? 'active'
    const created = this.at(spec.daysAgo ?? 200)
    this.state.users[id] = {
      id,
      username: email.slice(0, email.indexOf('@')),
      email,
      emailVerified: status !== 'pending',
      fullName: spec.fullName,
      status,
      passwordHash: this.demoHash,
      createdAt: created,
      updatedAt: created,
    }
    return id
  }

  workspace(key: string, label: string, description: string, auQuota: number, daysAgo: number): string {
    const id = stableId(`workspace:${key}`)
    this.state.workspaces[id] = {
      id,
      label,
      description,
      active: true,
      auQuota,
      createdAt: this.at(daysAgo),
      updatedAt: this.at(daysAgo / 2),
    }
    return id
  }

  bind(userKey: string, role: Role, target?: { workspace?: string; deployment?: string }): void {
    const deploymentId = target?.deployment ? stableId(`deployment:${target.deployment}`) : null
    const workspaceId = deploymentId
      ? (this.state.deployments[deploymentId]?.workspaceId ?? null)
      : target?.workspace
        ? stableId(`workspace:${target.workspace}`)
        : null
    const key = `binding:${userKey}:${role}:${target?.workspace ?? ''}:${target?.deployment ?? ''}`
    const id = stableId(key)
    this.state.roleBindings[id] = {
      id,
      role,
      userId: stableId(`user:${userKey}`),
      serviceAccountId: null,
      workspaceId,
      deploymentId,
      createdAt: this.at(100),
    }
  }

  /** A team (LOCAL, or imported from an identity provider) with its members and roles. */
  team(spec: {
    key: string
    name: string
    description: string | null
    provider: string | null
    members: string[]
    roles: { role: Role; workspace?: string; deployment?: string }[]
    daysAgo: number
  }): void {
    const id = stableId(`team:${spec.key}`)
    const created = this.at(spec.daysAgo)
    this.state.teams[id] = {
      id,
      name: spec.name,
      description: spec.description,
      source: spec.provider ? 'IDP' : 'LOCAL',
      provider: spec.provider,
      userIds: spec.members.map((m) => stableId(`user:${m}`)),
      createdAt: created,
      updatedAt: created,
    }
    for (const r of spec.roles) {
      const deploymentId = r.deployment ? stableId(`deployment:${r.deployment}`) : null
      const workspaceId = deploymentId
        ? (this.state.deployments[deploymentId]?.workspaceId ?? null)
        : r.workspace
          ? stableId(`workspace:${r.workspace}`)
          : null
      const bindingId = stableId(`binding:team:${spec.key}:${r.role}:${r.workspace ?? ''}:${r.deployment ?? ''}`)
      this.state.roleBindings[bindingId] = { id: bindingId, role: r.role, userId: null, serviceAccountId: null, teamId: id, workspaceId, deploymentId, createdAt: created }
    }
  }

  deployment(spec: DeploymentSpec): void {
    const id = stableId(`deployment:${spec.key}`)
    const sizing: Sizing = defaultSizing(PLATFORM, spec.executor)
    const s = spec.size ?? {}
    const set = (name: 'scheduler' | 'webserver' | 'workers', au: number | undefined, replicas?: number) => {
      const c = sizing.components[name]
      if (!c) return
      if (au !== undefined) c.au = au
      if (replicas !== undefined) c.replicas = replicas
    }
    set('scheduler', s.scheduler)
    set('webserver', s.webserver)
    set('workers', s.workers, s.replicas)
    if (s.extraAu !== undefined) sizing.extraAu = s.extraAu
    const { config, extraAu } = canonicalConfig(sizing)
    const created = this.nowMs - spec.daysAgo * DAY
    const updated = Math.min(this.nowMs - HOUR, created + (spec.daysAgo / 3) * DAY)
    const deploying = spec.status === 'DEPLOYING'
    const release = this.releaseName(spec.key)
    const dags: DagDeploymentRecord = { ...IMAGE_DAGS, ...spec.dags }
    const revisions = this.revisions(spec, release, created, updated, dags.type)
    this.state.deployments[id] = {
      id,
      workspaceId: stableId(`workspace:${spec.workspace}`),
      label: spec.label,
      description: spec.description,
      type: DEPLOYMENT_TYPE,
      releaseName: release,
      chartVersion: AIRFLOW_CHART_VERSION,
      // The seeded rollout is an image of the new version being deployed: it completes the upgrade.
      airflowVersion: spec.airflowVersion,
      desiredAirflowVersion: spec.upgradingTo ?? spec.pendingUpgrade ?? null,
      deployingAirflowVersion: deploying ? (spec.upgradingTo ?? null) : null,
      status: spec.status,
      config,
      properties: { extra_au: extraAu, alert_emails: spec.alertEmails ?? [] },
      desiredConfig: deploying ? structuredClone(config) : null,
      deployingUntil: deploying ? this.nowMs + SEED_DEPLOYING_MS : null,
      imageDeploys: spec.imageDeploys ?? 0,
      environmentVariables: spec.env ?? [],
      dagDeployment: dags,
      revisions,
      currentRevisionId: revisions.at(-1)?.id ?? null,
      createdAt: iso(created),
      updatedAt: iso(deploying ? this.nowMs - 30_000 : updated),
    }
  }

  /**
   * The deploys a seeded deployment has had: its newest image deploys (up to
   * SEEDED_REVISIONS; the large seed keeps the last only), spread evenly from
   * its creation to its last update; or the platform's image when it never
   * deployed its own.
   */
  private revisions(spec: DeploymentSpec, release: string, created: number, updated: number, dagType: DagDeploymentType): DeployRevisionRecord[] {
    const total = spec.imageDeploys ?? 0
    const rng = Prng.fromKey(`revisions:${spec.key}`)
    const deployers = spec.deployers ?? ['CI/CD pipeline']
    const versionAt = (n: number) => {
      let version = spec.airflowVersion
      for (const h of spec.history ?? []) if (n < h.before) version = h.version
      return version
    }
    if (total === 0) {
      return [
        {
          id: stableId(`revision:${spec.key}:0`),
          createdAt: iso(created),
          author: rng.pick(deployers),
          authorUserId: null,
          image: platformImage(spec.airflowVersion),
          imageTag: spec.airflowVersion,
          airflowVersion: spec.airflowVersion,
          description: `Created with the platform's Airflow ${spec.airflowVersion} image`,
          dagDeploymentType: dagType,
          platformImage: true,
          redeployOfId: null,
        },
      ]
    }
    const kept = this.state.seed === 'large' && spec.key.startsWith('scale-') ? 1 : SEEDED_REVISIONS
    const out: DeployRevisionRecord[] = []
    for (let n = Math.max(1, total - kept + 1); n <= total; n++) {
      const tag = `deploy-${n}`
      out.push({
        id: stableId(`revision:${spec.key}:${n}`),
        createdAt: iso(Math.round(created + ((updated - created) * n) / total)),
        author: rng.pick(deployers),
        authorUserId: null,
        image: deploymentImage(release, tag),
        imageTag: tag,
        airflowVersion: n === total && spec.upgradingTo ? spec.upgradingTo : versionAt(n),
        description: n === total && spec.upgradingTo ? `Upgrade to Airflow ${spec.upgradingTo}` : rng.pick(DEPLOY_NOTES),
        dagDeploymentType: spec.dagsSince !== undefined && n < spec.dagsSince ? 'image' : dagType,
        platformImage: false,
        redeployOfId: null,
      })
    }
    return out
  }

  private releaseName(key: string): string {
    const name = releaseName(Prng.fromKey(`release:${key}`), (n) => this.releaseNames.has(n))
    this.releaseNames.add(name)
    return name
  }

  invite(workspace: string, email: string, role: Role, daysAgo: number): void {
    const id = stableId(`invite:${workspace}:${email}`)
    this.state.invites[id] = {
      id,
      email,
      role,
      workspaceId: stableId(`workspace:${workspace}`),
      token: hashHex(`invite-token:${id}`),
      createdAt: this.at(daysAgo),
      updatedAt: this.at(daysAgo),
    }
  }

  serviceAccount(spec: {
    key: string
    label: string
    category: string | null
    role: Role
    workspace?: string
    deployment?: string
    lastUsedMsAgo: number | null
    daysAgo: number
  }): void {
    const id = stableId(`service-account:${spec.key}`)
    const deploymentId = spec.deployment ? stableId(`deployment:${spec.deployment}`) : null
    const workspaceId = deploymentId
      ? (this.state.deployments[deploymentId]?.workspaceId ?? '')
      : stableId(`workspace:${spec.workspace ?? ''}`)
    const created = this.at(spec.daysAgo)
    this.state.serviceAccounts[id] = {
      id,
      label: spec.label,
      category: spec.category,
      entityType: deploymentId ? 'DEPLOYMENT' : 'WORKSPACE',
      entityUuid: deploymentId ?? workspaceId,
      workspaceId,
      // Nobody knows the seeded keys: they were "shown once" long ago.
      apiKeyHash: hashHex(`seed-api-key:${id}`),
      lastUsedAt: spec.lastUsedMsAgo === null ? null : iso(this.nowMs - spec.lastUsedMsAgo),
      active: true,
      createdAt: created,
      updatedAt: created,
    }
    const bindingId = stableId(`binding:service-account:${spec.key}`)
    this.state.roleBindings[bindingId] = {
      id: bindingId,
      role: spec.role,
      userId: null,
      serviceAccountId: id,
      workspaceId,
      deploymentId,
      createdAt: created,
    }
  }
}

const env = (key: string, value: string, isSecret = false): EnvVarRecord => ({ key, value, isSecret })

/** A stand-in deploy key: stored for git-sync, never sent back by the API. */
const SEEDED_SSH_KEY = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'c2VlZGVkLWRlbW8ta2V5LW5vdC1hLXJlYWwtb25l', '-----END OPENSSH PRIVATE KEY-----'].join('\n')

function seedDemo(b: SeedBuilder): void {
  // Workspaces: Marketing Analytics is nearly full (12 AU left).
  b.workspace('data-platform', 'Data Platform', 'Shared ingestion, ETL and reporting pipelines run by the data platform team.', 250, 420)
  b.workspace('marketing', 'Marketing Analytics', 'Campaign attribution, ad spend and email engagement dashboards.', 100, 300)
  b.workspace('ml-research', 'ML Research', 'Feature pipelines, model training and batch inference.', 300, 240)
  b.workspace('sandbox', 'Platform Sandbox', 'A place to try the platform out. Nothing here is production.', 50, 30)

  // The accounts of SEEDED_ACCOUNTS.
  b.user({ key: 'admin', fullName: 'Alex Rivera', daysAgo: 500 })
  b.user({ key: 'editor', fullName: 'Erin Chen', daysAgo: 380 })
  b.user({ key: 'viewer', fullName: 'Victor Okafor', daysAgo: 350 })
  b.user({ key: 'wsadmin', fullName: 'Wanda Schmidt', daysAgo: 310 })
  b.user({ key: 'sysviewer', fullName: 'Sofia Varga', daysAgo: 280 })
  b.user({ key: 'sysedit', fullName: 'Simon Edwards', daysAgo: 270 })
  b.user({ key: 'deployeditor', fullName: 'Dana Ito', daysAgo: 150 })
  b.user({ key: 'newbie', fullName: 'Nico Brandt', daysAgo: 2 })

  const people: UserSpec[] = [
    { key: 'jordan.blake', fullName: 'Jordan Blake', daysAgo: 480 },
    { key: 'helen.wright', fullName: 'Helen Wright', daysAgo: 260 },
    { key: 'priya.shah', fullName: 'Priya Shah', daysAgo: 410 },
    { key: 'marcus.johnson', fullName: 'Marcus Johnson', daysAgo: 390 },
    { key: 'liam.oconnor', fullName: "Liam O'Connor", daysAgo: 330 },
    { key: 'hannah.mueller', fullName: 'Hannah Müller', daysAgo: 320 },
    { key: 'george.adams', fullName: 'George Adams', daysAgo: 240 },
    { key: 'yuki.tanaka', fullName: 'Yuki Tanaka', daysAgo: 220 },
    { key: 'carlos.mendez', fullName: 'Carlos Méndez', daysAgo: 200 },
    { key: 'fatima.alrashid', fullName: 'Fatima Al-Rashid', daysAgo: 190 },
    { key: 'nina.hoffmann', fullName: 'Nina Hoffmann', daysAgo: 90 },
    { key: 'olga.petrova', fullName: 'Olga Petrova', status: 'inactive', daysAgo: 370 },
    { key: 'ben.carter', fullName: 'Ben Carter', status: 'pending', daysAgo: 4 },
    { key: 'grace.kim', fullName: 'Grace Kim', daysAgo: 290 },
    { key: 'tom.baker', fullName: 'Tom Baker', daysAgo: 280 },
    { key: 'amara.nwosu', fullName: 'Amara Nwosu', daysAgo: 250 },
    { key: 'lucas.silva', fullName: 'Lucas Silva', daysAgo: 230 },
    { key: 'isabella.rossi', fullName: 'Isabella Rossi', daysAgo: 120 },
    { key: 'lena.berg', fullName: 'Lena Berg', daysAgo: 60 },
    { key: 'ryan.murphy', fullName: 'Ryan Murphy', daysAgo: 45 },
    { key: 'chen.wei', fullName: 'Chen Wei', status: 'pending', daysAgo: 6 },
    { key: 'noah.fischer', fullName: 'Noah Fischer', daysAgo: 240 },
    { key: 'elena.popescu', fullName: 'Elena Popescu', daysAgo: 235 },
    { key: 'raj.patel', fullName: 'Raj Patel', daysAgo: 210 },
    { key: 'sara.lindqvist', fullName: 'Sara Lindqvist', daysAgo: 205 },
    { key: 'tomas.lindgren', fullName: 'Tomas Lindgren', daysAgo: 180 },
    { key: 'kofi.mensah', fullName: 'Kofi Mensah', daysAgo: 170 },
    { key: 'david.cohen', fullName: 'David Cohen', daysAgo: 160 },
    { key: 'mei.lin', fullName: 'Mei Lin', daysAgo: 140 },
    { key: 'aisha.bello', fullName: 'Aisha Bello', daysAgo: 75 },
    { key: 'julia.novak', fullName: 'Julia Novak', status: 'inactive', daysAgo: 230 },
    { key: 'omar.haddad', fullName: 'Omar Haddad', daysAgo: 110 },
    { key: 'anna.kowalski', fullName: 'Anna Kowalski', daysAgo: 100 },
    { key: 'zoe.martin', fullName: 'Zoe Martin', daysAgo: 20 },
    { key: 'kai.nakamura', fullName: 'Kai Nakamura', daysAgo: 12 },
    { key: 'peter.holm', fullName: 'Peter Holm', status: 'pending', daysAgo: 3 },
    { key: 'ivan.petrov', fullName: 'Ivan Petrov', status: 'inactive', daysAgo: 400 },
  ]
  for (const p of people) b.user(p)

  const dp = 'data-platform'
  const mk = 'marketing'
  const ml = 'ml-research'
  const alerts = ['data-oncall@example.com']
  const dpDeployers = ['CI/CD pipeline', 'Erin Chen', 'Priya Shah', 'Marcus Johnson']
  const mkDeployers = ['Wanda Schmidt', 'Erin Chen', 'Grace Kim', 'dbt Cloud']
  const mlDeployers = ['Model registry bot', 'Raj Patel', 'Sara Lindqvist', 'Kofi Mensah']

  // Data Platform: 187 AU of 250.
  b.deployment({
    key: 'customer-etl', workspace: dp, label: 'Customer ETL', description: 'Nightly customer and orders loads into the warehouse.',
    executor: 'CeleryExecutor', airflowVersion: '2.10.5', status: 'HEALTHY', size: { workers: 10, replicas: 3 },
    env: [env('ENVIRONMENT', 'production'), env('SNOWFLAKE_ACCOUNT', 'acme-prod'), env('SNOWFLAKE_PASSWORD', 'hunter2-prod', true), env('SLACK_WEBHOOK_URL', 'https://hooks.slack.example/T000/B000', true)],
    alertEmails: alerts, imageDeploys: 42, daysAgo: 400,
    history: [{ before: 35, version: '2.9.3' }, { before: 20, version: '2.8.4' }], deployers: [...dpDeployers, 'Deploy bot'],
  })
  b.deployment({
    key: 'finance-reporting', workspace: dp, label: 'Finance Reporting', description: 'Month-end close and revenue reports.',
    executor: 'KubernetesExecutor', airflowVersion: '2.9.3', status: 'HEALTHY', size: { extraAu: 20 },
    env: [env('ENVIRONMENT', 'production'), env('REPORT_BUCKET', 's3://acme-finance-reports'), env('ERP_API_TOKEN', 'erp-secret-token', true)],
    alertEmails: ['finance-data@example.com'], imageDeploys: 17, daysAgo: 350,
    history: [{ before: 9, version: '2.8.4' }], deployers: dpDeployers,
  })
  b.deployment({
    key: 'event-ingestion', workspace: dp, label: 'Event Ingestion', description: 'Streams clickstream batches from Kafka to the lake.',
    executor: 'CeleryExecutor', airflowVersion: '2.8.4', status: 'UNHEALTHY', size: { scheduler: 10, workers: 15, replicas: 2 },
    env: [env('KAFKA_BOOTSTRAP', 'kafka-0.internal:9092'), env('KAFKA_SASL_PASSWORD', 'kafka-secret', true), env('AIRFLOW__CORE__PARALLELISM', '64')],
    alertEmails: alerts, imageDeploys: 88, daysAgo: 300, deployers: dpDeployers,
  })
  b.deployment({
    key: 'data-quality', workspace: dp, label: 'Data Quality Checks', description: 'Great Expectations suites over the warehouse.',
    executor: 'LocalExecutor', airflowVersion: '2.10.5', status: 'HEALTHY',
    env: [env('GE_STORE', 's3://acme-ge-results')], imageDeploys: 9, daysAgo: 120,
    dags: { type: 'dag_only' }, dagsSince: 6, deployers: dpDeployers,
  })
  b.deployment({
    key: 'warehouse-sync', workspace: dp, label: 'Warehouse Sync', description: 'Reverse ETL from the warehouse to the CRM.',
    executor: 'KubernetesExecutor', airflowVersion: '2.9.3', upgradingTo: '2.10.5', status: 'DEPLOYING',
    env: [env('CRM_API_KEY', 'crm-key', true)], imageDeploys: 5, daysAgo: 60, deployers: dpDeployers,
  })
  b.deployment({
    key: 'legacy-reports', workspace: dp, label: 'Legacy Reports', description: 'Old Airflow 1 reports, kept until the migration is done.',
    executor: 'LocalExecutor', airflowVersion: '1.10.15', status: 'UNKNOWN', imageDeploys: 130, daysAgo: 410,
    dags: { type: 'volume', nfsLocation: 'nfs://nfs.internal.example.com:/exports/legacy-reports/dags' }, deployers: dpDeployers,
  })

  // Marketing Analytics: 88 AU of 100.
  b.deployment({
    key: 'campaign-attribution', workspace: mk, label: 'Campaign Attribution', description: 'Multi-touch attribution models.',
    executor: 'CeleryExecutor', airflowVersion: '2.9.3', status: 'HEALTHY',
    env: [env('ENVIRONMENT', 'production'), env('GA_PROPERTY_ID', '123456789'), env('GA_SERVICE_ACCOUNT_JSON', '{"type":"service_account"}', true)],
    alertEmails: ['marketing-data@example.com'], imageDeploys: 23, daysAgo: 280,
    pendingUpgrade: '2.10.5', deployers: mkDeployers,
  })
  b.deployment({
    key: 'ad-spend', workspace: mk, label: 'Ad Spend Dashboard', description: 'Daily spend from the ad networks.',
    executor: 'KubernetesExecutor', airflowVersion: '2.10.5', status: 'HEALTHY',
    env: [env('FACEBOOK_ADS_TOKEN', 'fb-token', true), env('GOOGLE_ADS_CUSTOMER_ID', '987-654-3210')], imageDeploys: 11, daysAgo: 200, deployers: mkDeployers,
  })
  b.deployment({
    key: 'social-listening', workspace: mk, label: 'Social Listening', description: null,
    executor: 'LocalExecutor', airflowVersion: '2.7.3', status: 'UNHEALTHY', size: { scheduler: 10, webserver: 8 },
    env: [env('TWITTER_BEARER_TOKEN', 'tw-token', true)], imageDeploys: 31, daysAgo: 180, deployers: mkDeployers,
  })
  b.deployment({
    key: 'email-metrics', workspace: mk, label: 'Email Metrics', description: 'Opens, clicks and bounces from the ESP.',
    executor: 'LocalExecutor', airflowVersion: '2.5.3', status: 'UNKNOWN', imageDeploys: 4, daysAgo: 150, deployers: mkDeployers,
  })

  // ML Research: 260 AU of 300.
  b.deployment({
    key: 'feature-store', workspace: ml, label: 'Feature Store', description: 'Materialises features for online and offline stores.',
    executor: 'KubernetesExecutor', airflowVersion: '2.10.5', status: 'HEALTHY', size: { scheduler: 10, extraAu: 60 },
    env: [env('FEAST_REPO', 'gs://acme-feast'), env('REDIS_PASSWORD', 'redis-secret', true)], alertEmails: ['ml-oncall@example.com'], imageDeploys: 54, daysAgo: 220,
    dags: {
      type: 'git_sync', repositoryUrl: 'git@github.com:acme/feature-store-dags.git', branchName: 'main', syncInterval: 60, dagDirectoryLocation: 'dags', rev: null,
      sshKey: SEEDED_SSH_KEY, knownHosts: 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    },
    dagsSince: 40, deployers: mlDeployers,
  })
  b.deployment({
    key: 'model-training', workspace: ml, label: 'Model Training', description: 'Weekly retraining of ranking and churn models.',
    executor: 'CeleryExecutor', airflowVersion: '2.9.3', status: 'HEALTHY', size: { scheduler: 10, workers: 30, replicas: 4 },
    env: [env('MLFLOW_TRACKING_URI', 'https://mlflow.internal'), env('WANDB_API_KEY', 'wandb-key', true), env('CUDA_VISIBLE_DEVICES', '0')],
    alertEmails: ['ml-oncall@example.com'], imageDeploys: 76, daysAgo: 210, deployers: mlDeployers,
  })
  b.deployment({
    key: 'experiment-tracker', workspace: ml, label: 'Experiment Tracker', description: 'Syncs experiment results to the wiki.',
    executor: 'LocalExecutor', airflowVersion: '2.8.4', status: 'UNHEALTHY', imageDeploys: 8, daysAgo: 90, deployers: mlDeployers,
  })
  b.deployment({
    key: 'batch-inference', workspace: ml, label: 'Batch Inference', description: 'Scores the customer base nightly.',
    executor: 'KubernetesExecutor', airflowVersion: '2.10.5', status: 'HEALTHY',
    env: [env('MODEL_URI', 'models:/churn/Production')], imageDeploys: 12, daysAgo: 70, deployers: mlDeployers,
  })

  // System roles.
  b.bind('admin', 'SYSTEM_ADMIN')
  b.bind('jordan.blake', 'SYSTEM_ADMIN')
  b.bind('sysedit', 'SYSTEM_EDITOR')
  b.bind('sysviewer', 'SYSTEM_VIEWER')
  b.bind('helen.wright', 'SYSTEM_VIEWER')

  // Data Platform members; deployment roles narrow or widen the workspace role.
  const dpMembers: [string, Role][] = [
    ['admin', 'WORKSPACE_ADMIN'], ['priya.shah', 'WORKSPACE_ADMIN'], ['editor', 'WORKSPACE_EDITOR'],
    ['marcus.johnson', 'WORKSPACE_EDITOR'], ['liam.oconnor', 'WORKSPACE_EDITOR'], ['hannah.mueller', 'WORKSPACE_EDITOR'],
    ['george.adams', 'WORKSPACE_EDITOR'], ['viewer', 'WORKSPACE_VIEWER'], ['deployeditor', 'WORKSPACE_VIEWER'],
    ['yuki.tanaka', 'WORKSPACE_VIEWER'], ['carlos.mendez', 'WORKSPACE_VIEWER'], ['fatima.alrashid', 'WORKSPACE_VIEWER'],
    ['nina.hoffmann', 'WORKSPACE_VIEWER'], ['olga.petrova', 'WORKSPACE_VIEWER'], ['ben.carter', 'WORKSPACE_VIEWER'],
  ]
  for (const [user, role] of dpMembers) b.bind(user, role, { workspace: dp })
  b.bind('deployeditor', 'DEPLOYMENT_EDITOR', { deployment: 'customer-etl' })
  b.bind('hannah.mueller', 'DEPLOYMENT_VIEWER', { deployment: 'finance-reporting' })
  b.bind('yuki.tanaka', 'DEPLOYMENT_ADMIN', { deployment: 'event-ingestion' })

  const mkMembers: [string, Role][] = [
    ['wsadmin', 'WORKSPACE_ADMIN'], ['editor', 'WORKSPACE_EDITOR'], ['grace.kim', 'WORKSPACE_EDITOR'],
    ['lucas.silva', 'WORKSPACE_EDITOR'], ['tom.baker', 'WORKSPACE_VIEWER'], ['amara.nwosu', 'WORKSPACE_VIEWER'],
    ['isabella.rossi', 'WORKSPACE_VIEWER'], ['lena.berg', 'WORKSPACE_VIEWER'], ['ryan.murphy', 'WORKSPACE_VIEWER'],
    ['chen.wei', 'WORKSPACE_VIEWER'],
  ]
  for (const [user, role] of mkMembers) b.bind(user, role, { workspace: mk })
  b.bind('lucas.silva', 'DEPLOYMENT_VIEWER', { deployment: 'campaign-attribution' })
  b.bind('amara.nwosu', 'DEPLOYMENT_EDITOR', { deployment: 'ad-spend' })

  const mlMembers: [string, Role][] = [
    ['noah.fischer', 'WORKSPACE_ADMIN'], ['elena.popescu', 'WORKSPACE_ADMIN'], ['raj.patel', 'WORKSPACE_EDITOR'],
    ['sara.lindqvist', 'WORKSPACE_EDITOR'], ['tomas.lindgren', 'WORKSPACE_EDITOR'], ['kofi.mensah', 'WORKSPACE_EDITOR'],
    ['david.cohen', 'WORKSPACE_VIEWER'], ['mei.lin', 'WORKSPACE_VIEWER'], ['aisha.bello', 'WORKSPACE_VIEWER'],
    ['marcus.johnson', 'WORKSPACE_VIEWER'], ['julia.novak', 'WORKSPACE_VIEWER'],
  ]
  for (const [user, role] of mlMembers) b.bind(user, role, { workspace: ml })
  b.bind('mei.lin', 'DEPLOYMENT_EDITOR', { deployment: 'feature-store' })
  // Roles on single deployments, without a workspace role.
  b.bind('omar.haddad', 'DEPLOYMENT_VIEWER', { deployment: 'model-training' })
  b.bind('anna.kowalski', 'DEPLOYMENT_ADMIN', { deployment: 'batch-inference' })

  b.bind('jordan.blake', 'WORKSPACE_ADMIN', { workspace: 'sandbox' })
  b.bind('zoe.martin', 'WORKSPACE_EDITOR', { workspace: 'sandbox' })

  b.invite(dp, 'new.analyst@example.com', 'WORKSPACE_VIEWER', 2)
  b.invite(dp, 'contractor@partner.example', 'WORKSPACE_EDITOR', 9)
  b.invite(mk, 'agency@adpartner.example', 'WORKSPACE_VIEWER', 5)
  b.invite(ml, 'phd.intern@university.example', 'WORKSPACE_VIEWER', 1)
  b.invite(ml, 'ml.engineer@example.com', 'WORKSPACE_EDITOR', 14)

  // Teams: two imported from the identity provider (members read-only), one made in the console.
  b.team({
    key: 'data-engineering', name: 'Data Engineering', description: 'Okta group data-eng: pipeline owners.', provider: 'okta',
    members: ['marcus.johnson', 'liam.oconnor', 'george.adams', 'raj.patel'],
    roles: [{ role: 'WORKSPACE_EDITOR', workspace: dp }, { role: 'DEPLOYMENT_ADMIN', deployment: 'event-ingestion' }], daysAgo: 200,
  })
  b.team({
    key: 'ml-platform', name: 'ML Platform', description: 'Okta group ml-platform.', provider: 'okta',
    members: ['noah.fischer', 'kofi.mensah', 'mei.lin', 'aisha.bello'],
    roles: [{ role: 'WORKSPACE_VIEWER', workspace: dp }], daysAgo: 150,
  })
  b.team({
    key: 'finance-analysts', name: 'Finance Analysts', description: 'Month-end close owners.', provider: null,
    members: ['helen.wright', 'carlos.mendez', 'fatima.alrashid'],
    roles: [{ role: 'DEPLOYMENT_EDITOR', deployment: 'finance-reporting' }], daysAgo: 80,
  })

  b.serviceAccount({ key: 'dp-cicd', label: 'CI/CD pipeline', category: 'GitHub Actions', role: 'WORKSPACE_EDITOR', workspace: dp, lastUsedMsAgo: 2 * HOUR, daysAgo: 300 })
  b.serviceAccount({ key: 'dp-audit', label: 'Audit exporter', category: 'Compliance', role: 'WORKSPACE_VIEWER', workspace: dp, lastUsedMsAgo: 3 * DAY, daysAgo: 200 })
  b.serviceAccount({ key: 'mk-looker', label: 'Looker sync', category: 'BI', role: 'WORKSPACE_VIEWER', workspace: mk, lastUsedMsAgo: null, daysAgo: 40 })
  b.serviceAccount({ key: 'ml-registry', label: 'Model registry bot', category: 'Jenkins', role: 'WORKSPACE_EDITOR', workspace: ml, lastUsedMsAgo: 20 * MINUTE, daysAgo: 150 })
  b.serviceAccount({ key: 'etl-deploy', label: 'Deploy bot', category: 'GitLab CI', role: 'DEPLOYMENT_EDITOR', deployment: 'customer-etl', lastUsedMsAgo: HOUR, daysAgo: 250 })
  b.serviceAccount({ key: 'fs-backfill', label: 'Feature backfill', category: 'Argo', role: 'DEPLOYMENT_VIEWER', deployment: 'feature-store', lastUsedMsAgo: null, daysAgo: 30 })
  b.serviceAccount({ key: 'ca-dbt', label: 'dbt Cloud', category: 'dbt', role: 'DEPLOYMENT_EDITOR', deployment: 'campaign-attribution', lastUsedMsAgo: 5 * DAY, daysAgo: 120 })
}

const FIRST_NAMES = ['Ava', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farid', 'Gita', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Leo', 'Maya', 'Nils', 'Oren', 'Paula', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wes', 'Ximena', 'Yara', 'Zane'] as const
const LAST_NAMES = ['Abbott', 'Bauer', 'Costa', 'Dubois', 'Eriksen', 'Fontaine', 'Garcia', 'Haas', 'Iyer', 'Jansen', 'Kovac', 'Larsen', 'Moreau', 'Nakata', 'Ortiz', 'Perez', 'Quist', 'Reyes', 'Sato', 'Toth', 'Ueda', 'Vogel', 'Weber', 'Xu', 'Young', 'Zimmer'] as const
const DOMAINS = ['Orders', 'Billing', 'Inventory', 'Clickstream', 'Payments', 'Shipping', 'Search', 'Pricing', 'Fraud', 'Support', 'Catalog', 'Loyalty'] as const
const KINDS = ['ETL', 'Sync', 'Reports', 'Ingestion', 'Backfill', 'Pipeline', 'Exports', 'Aggregates'] as const
const EXECUTORS: readonly Executor[] = ['LocalExecutor', 'CeleryExecutor', 'KubernetesExecutor']

/** 'large': a "Scale Lab" workspace with 1,000 deployments and 10,000 members, for lists and tables at scale. */
function seedLarge(b: SeedBuilder): void {
  const rng = Prng.fromKey('seed:scale-lab')
  b.workspace('scale-lab', 'Scale Lab', 'Load-testing workspace: 1,000 deployments and 10,000 members.', 40_000, 100)
  for (let n = 1; n <= 10_000; n++) {
    const key = `scale.user${String(n).padStart(5, '0')}`
    const roll = rng.next()
    b.user({
      key,
      email: `${key}@scale.example.com`,
      fullName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      status: roll < 0.01 ? 'inactive' : roll < 0.03 ? 'pending' : 'active',
      daysAgo: rng.int(1, 90),
    })
    b.bind(key, n === 1 ? 'WORKSPACE_ADMIN' : rng.chance(0.05) ? 'WORKSPACE_EDITOR' : 'WORKSPACE_VIEWER', { workspace: 'scale-lab' })
  }
  const statuses: DeploymentRecord['status'][] = ['HEALTHY', 'HEALTHY', 'HEALTHY', 'HEALTHY', 'HEALTHY', 'HEALTHY', 'UNHEALTHY', 'UNKNOWN']
  for (let n = 1; n <= 1000; n++) {
    const executor = rng.pick(EXECUTORS)
    b.deployment({
      key: `scale-${n}`,
      workspace: 'scale-lab',
      label: `${rng.pick(DOMAINS)} ${rng.pick(KINDS)} ${n}`,
      description: rng.chance(0.3) ? null : `Scale Lab deployment number ${n}.`,
      executor,
      airflowVersion: rng.pick(PLATFORM.airflowVersions.slice(1)),
      status: rng.pick(statuses),
      size: executor === 'CeleryExecutor' ? { workers: rng.int(2, 12), replicas: rng.int(1, 2) } : {},
      env: [env('ENVIRONMENT', rng.pick(['production', 'staging', 'development'])), env('API_TOKEN', `token-${n}`, true)],
      imageDeploys: rng.int(0, 60),
      daysAgo: rng.int(1, 100),
    })
  }
}

export function seedState(seed: SeedName, nowMs: number, settings: PlatformSettings = { auEnabled: true }): HoustonState {
  const b = new SeedBuilder(seed, nowMs, settings)
  seedDemo(b)
  if (seed === 'large') seedLarge(b)
  if (seed === 'hostile') makeHostile(b.state, nowMs)
  return b.state
}
