// The built console reads /config.json at start, so one build serves every
// environment. With no GraphQL URL it runs on the embedded demo backend.

const CONFIG_KEYS = [
  'graphqlUrl',
  'graphqlWsUrl',
  'metricsUrl',
  /** e.g. https://grafana.example.com/d/airflow?var-deployment={releaseName} */
  'grafanaUrlTemplate',
  /** e.g. https://kibana.example.com/app/discover#/?query=release:{releaseName} */
  'kibanaUrlTemplate',
] as const

/** What config.json says: each URL a non-empty string, or null (absent means null). */
export type RuntimeConfig = Record<(typeof CONFIG_KEYS)[number], string | null>

export type ConfigParse = { success: true; data: RuntimeConfig } | { success: false; problems: string[] }

/**
 * Checks config.json by hand: five optional URLs do not need a schema library
 * in the entry bundle, which every page loads before anything else.
 */
export function parseRuntimeConfig(input: unknown): ConfigParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { success: false, problems: ['the file must hold a JSON object'] }
  const source = input as Record<string, unknown>
  const data = {} as RuntimeConfig
  const problems: string[] = []
  for (const key of CONFIG_KEYS) {
    const value = source[key]
    if (value === undefined || value === null) data[key] = null
    else if (typeof value === 'string' && value.length > 0) data[key] = value
    else problems.push(`${key}: expected a non-empty string or null, got ${value === '' ? 'an empty string' : typeof value}`)
  }
  return problems.length > 0 ? { success: false, problems } : { success: true, data }
}

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
  // As index.html preloads it (the request starts before the modules have loaded), so that this
  // takes the preloaded answer. It stays fresh: the server marks it no-cache (deploy/).
  const response = await fetchImpl('/config.json')
  if (!response.ok) throw new Error(`config.json could not be loaded (HTTP ${response.status}).`)
  const parsed = parseRuntimeConfig(await response.json())
  if (!parsed.success) throw new Error(`config.json is not valid: ${parsed.problems.join('; ')}`)
  return resolveConfig(parsed.data, window.location.origin)
}

/** Fills `{releaseName}`, `{deploymentId}`, `{workspaceId}` in an operator's URL template. */
export function fillUrlTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key]
    return value === undefined ? whole : encodeURIComponent(value)
  })
}
