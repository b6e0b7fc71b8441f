import { sizingFromConfig, type Sizing } from '@/lib/au'
import { deploymentConfigSchema, deploymentPropertiesSchema, type PlatformConfig } from '@/lib/houston-json'

/** Reads a deployment's Houston JSON as a sizing, or null when the server sent a shape we don't know. */
export function parseSizing(platform: PlatformConfig, config: unknown, properties: unknown): Sizing | null {
  const c = deploymentConfigSchema.safeParse(config)
  const p = deploymentPropertiesSchema.safeParse(properties)
  if (!c.success || !p.success) return null
  return sizingFromConfig(platform, c.data, p.data)
}

export function alertEmailsOf(properties: unknown): string[] {
  const p = deploymentPropertiesSchema.safeParse(properties)
  return p.success ? (p.data.alert_emails ?? []) : []
}
