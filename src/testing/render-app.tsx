import { render } from '@testing-library/react'
import { afterEach } from 'vitest'
import { MemoryRouter } from 'react-router'
import { AppProviders } from '@/app/providers'
import { AppRoutes, createAppNavigator } from '@/app/router'
import { createExpiryHandler } from '@/app/session-expiry'
import { prefetchSession } from '@/features/auth'
import { type ConsoleApolloClient, createApolloClient } from '@/lib/apollo-client'
import { clearRegisteredCaches } from '@/lib/cache-registry'
import { resolveConfig } from '@/lib/runtime-config'
import { writeSession } from '@/lib/session-store'

export const TEST_ORIGIN = 'http://localhost'

/**
 * Apps rendered by the current test. After it, each one is made inert: a
 * request still in flight then finds its token gone (the backend was reset)
 * and must not sign the next test's user out.
 */
const liveApps = new Set<() => void>()
afterEach(() => {
  for (const dispose of liveApps) dispose()
  liveApps.clear()
})

export interface RenderAppOptions {
  /** The URL to open. */
  route: string
  /** A bearer token to be signed in with (see `signIn` in mocks/node). */
  token?: string | null
  demo?: boolean
}

/** The runtime config tests run with: the fake backend at TEST_ORIGIN (or the embedded demo one). */
export function testConfig({ demo = false }: { demo?: boolean } = {}) {
  return resolveConfig(
    { graphqlUrl: demo ? null : `${TEST_ORIGIN}/v1`, graphqlWsUrl: null, metricsUrl: TEST_ORIGIN, grafanaUrlTemplate: null, kibanaUrlTemplate: null },
    TEST_ORIGIN,
  )
}

/**
 * Renders the whole console (real router, real Apollo and Query clients) at a
 * URL, against whatever the MSW server in the test serves.
 */
export function renderApp({ route, token = null, demo = false }: RenderAppOptions) {
  if (token) writeSession({ token, expiresAt: Math.floor(Date.now() / 1000) + 3600 })
  const config = testConfig({ demo })
  const { navigator: router, NavigatorBridge } = createAppNavigator()
  let alive = true
  const apollo: ConsoleApolloClient = createApolloClient(config, {
    onUnauthenticated: createExpiryHandler(() => (alive ? router : null), () => (alive ? apollo : null)),
  })
  // As the console starts (main.tsx).
  prefetchSession(apollo)
  liveApps.add(() => {
    alive = false
    apollo.stop()
    clearRegisteredCaches()
  })
  const view = render(
    <AppProviders config={config} apollo={apollo}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
        <NavigatorBridge />
      </MemoryRouter>
    </AppProviders>,
  )
  return { ...view, router, apollo }
}
