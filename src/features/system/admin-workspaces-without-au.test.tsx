// /admin/workspaces on a platform with AU turned off: quotas are counted, shown
// and set in CPU and memory (the API still stores them in AU).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ auEnabled: false })

async function openAsAdmin() {
  const user = userEvent.setup()
  renderApp({ route: '/admin/workspaces', token: await backend.as('admin@example.com') })
  await screen.findByRole('heading', { level: 1, name: 'Workspaces and quotas' })
  return user
}

const rowOf = (label: string) => screen.getByRole('row', { name: new RegExp(`^${label} `) })

describe('workspaces and quotas without AU', () => {
  it('shows each quota and its use in CPU and memory, never in AU', async () => {
    await openAsAdmin()
    const marketing = rowOf('Marketing Analytics')
    // 100 AU of quota: 100 × 100 millicpu and 100 × 384 MiB.
    expect(within(marketing).getAllByRole('cell')[2]).toHaveTextContent('10 CPU37.5 GiB')
    expect(within(marketing).getByRole('meter', { name: 'CPU and memory used in Marketing Analytics' })).toHaveAttribute(
      'aria-valuetext',
      expect.stringMatching(/^[\d.]+ CPU of 10 CPU and [\d.]+ (GiB|MiB) of 37.5 GiB used$/),
    )
    expect(screen.getByRole('columnheader', { name: 'Used' })).toBeInTheDocument()
    expect(screen.queryByText(/\bAU\b/)).not.toBeInTheDocument()
  })

  it('sets a quota in CPU cores, showing the memory that comes with it, and refuses steps off the grain', async () => {
    const user = await openAsAdmin()
    await user.click(screen.getByRole('button', { name: 'Set quota of Marketing Analytics' }))
    const dialog = await screen.findByRole('dialog', { name: 'Set the CPU and memory quota of Marketing Analytics' })
    const field = within(dialog).getByRole('textbox', { name: 'CPU quota (cores)' })
    expect(field).toHaveValue('10')

    await user.clear(field)
    await user.type(field, '12.55')
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    expect(await within(dialog).findByText('Enter the quota in CPU cores, in steps of 0.1 (e.g. 2.5).')).toBeInTheDocument()

    await user.clear(field)
    await user.type(field, '12.5')
    expect(within(dialog).getByText('With 46.88 GiB of memory.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(within(rowOf('Marketing Analytics')).getAllByRole('cell')[2]).toHaveTextContent('12.5 CPU46.88 GiB')
  })

  it('puts the refusal of a quota below the CPU and memory in use on the field, keeping what was typed', async () => {
    const user = await openAsAdmin()
    await user.click(screen.getByRole('button', { name: 'Set quota of Marketing Analytics' }))
    const dialog = await screen.findByRole('dialog', { name: 'Set the CPU and memory quota of Marketing Analytics' })
    const field = within(dialog).getByRole('textbox', { name: 'CPU quota (cores)' })
    await user.clear(field)
    await user.type(field, '0.5')
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringMatching(/uses [\d.]+ CPU and [\d.]+ (GiB|MiB) now.*asked for 0.5 CPU and 1.88 GiB/)))
    expect(field).toHaveValue('0.5')
  })
})
