import { useQuery } from '@apollo/client/react'
import { useMemo } from 'react'
import { type PlatformConfig, platformConfigSchema } from '@/lib/houston-json'
import { DeploymentConfigQuery } from './operations'

/** The platform's AU unit, limits and defaults, validated once where it arrives. */
export function usePlatformConfig(workspaceId?: string) {
  const query = useQuery(DeploymentConfigQuery, { variables: { workspaceUuid: workspaceId ?? null }, fetchPolicy: 'cache-first' })
  const parsed = useMemo(() => (query.data ? platformConfigSchema.safeParse(query.data.deploymentConfig) : null), [query.data])
  const invalid = parsed && !parsed.success ? new Error(`The platform's deploymentConfig is not in the expected shape: ${parsed.error.issues[0]?.message ?? ''}`) : null
  return {
    platform: parsed?.success ? (parsed.data satisfies PlatformConfig) : null,
    loading: query.loading,
    error: query.error ?? invalid,
    refetch: query.refetch,
  }
}
