// The hostile seed (mocks/houston/seed-hostile.ts) on the people screens:
// names and emails made of markup show as text, and a name cut short keeps
// its whole text in a title.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { HOSTILE, HOSTILE_EMAILS } from '../../../mocks/hostile'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ seed: 'hostile' })
const WS = `/workspaces/${SEED_IDS.dataPlatform}`

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelectorAll('script, img, [onerror], [onload]')).toHaveLength(0)
}

describe('people screens with hostile data', () => {
  it('list members by names and emails made of markup, a 10,000-character name whole in a title', async () => {
    const { container } = renderApp({ route: `${WS}/users`, token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    expect(await within(table).findByTitle(HOSTILE.unbroken)).toHaveTextContent(HOSTILE.unbroken)
    // Priya's name, and the username of the account known only by its address.
    for (const name of within(table).getAllByTitle(HOSTILE.script)) expect(name).toHaveTextContent(HOSTILE.script)
    expect(within(table).getByText(HOSTILE_EMAILS.imgOnerror)).toBeInTheDocument()
    expect(within(table).getByText(HOSTILE_EMAILS.svgBreakout)).toBeInTheDocument()
    expectNoMarkupFrom(container)
  })

  it('list service accounts with long names and categories whole in a title', async () => {
    const { container } = renderApp({ route: `${WS}/service-accounts`, token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    const longLabel = HOSTILE.unbroken.slice(0, 100)
    expect(await within(table).findByTitle(longLabel)).toHaveTextContent(longLabel)
    expect(within(table).getByTitle(HOSTILE.rtl)).toHaveTextContent(HOSTILE.rtl)
    expect(within(table).getByTitle(HOSTILE.script)).toHaveTextContent(HOSTILE.script)
    expectNoMarkupFrom(container)
  })

  it("list a deployment's people with long names whole in a title", async () => {
    const { container } = renderApp({ route: `${WS}/deployments/${SEED_IDS.customerEtl}/access`, token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    expect(await within(table).findByTitle(HOSTILE.unbroken)).toHaveTextContent(HOSTILE.unbroken)
    expectNoMarkupFrom(container)
  })
})
