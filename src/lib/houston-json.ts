// Houston keeps some data as untyped JSON. Each shape gets one zod schema and
// one inferred type here, shared by the console and the fake backend.
import { z } from 'zod'

export const EXECUTORS = ['LocalExecutor', 'CeleryExecutor', 'KubernetesExecutor'] as const
export const executorSchema = z.enum(EXECUTORS)
export type Executor = z.infer<typeof executorSchema>

export const COMPONENTS = ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'workers', 'flower', 'redis'] as const
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

/** `deploymentConfig`: the platform's AU unit, limits and defaults. */
export const platformConfigSchema = z.object({
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
  executors: z.array(
    z.object({
      name: executorSchema,
      label: z.string(),
      description: z.string(),
      components: z.array(componentSchema),
      /** extra capacity (AU for task pods) the executor starts with, and may not go below */
      extraAu: rangeSchema,
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
    }),
  ),
  airflowVersions: z.array(z.string()),
  defaultAirflowVersion: z.string(),
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
  })
  .strict()
export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>

/** A deployment's `properties`. */
export const deploymentPropertiesSchema = z
  .object({
    extra_au: nonNegativeInt.optional(),
    alert_emails: z.array(z.string()).optional(),
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
