// The fake Houston's whole state: plain JSON records, so that it can be
// snapshotted into browser storage and restored. Records refer to each other
// by id; the Store builds the indexes that resolvers need.
import { z } from 'zod'
import { DAG_DEPLOYMENT_TYPES } from '../../src/lib/dag-deployment'
import { deploymentConfigSchema, deploymentPropertiesSchema } from '../../src/lib/houston-json'
import { ROLES } from '../../src/lib/permissions'

/** Bump when a record's shape changes: older snapshots are then ignored. */
export const STATE_VERSION = 2

const isoDate = z.string()
const roleSchema = z.enum(ROLES)

export const userRecordSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  fullName: z.string().nullable(),
  status: z.enum(['active', 'pending', 'inactive']),
  /** Hash of the password; null for accounts that cannot sign in locally. */
  passwordHash: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
})
export type UserRecord = z.infer<typeof userRecordSchema>

export const workspaceRecordSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  auQuota: z.number().int().nonnegative(),
  createdAt: isoDate,
  updatedAt: isoDate,
})
export type WorkspaceRecord = z.infer<typeof workspaceRecordSchema>

export const envVarRecordSchema = z.object({
  key: z.string(),
  value: z.string(),
  isSecret: z.boolean(),
})
export type EnvVarRecord = z.infer<typeof envVarRecordSchema>

const dagDeploymentTypeSchema = z.enum(DAG_DEPLOYMENT_TYPES)

/** How a deployment gets its DAGs. `sshKey` and `knownHosts` are stored but never returned. */
export const dagDeploymentRecordSchema = z.object({
  type: dagDeploymentTypeSchema,
  nfsLocation: z.string().nullable(),
  repositoryUrl: z.string().nullable(),
  branchName: z.string().nullable(),
  syncInterval: z.number().int().nullable(),
  dagDirectoryLocation: z.string().nullable(),
  rev: z.string().nullable(),
  sshKey: z.string().nullable(),
  knownHosts: z.string().nullable(),
})
export type DagDeploymentRecord = z.infer<typeof dagDeploymentRecordSchema>

/** One deploy: an image rolled out (CI's, or the platform's own), or a rollback to an earlier one. */
export const deployRevisionRecordSchema = z.object({
  id: z.string(),
  createdAt: isoDate,
  /** Who deployed, as shown: a person's name or a service account's label. */
  author: z.string(),
  authorUserId: z.string().nullable(),
  image: z.string(),
  imageTag: z.string(),
  airflowVersion: z.string(),
  description: z.string().nullable(),
  dagDeploymentType: dagDeploymentTypeSchema,
  /** The platform's stock image of the version rather than one CI built. */
  platformImage: z.boolean(),
  /** For a rollback: the revision it redeployed. */
  redeployOfId: z.string().nullable(),
})
export type DeployRevisionRecord = z.infer<typeof deployRevisionRecordSchema>

export const deploymentRecordSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  type: z.string(),
  releaseName: z.string(),
  /** The platform chart version the deployment was made with (Houston's `version`). */
  chartVersion: z.string(),
  airflowVersion: z.string(),
  /** The version an upgrade asks for, until an image of it is deployed or the upgrade is cancelled. */
  desiredAirflowVersion: z.string().nullable(),
  /** The Airflow version the deploy in flight rolls out; set only while DEPLOYING. */
  deployingAirflowVersion: z.string().nullable(),
  status: z.enum(['HEALTHY', 'DEPLOYING', 'UNHEALTHY', 'UNKNOWN']),
  config: deploymentConfigSchema,
  properties: deploymentPropertiesSchema,
  desiredConfig: deploymentConfigSchema.nullable(),
  /** When the change in flight is applied (ms since epoch); set only while DEPLOYING. */
  deployingUntil: z.number().nullable(),
  /** How many images have been deployed (deploy-N tags). */
  imageDeploys: z.number().int().nonnegative(),
  environmentVariables: z.array(envVarRecordSchema),
  dagDeployment: dagDeploymentRecordSchema,
  /** Every deploy, oldest first. */
  revisions: z.array(deployRevisionRecordSchema),
  currentRevisionId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
})
export type DeploymentRecord = z.infer<typeof deploymentRecordSchema>

export const roleBindingRecordSchema = z.object({
  id: z.string(),
  role: roleSchema,
  userId: z.string().nullable(),
  serviceAccountId: z.string().nullable(),
  /** Set for workspace bindings, and for deployment bindings (the deployment's workspace). */
  workspaceId: z.string().nullable(),
  deploymentId: z.string().nullable(),
  /** Set for a team's bindings (userId and serviceAccountId are then null). Absent in older snapshots. */
  teamId: z.string().nullable().optional(),
  createdAt: isoDate,
})
export type RoleBindingRecord = z.infer<typeof roleBindingRecordSchema>

export const inviteRecordSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  workspaceId: z.string(),
  /** The secret the invitee would redeem; never returned by the API. */
  token: z.string(),
  /** Deployment roles granted when the invite is accepted. Absent in older snapshots. */
  deploymentRoles: z.array(z.object({ deploymentId: z.string(), role: roleSchema })).optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
})
export type InviteRecord = z.infer<typeof inviteRecordSchema>

export const serviceAccountRecordSchema = z.object({
  id: z.string(),
  label: z.string(),
  category: z.string().nullable(),
  entityType: z.enum(['WORKSPACE', 'DEPLOYMENT']),
  entityUuid: z.string(),
  workspaceId: z.string(),
  /** Only a hash is kept: the key itself is shown once, on creation. */
  apiKeyHash: z.string(),
  lastUsedAt: isoDate.nullable(),
  active: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
})
export type ServiceAccountRecord = z.infer<typeof serviceAccountRecordSchema>

export const teamRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** LOCAL: made in the console; IDP: imported from the identity provider (read-only name and members). */
  source: z.enum(['LOCAL', 'IDP']),
  provider: z.string().nullable(),
  userIds: z.array(z.string()),
  createdAt: isoDate,
  updatedAt: isoDate,
})
export type TeamRecord = z.infer<typeof teamRecordSchema>

export const tokenRecordSchema = z.object({
  userId: z.string(),
  /** seconds since epoch, as in a JWT */
  iat: z.number().int(),
  exp: z.number().int(),
})
export type TokenRecord = z.infer<typeof tokenRecordSchema>

export const SEED_NAMES = ['demo', 'large', 'hostile'] as const
export type SeedName = (typeof SEED_NAMES)[number]

/** How the platform is set up: options a Houston starts with, kept with its state. */
export const platformSettingsSchema = z.object({
  /** False: the platform offers no Astronomer Units; deployments are sized in CPU and memory. */
  auEnabled: z.boolean(),
})
export type PlatformSettings = z.infer<typeof platformSettingsSchema>

export const houstonStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  seed: z.enum(SEED_NAMES),
  settings: platformSettingsSchema,
  /** State of the PRNG that makes ids and release names after seeding. */
  rng: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  users: z.record(z.string(), userRecordSchema),
  workspaces: z.record(z.string(), workspaceRecordSchema),
  deployments: z.record(z.string(), deploymentRecordSchema),
  roleBindings: z.record(z.string(), roleBindingRecordSchema),
  invites: z.record(z.string(), inviteRecordSchema),
  serviceAccounts: z.record(z.string(), serviceAccountRecordSchema),
  /** Absent in snapshots from before teams: none then. */
  teams: z.record(z.string(), teamRecordSchema).default({}),
  /** Keyed by the token value. */
  tokens: z.record(z.string(), tokenRecordSchema),
})
export type HoustonState = z.infer<typeof houstonStateSchema>

const snapshotSchema = z.object({
  format: z.literal('fake-houston'),
  version: z.literal(STATE_VERSION),
  state: houstonStateSchema,
})

export function encodeSnapshot(state: HoustonState): string {
  return JSON.stringify({ format: 'fake-houston', version: STATE_VERSION, state })
}

/** The state in a snapshot, or null when it is not one of ours, of this version and seed. */
export function decodeSnapshot(text: string | null | undefined, seed: SeedName): HoustonState | null {
  if (!text) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = snapshotSchema.safeParse(raw)
  if (!parsed.success || parsed.data.state.seed !== seed) return null
  return parsed.data.state
}
