import { ApolloProvider } from '@apollo/client/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense, type ReactNode } from 'react'
import type { ConsoleApolloClient } from '@/lib/apollo-client'
import type { ResolvedConfig } from '@/lib/runtime-config'
import { RuntimeConfigProvider } from '@/lib/runtime-config-context'

// Toasts only follow something the user did, so the toaster loads after the first paint.
const Toaster = lazy(() => import('sonner').then((m) => ({ default: m.Toaster })))

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
          <Suspense fallback={null}>
            <Toaster position="bottom-right" closeButton theme="system" toastOptions={{ duration: 6000 }} />
          </Suspense>
        </QueryClientProvider>
      </ApolloProvider>
    </RuntimeConfigProvider>
  )
}
