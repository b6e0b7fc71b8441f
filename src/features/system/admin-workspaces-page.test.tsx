import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()

async function openAs(email: string, route = '/admin/workspaces') {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  return { user, ...view }
}

const rowOf = (label: string) => screen.getByRole('row', { name: new RegExp(`^${label} `) })

describe('workspaces and quotas', () => {
  it('lists every workspace with its quota and use', async () => {
    await openAs('admin@example.com')
    await screen.findByRole('heading', { level: 1, name: 'Workspaces and quotas' })
    const marketing = rowOf('Marketing Analytics')
    expect(within(marketing).getByText('88 AU')).toBeInTheDocument()
    expect(within(marketing).getByText('100 AU')).toBeInTheDocument()
    expect(within(marketing).getByText('12 AU')).toBeInTheDocument()
    expect(within(marketing).getByRole('meter', { name: 'AU used in Marketing Analytics' })).toHaveAttribute('aria-valuetext', '88 of 100 AU used')
    expect(within(rowOf('Data Platform')).getByText('187 AU')).toBeInTheDocument()
  })

  it('sorts and searches from the URL', async () => {
    const { user, router } = await openAs('admin@example.com', '/admin/workspaces?sort=used&dir=desc')
    await screen.findByRole('heading', { level: 1, name: 'Workspaces and quotas' })
    const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent)
    expect(names()).toEqual(['ML Research', 'Data Platform', 'Marketing Analytics', 'Platform Sandbox'])
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'platform')
    expect(names()).toEqual(['Data Platform', 'Platform Sandbox'])
    expect(router.state.location.search).toContain('q=platform')
  })

  it('sets a quota, and puts the refusal of one below use on the field with the numbers', async () => {
    const { user } = await openAs('admin@example.com')
    await screen.findByRole('heading', { level: 1, name: 'Workspaces and quotas' })
    await user.click(screen.getByRole('button', { name: 'Set quota of Marketing Analytics' }))
    let dialog = await screen.findByRole('dialog', { name: 'Set the AU quota of Marketing Analytics' })
    const field = within(dialog).getByRole('spinbutton', { name: 'AU quota' })
    expect(field).toHaveValue(100)
    await user.clear(field)
    await user.type(field, '90')
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(within(rowOf('Marketing Analytics')).getByText('90 AU')).toBeInTheDocument()
    expect(within(rowOf('Marketing Analytics')).getByText('2 AU')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Set quota of Marketing Analytics' }))
    dialog = await screen.findByRole('dialog', { name: 'Set the AU quota of Marketing Analytics' })
    const again = within(dialog).getByRole('spinbutton', { name: 'AU quota' })
    await user.clear(again)
    await user.type(again, '50')
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    await waitFor(() =>
      expect(again).toHaveAccessibleDescription(
        expect.stringContaining('Workspace Marketing Analytics uses 88 AU now, so its quota cannot go below 88 AU (asked for 50 AU).'),
      ),
    )
    expect(again).toHaveAttribute('aria-invalid', 'true')
    expect(again).toHaveValue(50)
  })

  it('checks the typed quota before sending it', async () => {
    const { user } = await openAs('admin@example.com')
    await screen.findByRole('heading', { level: 1, name: 'Workspaces and quotas' })
    await user.click(screen.getByRole('button', { name: 'Set quota of Data Platform' }))
    const dialog = await screen.findByRole('dialog')
    const field = within(dialog).getByRole('spinbutton', { name: 'AU quota' })
    await user.clear(field)
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    expect(await within(dialog).findByText('Enter the quota as a whole number of AU.')).toBeInTheDocument()
  })

  it('is forbidden to anyone but a system admin', async () => {
    await openAs('sysedit@example.com')
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument()
  })
})
