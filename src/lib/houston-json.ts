// Houston keeps some data as untyped JSON. Each shape gets one zod schema and
// one inferred type here, shared by the console and the fake backend.
import { z } from 'zod'

export const EXECUTORS = ['LocalExecutor', 'CeleryExecutor', 'KubernetesExecutor'] as const
export const executorSchema = z.enum(EXECUTORS)
export type Executor = z.infer<typeof executorSchema>

export const COMPONENTS = ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'workers', 'flower', 'redis', 'triggerer'] as const
export const componentSchema = z.enum(COMPONENTS)
export type Component = z.infer<typeof componentSchema>

const nonNegativeInt = z.number().int().nonnegative()

/** A platform range: what a value starts at, and the bounds it must stay within. */
export const rangeSchema = z.object({
  default: nonNegativeInt,
  minimum: nonNegativeInt,
  limit: nonNegativeInt,
})
export type Range = z.infer<typeof rangeSchema>

/**
 * How a deployment is sized: in AU (CPU and memory locked together) or in
 * custom resources (CPU and memory set separately per component). Kept in
 * `properties.resource_strategy`; absent means AU where the platform offers
 * AU, custom resources where it does not.
 */
export const RESOURCE_STRATEGIES = ['au', 'custom'] as const
export const resourceStrategySchema = z.enum(RESOURCE_STRATEGIES)
export type ResourceStrategy = z.infer<typeof resourceStrategySchema>

/** One Airflow release the platform knows, with its standing. */
export const airflowReleaseSchema = z.object({
  version: z.string(),
  /** Still runs, but no longer recommended: offered to admins only. */
  deprecated: z.boolean(),
  /** Withdrawn for a serious defect: offered to admins only. */
  yanked: z.boolean(),
  /** Why it is deprecated or yanked, in a sentence. */
  note: z.string().optional(),
})
export type AirflowRelease = z.infer<typeof airflowReleaseSchema>

/** `deploymentConfig`: the platform's AU unit, limits and defaults. */
export const platformConfigSchema = z.object({
  /**
   * Whether the platform offers Astronomer Units at all. When false, every
   * deployment is sized in custom CPU and memory and quotas count CPU and
   * memory; `astroUnit` then remains only the platform's sizing grain (the
   * pods of extra capacity, PgBouncer connections).
   */
  auEnabled: z.boolean().default(true),
  astroUnit: z.object({
    /** millicpu per AU */
    cpu: z.number().positive(),
    /** MiB per AU */
    memory: z.number().positive(),
    /** pods per AU of extra capacity */
    pods: z.number().positive(),
    /** pgbouncer client connections per AU of the whole deployment */
    airflowConns: z.number().nonnegative(),
    /** database server connections per AU of the whole deployment */
    actualConns: z.number().nonnegative(),
  }),
  maxExtraAu: nonNegativeInt,
  maxPodAu: nonNegativeInt,
  /** No single pod may exceed these (millicpu, MiB); default maxPodAu in CPU and memory. */
  maxPodCpu: nonNegativeInt.optional(),
  maxPodMemory: nonNegativeInt.optional(),
  executors: z.array(
    z.object({
      name: executorSchema,
      label: z.string(),
      description: z.string(),
      components: z.array(componentSchema),
      /** extra capacity (AU for task pods) the executor starts with, and may not go below */
      extraAu: rangeSchema,
      /** the same in custom resources (millicpu, MiB); default extraAu in CPU and memory */
      extraCapacity: z.object({ cpu: rangeSchema, memory: rangeSchema }).optional(),
    }),
  ),
  components: z.array(
    z.object({
      name: componentSchema,
      label: z.string(),
      au: rangeSchema,
      /** false for components the platform sizes itself (statsd, pgbouncer, flower, redis) */
      tunable: z.boolean(),
      replicas: rangeSchema.optional(),
      terminationGracePeriodSeconds: rangeSchema.optional(),
      /** per replica under custom resources (millicpu, MiB); default the AU range in CPU and memory */
      cpu: rangeSchema.optional(),
      memory: rangeSchema.optional(),
      /** the first Airflow version that runs the component at all (the triggerer: 2.2.0) */
      sinceAirflow: z.string().optional(),
      /** the first Airflow version that runs more than one replica of it (the scheduler: 2.0.0) */
      replicasSinceAirflow: z.string().optional(),
    }),
  ),
  /** The versions offered to new deployments and upgrades: the newest patch of each minor. */
  airflowVersions: z.array(z.string()),
  defaultAirflowVersion: z.string(),
  /** Every release the platform knows (older patches included), with its standing. */
  airflowReleases: z.array(airflowReleaseSchema).default([]),
})
export type PlatformConfig = z.infer<typeof platformConfigSchema>

/** Per-component resources as Houston stores them: cpu in millicpu, memory in MiB. */
export const componentResourcesSchema = z.object({
  resources: z.object({
    limits: z.object({ cpu: nonNegativeInt, memory: nonNegativeInt }),
    requests: z.object({ cpu: nonNegativeInt, memory: nonNegativeInt }).optional(),
  }),
  replicas: z.number().int().positive().optional(),
  terminationGracePeriodSeconds: nonNegativeInt.optional(),
})
export type ComponentResources = z.infer<typeof componentResourcesSchema>

/** The triggerer may run no replica at all. */
const triggererResourcesSchema = componentResourcesSchema.extend({ replicas: nonNegativeInt.optional() })

/** A deployment's `config`. */
export const deploymentConfigSchema = z
  .object({
    executor: executorSchema,
    scheduler: componentResourcesSchema.optional(),
    webserver: componentResourcesSchema.optional(),
    statsd: componentResourcesSchema.optional(),
    pgbouncer: componentResourcesSchema.optional(),
    workers: componentResourcesSchema.optional(),
    flower: componentResourcesSchema.optional(),
    redis: componentResourcesSchema.optional(),
    /** Absent on deployments made before the triggerer existed: none runs. */
    triggerer: triggererResourcesSchema.optional(),
  })
  .strict()
export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>

/** A deployment's `properties`. */
export const deploymentPropertiesSchema = z
  .object({
    extra_au: nonNegativeInt.optional(),
    alert_emails: z.array(z.string()).optional(),
    resource_strategy: resourceStrategySchema.optional(),
    /** Extra capacity under custom resources: millicpu and MiB. */
    extra_capacity: z.object({ cpu: nonNegativeInt, memory: nonNegativeInt }).strict().optional(),
  })
  .strict()
export type DeploymentProperties = z.infer<typeof deploymentPropertiesSchema>

/** `updateWorkspace` payload. */
export const workspacePayloadSchema = z
  .object({ label: z.string().optional(), description: z.string().nullable().optional() })
  .strict()

/** `updateDeployment` payload. */
export const deploymentPayloadSchema = z
  .object({ label: z.string().optional(), description: z.string().nullable().optional() })
  .strict()
