// The built console reads /config.json at start, so one build serves every
// environment. With no GraphQL URL it runs on the embedded demo backend.
// zod's tree-shakable build: this module loads with the entry, before any route.
import * as z from 'zod/mini'

const optionalUrl = z._default(z.nullable(z.string().check(z.minLength(1))), null)

export const runtimeConfigSchema = z.object({
  graphqlUrl: optionalUrl,
  graphqlWsUrl: optionalUrl,
  metricsUrl: optionalUrl,
  /** e.g. https://grafana.example.com/d/airflow?var-deployment={releaseName} */
  grafanaUrlTemplate: optionalUrl,
  /** e.g. https://kibana.example.com/app/discover#/?query=release:{releaseName} */
  kibanaUrlTemplate: optionalUrl,
})

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>

export interface ResolvedConfig extends RuntimeConfig {
  demo: boolean
  graphqlUrl: string
  metricsUrl: string
}

/** Fills in the demo endpoints (served in the page) when no backend is configured. */
export function resolveConfig(raw: RuntimeConfig, origin: string): ResolvedConfig {
  const demo = raw.graphqlUrl === null
  const wsOrigin = origin.replace(/^http/, 'ws')
  return {
    ...raw,
    demo,
    graphqlUrl: raw.graphqlUrl ?? `${origin}/v1`,
    graphqlWsUrl: raw.graphqlWsUrl ?? (demo ? `${wsOrigin}/ws` : null),
    metricsUrl: raw.metricsUrl ?? origin,
  }
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<ResolvedConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' })
  if (!response.ok) throw new Error(`config.json could not be loaded (HTTP ${response.status}).`)
  const parsed = runtimeConfigSchema.safeParse(await response.json())
  if (!parsed.success) throw new Error(`config.json is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return resolveConfig(parsed.data, window.location.origin)
}

/** Fills `{releaseName}`, `{deploymentId}`, `{workspaceId}` in an operator's URL template. */
export function fillUrlTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key]
    return value === undefined ? whole : encodeURIComponent(value)
  })
}
