import type { MetricRange } from './panels'

/** TanStack Query keys of the metrics domain: one factory, so invalidation and tests name them alike. */
export const metricsKeys = {
  all: ['metrics'] as const,
  deployment: (deploymentId: string) => [...metricsKeys.all, deploymentId] as const,
  range: (deploymentId: string, query: string, range: MetricRange) => [...metricsKeys.deployment(deploymentId), 'range', range, query] as const,
  instant: (deploymentId: string, query: string) => [...metricsKeys.deployment(deploymentId), 'instant', query] as const,
}
