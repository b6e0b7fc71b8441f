import { parseSizing } from '@/features/deployments'
import type { Sizing } from '@/lib/au'
import type { PlatformConfig } from '@/lib/houston-json'

export interface DeploymentJson {
  config: unknown
  desiredConfig?: unknown
  properties: unknown
}

/**
 * The size a deployment counts against its workspace quota, as Houston counts
 * it: while it deploys, the config being rolled out; otherwise its config.
 */
export function countedSizing(platform: PlatformConfig, d: DeploymentJson): Sizing | null {
  return parseSizing(platform, d.desiredConfig ?? d.config, d.properties)
}
