import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { AppProviders } from '@/app/providers'
import { AppRoutes, createAppNavigator, preloadScreen } from '@/app/router'
import { createExpiryHandler } from '@/app/session-expiry'
import { prefetchSession } from '@/features/auth'
import { type ConsoleApolloClient, createApolloClient } from '@/lib/apollo-client'
import { loadRuntimeConfig } from '@/lib/runtime-config'
import { applyTheme, readTheme } from '@/lib/theme'
import './styles.css'

applyTheme(readTheme())
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(readTheme()))

const root = createRoot(document.getElementById('root') as HTMLElement)

function showStartupError(message: string) {
  root.render(
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">The console could not start</h1>
      <p className="mt-3">{message}</p>
      <p className="mt-3 text-sm">Check that config.json is served next to the console, then reload.</p>
    </main>,
  )
}

async function start() {
  // The screen's code loads alongside the runtime config, the session and the shell.
  preloadScreen(window.location.pathname)
  const config = await loadRuntimeConfig()
  if (config.demo) {
    // The demo backend (and its copy of the schema) loads only in demo mode.
    const [{ startDemoBackend }, { default: sdl }] = await Promise.all([import('../mocks/browser'), import('../schema.graphql?raw')])
    await startDemoBackend(sdl)
  }

  const { navigator, NavigatorBridge } = createAppNavigator()
  const apollo: ConsoleApolloClient = createApolloClient(config, {
    onUnauthenticated: createExpiryHandler(() => navigator, () => apollo),
  })
  prefetchSession(apollo)

  // In a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread until every screen's code and data are in.
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppProviders config={config} apollo={apollo}>
          <BrowserRouter>
            <AppRoutes />
            <NavigatorBridge />
          </BrowserRouter>
        </AppProviders>
      </StrictMode>,
    )
  })
}

start().catch((error: unknown) => showStartupError(error instanceof Error ? error.message : String(error)))
