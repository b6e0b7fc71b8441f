// The hostile seed (mocks/houston/seed-hostile.ts) on the system admin
// screens: names made of markup show as text, and a name cut short keeps its
// whole text in a title (and on the person's own page).
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../mocks/hostile'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ seed: 'hostile' })
const LONG_LABEL = HOSTILE.unbroken.slice(0, 100)

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelectorAll('script, img, [onerror], [onload]')).toHaveLength(0)
}

describe('system admin screens with hostile data', () => {
  it('list users by names made of markup, a 10,000-character name whole in a title', async () => {
    const { container } = renderApp({ route: '/admin/users', token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    expect(await within(table).findByRole('link', { name: HOSTILE.unbroken })).toHaveAttribute('title', HOSTILE.unbroken)
    expect(within(table).getByRole('link', { name: HOSTILE.imgOnerror })).toHaveAttribute('title', HOSTILE.imgOnerror)
    expectNoMarkupFrom(container)
  })

  it('list workspaces and deployments with long names whole in a title', async () => {
    const token = await backend.as('admin@example.com')
    const workspaces = renderApp({ route: '/admin/workspaces', token })
    const quotas = await screen.findByRole('table')
    expect(await within(quotas).findByRole('link', { name: LONG_LABEL })).toHaveAttribute('title', LONG_LABEL)
    expectNoMarkupFrom(workspaces.container)
    workspaces.unmount()

    const deployments = renderApp({ route: '/admin/deployments', token })
    const all = await screen.findByRole('table')
    // Finance Reporting, and Marketing Analytics as the workspace of its deployments.
    const long = await within(all).findAllByRole('link', { name: LONG_LABEL })
    expect(long.length).toBeGreaterThan(1)
    for (const link of long) expect(link).toHaveAttribute('title', LONG_LABEL)
    for (const link of within(all).getAllByRole('link', { name: HOSTILE.imgOnerror })) expect(link).toHaveAttribute('title', HOSTILE.imgOnerror)
    expectNoMarkupFrom(deployments.container)
  })
})
