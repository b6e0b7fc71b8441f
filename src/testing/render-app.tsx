import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AppProviders, createQueryClient } from '@/app/providers'
import { routes } from '@/app/router'
import { createExpiryHandler } from '@/app/session-expiry'
import { type ConsoleApolloClient, createApolloClient } from '@/lib/apollo-client'
import { resolveConfig } from '@/lib/runtime-config'
import { writeSession } from '@/lib/session-store'

export const TEST_ORIGIN = 'http://localhost'

export interface RenderAppOptions {
  /** The URL to open. */
  route: string
  /** A bearer token to be signed in with (see `signIn` in mocks/node). */
  token?: string | null
  demo?: boolean
}

/**
 * Renders the whole console (real router, real Apollo and Query clients) at a
 * URL, against whatever the MSW server in the test serves.
 */
export function renderApp({ route, token = null, demo = false }: RenderAppOptions) {
  if (token) writeSession({ token, expiresAt: Math.floor(Date.now() / 1000) + 3600 })
  const config = resolveConfig(
    { graphqlUrl: demo ? null : `${TEST_ORIGIN}/v1`, graphqlWsUrl: null, metricsUrl: TEST_ORIGIN, grafanaUrlTemplate: null, kibanaUrlTemplate: null },
    TEST_ORIGIN,
  )
  const queryClient = createQueryClient()
  const router = createMemoryRouter(routes, { initialEntries: [route] })
  const apollo: ConsoleApolloClient = createApolloClient(config, {
    onUnauthenticated: createExpiryHandler(() => router, () => apollo, queryClient),
  })
  const view = render(
    <AppProviders config={config} apollo={apollo} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return { ...view, router, apollo, queryClient }
}
