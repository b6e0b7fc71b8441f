import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp, testConfig } from '@/testing/render-app'
import { prefetchSession } from '@/features/auth'
import { createApolloClient } from '@/lib/apollo-client'
import { readSession, writeSession } from '@/lib/session-store'

const backend = useTestBackend()

describe('signing in and out', () => {
  it('sends a visitor to sign-in and back to the page they asked for', async () => {
    const user = userEvent.setup()
    const { router } = renderApp({ route: '/workspaces?x=1' })
    await screen.findByRole('heading', { name: 'Sign in' })
    expect(router.state.location.search).toContain('returnTo=%2Fworkspaces%3Fx%3D1')
    await user.type(screen.getByLabelText('Email'), 'viewer@example.com')
    await user.type(screen.getByLabelText('Password'), 'demo')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('heading', { name: 'Workspaces', level: 1 })
    expect(router.state.location.pathname).toBe('/workspaces')
    expect(router.state.location.search).toBe('?x=1')
    await waitFor(() => expect(document.title).toBe('Workspaces · Airflow Platform Console'))
  })

  it('says why a sign-in was refused and keeps what was typed', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/sign-in' })
    await user.type(await screen.findByLabelText('Email'), 'viewer@example.com')
    await user.type(screen.getByLabelText('Password'), 'wrong')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/password|credentials|invalid/i)
    expect(screen.getByLabelText('Email')).toHaveValue('viewer@example.com')
    expect(readSession()).toBeNull()
  })

  it('validates before sending', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/sign-in' })
    await user.type(await screen.findByLabelText('Email'), 'not-an-email')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument()
    expect(screen.getByText('Enter your password.')).toBeInTheDocument()
  })

  it('sends an internationalised address, which the platform accepts, to the server', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/sign-in' })
    await user.type(await screen.findByLabelText('Email'), 'josé@example.com')
    await user.type(screen.getByLabelText('Password'), 'demo')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    // No such account: the server's answer, not the form's.
    expect(await screen.findByRole('alert')).toHaveTextContent(/password|credentials|invalid/i)
    expect(screen.queryByText('Enter a valid email address.')).not.toBeInTheDocument()
  })

  it('signs out from the account menu and forgets the session', async () => {
    const user = userEvent.setup()
    const token = await backend.as('editor@example.com')
    const { router } = renderApp({ route: '/workspaces', token })
    await screen.findByRole('heading', { name: 'Workspaces', level: 1 })
    await user.click(screen.getByRole('button', { name: /^Account menu/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }))
    await screen.findByRole('heading', { name: 'Sign in' })
    expect(readSession()).toBeNull()
    expect(router.state.location.pathname).toBe('/sign-in')
    // Nothing of the last page stays in the tab either.
    await waitFor(() => expect(document.title).toBe('Sign in · Airflow Platform Console'))
  })

  it('asks for the signed-in user as soon as the client exists, with nothing rendered', async () => {
    writeSession({ token: await backend.as('editor@example.com'), expiresAt: Math.floor(Date.now() / 1000) + 3600 })
    const self = backend.hold('Self')
    const client = createApolloClient(testConfig(), {
      onUnauthenticated: () => undefined,
    })
    prefetchSession(client)
    await waitFor(() => expect(self.sent).toBe(1))
    self.release()
    client.stop()
  })

  it('asks for the signed-in user once as the console starts: the session joins the request in flight', async () => {
    const token = await backend.as('editor@example.com')
    const self = backend.hold('Self')
    renderApp({ route: '/workspaces', token })
    expect(await screen.findByText('Signing you in…')).toBeInTheDocument()
    await waitFor(() => expect(self.sent).toBe(1))
    self.release()
    await screen.findByRole('heading', { name: 'Workspaces', level: 1 })
    expect(self.sent).toBe(1)
  })

  it('shows why the account could not be loaded when the first request for it fails, and loads it on retry', async () => {
    const user = userEvent.setup()
    const token = await backend.as('editor@example.com')
    let failures = 1
    backend.server.use(
      graphql.query('Self', () => {
        if (failures-- > 0) return HttpResponse.json({ errors: [{ message: 'Houston is restarting.' }] })
        return undefined
      }),
    )
    renderApp({ route: '/workspaces', token })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Your account could not be loaded')
    await user.click(within(alert).getByRole('button', { name: /retry|try again/i }))
    await screen.findByRole('heading', { name: 'Workspaces', level: 1 })
  })

  it('returns to sign-in when the server says the session expired, then back to the page', async () => {
    const token = await backend.as('viewer@example.com')
    backend.server.use(
      graphql.query('Workspaces', () => HttpResponse.json({ errors: [{ message: 'Your session has expired.', extensions: { code: 'UNAUTHENTICATED' } }] })),
    )
    const { router } = renderApp({ route: '/workspaces', token })
    await screen.findByRole('heading', { name: 'Sign in' })
    expect(screen.getByText(/Your session expired/)).toBeInTheDocument()
    expect(router.state.location.search).toContain('returnTo=%2Fworkspaces')
    expect(readSession()).toBeNull()
  })

  it('offers identity providers as links, but never one whose address would run script', async () => {
    backend.server.use(
      graphql.query('AuthConfig', () =>
        HttpResponse.json({
          data: {
            authConfig: {
              localEnabled: true,
              publicSignup: false,
              providers: [
                { name: 'okta', displayName: 'Okta', url: 'https://idp.example.com/authorize?state=1' },
                { name: 'evil', displayName: 'Evil', url: 'javascript:alert(1)' },
              ],
            },
          },
        }),
      ),
    )
    renderApp({ route: '/sign-in' })
    const providers = await screen.findByRole('region', { name: 'Or continue with' })
    expect(within(providers).getByRole('link', { name: 'Okta' })).toHaveAttribute('href', 'https://idp.example.com/authorize?state=1')
    expect(within(providers).queryByText('Evil')).not.toBeInTheDocument()
  })
})

describe('the shell by role', () => {
  it('shows a viewer no admin navigation and no create button', async () => {
    const token = await backend.as('viewer@example.com')
    renderApp({ route: '/workspaces', token })
    await screen.findByRole('heading', { name: 'Workspaces', level: 1 })
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument()
    // every signed-in user may create a workspace (system.workspace.create)
    expect(screen.getByRole('button', { name: 'Create workspace' })).toBeInTheDocument()
  })

  it('shows a system admin the admin section', async () => {
    const token = await backend.as('admin@example.com')
    renderApp({ route: '/workspaces', token })
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'Users' })).toBeInTheDocument())
  })

  it('gives a viewer the forbidden page for an admin URL', async () => {
    const token = await backend.as('viewer@example.com')
    renderApp({ route: '/admin/users', token })
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument()
  })

  it('shows the not-found page for an unknown address', async () => {
    const token = await backend.as('viewer@example.com')
    renderApp({ route: '/no/such/page', token })
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
  })
})

describe('the system admin entry', () => {
  it('opens the first admin page a system viewer may open, not one they may not', async () => {
    const token = await backend.as('sysviewer@example.com')
    const { router } = renderApp({ route: '/admin', token })
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/admin'))
    expect(router.state.location.pathname).not.toBe('/admin/users')
    expect(screen.queryByRole('heading', { name: "You don't have access" })).not.toBeInTheDocument()
  })

  it('opens the users page for a system admin', async () => {
    const token = await backend.as('admin@example.com')
    const { router } = renderApp({ route: '/admin', token })
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/users'))
  })
})
