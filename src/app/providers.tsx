import { ApolloProvider } from '@apollo/client/react'
import { lazy, Suspense, type ReactNode } from 'react'
import type { ConsoleApolloClient } from '@/lib/apollo-client'
import type { ResolvedConfig } from '@/lib/runtime-config'
import { RuntimeConfigProvider } from '@/lib/runtime-config-context'

// Toasts only follow something the user did, so the toaster loads after the first paint.
const Toaster = lazy(() => import('sonner').then((m) => ({ default: m.Toaster })))

export function AppProviders({
  config,
  apollo,
  children,
}: {
  config: ResolvedConfig
  apollo: ConsoleApolloClient
  children: ReactNode
}) {
  return (
    <RuntimeConfigProvider config={config}>
      <ApolloProvider client={apollo}>
        {children}
        <Suspense fallback={null}>
          <Toaster position="bottom-right" closeButton theme="system" toastOptions={{ duration: 6000 }} />
        </Suspense>
      </ApolloProvider>
    </RuntimeConfigProvider>
  )
}
