// The fake Houston's whole state: plain JSON records, so that it can be
// snapshotted into browser storage and restored. Records refer to each other
// by id; the Store builds the indexes that resolvers need.
import { z } from 'zod'
import { deploymentConfigSchema, deploymentPropertiesSchema } from '../../src/lib/houston-json'
import { ROLES } from '../../src/lib/permissions'

/** Bump when a record's shape changes: older snapshots are then ignored. */
export const STATE_VERSION = 1

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
  desiredAirflowVersion: z.string().nullable(),
  status: z.enum(['HEALTHY', 'DEPLOYING', 'UNHEALTHY', 'UNKNOWN']),
  config: deploymentConfigSchema,
  properties: deploymentPropertiesSchema,
  desiredConfig: deploymentConfigSchema.nullable(),
  /** When the change in flight is applied (ms since epoch); set only while DEPLOYING. */
  deployingUntil: z.number().nullable(),
  /** How many images have been deployed (deploy-N tags). */
  imageDeploys: z.number().int().nonnegative(),
  environmentVariables: z.array(envVarRecordSchema),
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

export const tokenRecordSchema = z.object({
  userId: z.string(),
  /** seconds since epoch, as in a JWT */
  iat: z.number().int(),
  exp: z.number().int(),
})
export type TokenRecord = z.infer<typeof tokenRecordSchema>

export const SEED_NAMES = ['demo', 'large'] as const
export type SeedName = (typeof SEED_NAMES)[number]

export const houstonStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  seed: z.enum(SEED_NAMES),
  /** State of the PRNG that makes ids and release names after seeding. */
  rng: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  users: z.record(z.string(), userRecordSchema),
  workspaces: z.record(z.string(), workspaceRecordSchema),
  deployments: z.record(z.string(), deploymentRecordSchema),
  roleBindings: z.record(z.string(), roleBindingRecordSchema),
  invites: z.record(z.string(), inviteRecordSchema),
  serviceAccounts: z.record(z.string(), serviceAccountRecordSchema),
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
