// The hostile seed (mocks/houston/seed-hostile.ts) on the system admin
// screens: names made of markup show as text, and a name cut short keeps its
// whole text in a title (and on the person's own page).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../mocks/hostile'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { isolatedNames, sentence, wordsOutside } from '@/testing/text'

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

  it('keep a right-to-left override a workspace name never closes inside the name, in the quota dialog and its toast', async () => {
    const user = userEvent.setup()
    renderApp({ route: '/admin/workspaces', token: await backend.as('admin@example.com') })
    await user.click(await screen.findByRole('button', { name: `Set quota of ${HOSTILE.rtl}` }))
    const dialog = await screen.findByRole('dialog', { name: `Set the AU quota of ${HOSTILE.rtl}` })
    const title = within(dialog).getByRole('heading', { name: `Set the AU quota of ${HOSTILE.rtl}` })
    expect(isolatedNames(title)).toEqual([HOSTILE.rtl])
    expect(wordsOutside(title)).toBe('Set the AU quota of ')

    const field = within(dialog).getByRole('spinbutton', { name: 'AU quota' })
    await user.clear(field)
    await user.type(field, '310')
    await user.click(within(dialog).getByRole('button', { name: 'Set quota' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const toast = await screen.findByText(sentence(`${HOSTILE.rtl}: quota set to 310 AU`))
    expect(isolatedNames(toast)).toEqual([HOSTILE.rtl, '310'])
    expect(wordsOutside(toast)).toBe(': quota set to  AU')
  })
})
