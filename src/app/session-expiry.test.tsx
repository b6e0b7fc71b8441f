import { render, screen } from '@testing-library/react'
import { MemoryRouter, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import { createApolloClient } from '@/lib/apollo-client'
import { readSession, writeSession } from '@/lib/session-store'
import { testConfig } from '@/testing/render-app'
import { createAppNavigator } from './router'
import { createExpiryHandler } from './session-expiry'

function Where() {
  const location = useLocation()
  return <p>At {location.pathname + location.search}</p>
}

function setup() {
  writeSession({ token: 'expired-token', expiresAt: Math.floor(Date.now() / 1000) + 3600 })
  const { navigator, NavigatorBridge } = createAppNavigator()
  const apollo = createApolloClient(testConfig(), {
    onUnauthenticated: () => undefined,
  })
  const expire = createExpiryHandler(() => navigator, () => apollo)
  const mount = (at: string) =>
    render(
      <MemoryRouter initialEntries={[at]}>
        <NavigatorBridge />
        <Where />
      </MemoryRouter>,
    )
  return { expire, mount }
}

describe('an expired session', () => {
  it('sends the reader to sign-in and back to their page, even when the server said so before the router rendered', async () => {
    const { expire, mount } = setup()
    // The session is asked for before the first render, so its refusal can come first.
    expire()
    mount('/workspaces/w1/deployments/d1/logs?level=ERROR')
    expect(await screen.findByText(`At /sign-in?returnTo=${encodeURIComponent('/workspaces/w1/deployments/d1/logs?level=ERROR')}&reason=expired`)).toBeInTheDocument()
    expect(readSession()).toBeNull()
  })

  it('leaves the sign-in page alone: a refused sign-in is answered there', async () => {
    const { expire, mount } = setup()
    mount('/sign-in')
    expire()
    // The handler waits for the router (here rendered already), then decides.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(screen.getByText('At /sign-in')).toBeInTheDocument()
    expect(readSession()).not.toBeNull()
  })
})
