import { ApolloProvider } from '@apollo/client/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Toaster } from 'sonner'
import type { ConsoleApolloClient } from '@/lib/apollo-client'
import type { ResolvedConfig } from '@/lib/runtime-config'
import { RuntimeConfigProvider } from '@/lib/runtime-config-context'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: 3,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 8000),
        refetchOnWindowFocus: false,
      },
    },
  })
}

export function AppProviders({
  config,
  apollo,
  queryClient,
  children,
}: {
  config: ResolvedConfig
  apollo: ConsoleApolloClient
  queryClient: QueryClient
  children: ReactNode
}) {
  return (
    <RuntimeConfigProvider config={config}>
      <ApolloProvider client={apollo}>
        <QueryClientProvider client={queryClient}>
          {children}
          <Toaster position="bottom-right" closeButton richColors toastOptions={{ duration: 6000 }} />
        </QueryClientProvider>
      </ApolloProvider>
    </RuntimeConfigProvider>
  )
}
