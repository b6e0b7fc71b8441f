import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { registerCache } from './cache-registry'

// TanStack Query serves the console's non-GraphQL reads (Prometheus). Only the
// screens that make such reads load it: they render inside <QueryScope>.

let client: QueryClient | null = null

export function sharedQueryClient(): QueryClient {
  if (!client) {
    const created = new QueryClient({
      defaultOptions: {
        queries: {
          retry: 3,
          retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 8000),
          refetchOnWindowFocus: false,
        },
      },
    })
    registerCache(() => created.clear())
    client = created
  }
  return client
}

/** Gives its children the console's one QueryClient. */
export function QueryScope({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={sharedQueryClient()}>{children}</QueryClientProvider>
}
