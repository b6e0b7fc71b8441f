import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql } from 'msw'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()

async function openAs(email: string, route = '/admin/users') {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: 'Users' })
  await screen.findByRole('table', { name: /^Users/ })
  return { user, ...view }
}

const rowOf = (name: RegExp) => within(screen.getByRole('table', { name: /^Users/ })).getByRole('rowheader', { name }).closest('tr') as HTMLElement
/** Status and system roles of a row. */
const cellsOf = (name: RegExp) => {
  const [status, roles] = within(rowOf(name)).getAllByRole('cell')
  return { status: status?.textContent, roles: roles?.textContent }
}

describe('all users', () => {
  it('lists every user with status and system roles, searchable through the URL', async () => {
    const { user, router } = await openAs('admin@example.com')
    expect(cellsOf(/Simon Edwards/)).toEqual({ status: 'Active', roles: 'System editor' })
    expect(cellsOf(/Ivan Petrov/)).toEqual({ status: 'Deactivated', roles: 'None' })
    expect(cellsOf(/Peter Holm/)).toEqual({ status: 'Pending', roles: 'None' })
    expect(screen.getByText('Users 1–45 (the last)')).toBeInTheDocument()

    await user.type(screen.getByLabelText('Search'), 'sofia')
    await waitFor(() => expect(router.state.location.search).toBe('?q=sofia'))
    await waitFor(() => expect(within(screen.getByRole('table', { name: /^Users/ })).getAllByRole('rowheader')).toHaveLength(1))
    expect(cellsOf(/Sofia Varga/).roles).toBe('System viewer')
  })

  it('asks the server once per keystroke, never twice for one search, while earlier answers are still on their way', async () => {
    const { user, router } = await openAs('admin@example.com')
    const held = backend.hold('AdminUsers')
    const phrases: (string | null)[] = []
    // Added last, so it sees each request first, before the hold.
    backend.server.use(
      graphql.query('AdminUsers', ({ variables }) => {
        phrases.push((variables.user as { searchPhrase?: string } | null)?.searchPhrase ?? null)
        return undefined
      }),
    )
    await user.type(screen.getByLabelText('Search'), 'sofia')
    expect(phrases).toEqual(['s', 'so', 'sof', 'sofi', 'sofia'])
    // The URL names the search on screen: still the whole list until an answer is in.
    expect(router.state.location.search).toBe('')
    expect(screen.getByRole('table', { name: 'Users' })).toBeInTheDocument()
    held.release()
    await waitFor(() => expect(within(screen.getByRole('table', { name: /^Users/ })).getAllByRole('rowheader')).toHaveLength(1))
    expect(screen.getByRole('table', { name: 'Users matching sofia' })).toBeInTheDocument()
    await waitFor(() => expect(router.state.location.search).toBe('?q=sofia'))
    expect(phrases).toEqual(['s', 'so', 'sof', 'sofi', 'sofia'])
  })

  it('writes each search into the URL, and follows one opened from elsewhere', async () => {
    const { user, router } = await openAs('admin@example.com')
    const field = screen.getByLabelText('Search')
    await user.type(field, 'sof')
    await waitFor(() => expect(router.state.location.search).toBe('?q=sof'))
    await user.type(field, 'ia')
    expect(field).toHaveValue('sofia')
    await waitFor(() => expect(router.state.location.search).toBe('?q=sofia'))

    act(() => router.navigate('/admin/users?q=ivan'))
    await waitFor(() => expect(field).toHaveValue('ivan'))
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Users matching ivan' })).getAllByRole('rowheader')).toHaveLength(1))
    expect(rowOf(/Ivan Petrov/)).toBeInTheDocument()
  })

  it('opens a search from the URL, and says when nothing matches', async () => {
    renderApp({ route: '/admin/users?q=nobody-by-this-name', token: await backend.as('admin@example.com') })
    expect(await screen.findByText('No user matches “nobody-by-this-name”')).toBeInTheDocument()
    expect(screen.getByLabelText('Search')).toHaveValue('nobody-by-this-name')
  })

  it('grants and revokes a system role', async () => {
    const { user } = await openAs('admin@example.com')
    await user.click(screen.getByRole('button', { name: 'System roles of Nico Brandt' }))
    const dialog = await screen.findByRole('dialog', { name: 'System roles of Nico Brandt' })
    await user.click(within(dialog).getByRole('button', { name: 'Grant system viewer' }))
    expect(await within(dialog).findByRole('button', { name: 'Revoke system viewer' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(cellsOf(/Nico Brandt/).roles).toBe('System viewer')

    await user.click(screen.getByRole('button', { name: 'System roles of Nico Brandt' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke system viewer' }))
    const dialog2 = await screen.findByRole('dialog')
    await within(dialog2).findByRole('button', { name: 'Grant system viewer' })
    await user.click(within(dialog2).getByRole('button', { name: 'Close' }))
    expect(cellsOf(/Nico Brandt/).roles).toBe('None')
  })

  it('brings a searched row up to date after a change, though a search’s answers are not kept in the cache', async () => {
    const { user } = await openAs('admin@example.com', '/admin/users?q=nico')
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Users matching nico' })).getAllByRole('rowheader')).toHaveLength(1))
    await user.click(screen.getByRole('button', { name: 'System roles of Nico Brandt' }))
    const dialog = await screen.findByRole('dialog', { name: 'System roles of Nico Brandt' })
    await user.click(within(dialog).getByRole('button', { name: 'Grant system viewer' }))
    // The dialog shows the change at once, from the server's answer.
    expect(await within(dialog).findByRole('button', { name: 'Revoke system viewer' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(cellsOf(/Nico Brandt/).roles).toBe('System viewer'))

    await user.click(screen.getByRole('button', { name: 'Deactivate Nico Brandt' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Deactivate user' }))
    await waitFor(() => expect(cellsOf(/Nico Brandt/).status).toBe('Deactivated'))
  })

  it('shows the server’s refusal to remove the last system admin', async () => {
    const { user } = await openAs('admin@example.com')
    await user.click(screen.getByRole('button', { name: 'System roles of Jordan Blake' }))
    let dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke system admin' }))
    await within(dialog).findByRole('button', { name: 'Grant system admin' })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))

    await user.click(screen.getByRole('button', { name: 'System roles of Alex Rivera' }))
    dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/revoking system admin takes this page away from you/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Revoke system admin' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('is the last system admin')
  })

  it('deactivates and reactivates a user after confirming, never yourself', async () => {
    const { user } = await openAs('admin@example.com')
    expect(within(rowOf(/Alex Rivera/)).queryByRole('button', { name: /Deactivate/ })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Deactivate Erin Chen' }))
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Erin Chen?' })
    expect(dialog).toHaveTextContent('cannot sign in until reactivated')
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate user' }))
    await waitFor(() => expect(cellsOf(/Erin Chen/).status).toBe('Deactivated'))
    await expect(backend.as('editor@example.com')).rejects.toThrow(/deactivated/)

    await user.click(screen.getByRole('button', { name: 'Reactivate Erin Chen' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reactivate user' }))
    await waitFor(() => expect(cellsOf(/Erin Chen/).status).toBe('Active'))
    await expect(backend.as('editor@example.com')).resolves.toBeTruthy()
  })

  it.each(['viewer@example.com', 'sysedit@example.com', 'wsadmin@example.com'])('is forbidden to %s', async (email) => {
    renderApp({ route: '/admin/users', token: await backend.as(email) })
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })
})
