import { createContext, use, type ReactNode } from 'react'
import type { ResolvedConfig } from './runtime-config'

const ConfigContext = createContext<ResolvedConfig | null>(null)

export function RuntimeConfigProvider({ config, children }: { config: ResolvedConfig; children: ReactNode }) {
  return <ConfigContext value={config}>{children}</ConfigContext>
}

export function useRuntimeConfig(): ResolvedConfig {
  const config = use(ConfigContext)
  if (!config) throw new Error('useRuntimeConfig outside RuntimeConfigProvider')
  return config
}
