// The system admin lists on the 'large' seed: 10,000 more users and 1,000
// more deployments. Both stay paged, so the page holds one page of rows.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ seed: 'large' })
const SLOW = { timeout: 10_000 }
// Each test walks several pages of a 10,000-row backend: on a busy machine that outlasts the default limit.
const LONG_TEST_MS = 60_000

const rowsOf = (table: RegExp) => within(screen.getByRole('table', { name: table })).getAllByRole('rowheader')

describe('at scale', () => {
  it('pages through 10,045 users by cursor, with the page in the URL and Previous through history', async () => {
    const user = userEvent.setup()
    const { router } = renderApp({ route: '/admin/users', token: await backend.as('admin@example.com') })
    expect(await screen.findByText('Users 1–50', {}, SLOW)).toBeInTheDocument()
    expect(rowsOf(/^Users/)).toHaveLength(50)
    const firstOfPage1 = rowsOf(/^Users/)[0]?.textContent

    await user.click(screen.getByRole('button', { name: 'Next page' }))
    expect(await screen.findByText('Users 51–100', {}, SLOW)).toBeInTheDocument()
    expect(router.state.location.search).toMatch(/^\?after=[0-9a-f-]{36}$/)
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    expect(await screen.findByText('Users 101–150', {}, SLOW)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    expect(await screen.findByText('Users 51–100', {}, SLOW)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    expect(await screen.findByText('Users 1–50', {}, SLOW)).toBeInTheDocument()
    expect(router.state.location.search).toBe('')
    expect(rowsOf(/^Users/)[0]?.textContent).toBe(firstOfPage1)
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled()
  }, LONG_TEST_MS)

  it('finds one user among 10,000 by a search in the URL', async () => {
    renderApp({ route: '/admin/users?q=scale.user09999', token: await backend.as('admin@example.com') })
    await waitFor(() => expect(rowsOf(/^Users/)).toHaveLength(1), SLOW)
    expect(rowsOf(/^Users/)[0]).toHaveTextContent('scale.user09999@scale.example.com')
  }, LONG_TEST_MS)

  it('lists every deployment of the platform, 50 a page, searchable, each linking to its page', async () => {
    const user = userEvent.setup()
    const { router } = renderApp({ route: '/admin/deployments?page=2', token: await backend.as('admin@example.com') })
    expect(await screen.findByText(/^51–100 of 1,014 · page 2 of 21$/, {}, SLOW)).toBeInTheDocument()
    expect(rowsOf(/^Deployments/)).toHaveLength(50)

    await user.type(screen.getByLabelText('Search'), 'customer etl')
    await waitFor(() => expect(rowsOf(/^Deployments/)).toHaveLength(1))
    expect(router.state.location.search).toBe('?q=customer+etl')
    await user.click(screen.getByRole('link', { name: 'Customer ETL' }))
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/workspaces\/[0-9a-f-]+\/deployments\/[0-9a-f-]+$/))
  }, LONG_TEST_MS)
})
