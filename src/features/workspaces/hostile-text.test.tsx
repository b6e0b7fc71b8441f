// The hostile seed (mocks/houston/seed-hostile.ts) on the workspace screens:
// markup shows as text, and a name cut short keeps its whole text in a title.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../mocks/hostile'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ seed: 'hostile' })
const LONG_LABEL = HOSTILE.unbroken.slice(0, 100)

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelectorAll('script, img, [onerror], [onload]')).toHaveLength(0)
}

describe('workspace screens with hostile data', () => {
  it('list workspaces by names made of markup, a long description clamped with its text in a title', async () => {
    const { container } = renderApp({ route: '/workspaces', token: await backend.as('admin@example.com') })
    const list = await screen.findByRole('main')
    expect(await within(list).findByRole('link', { name: HOSTILE.imgOnerror })).toBeInTheDocument()
    expect(within(list).getByRole('link', { name: LONG_LABEL })).toBeInTheDocument()
    expect(within(list).getByTitle(HOSTILE.unbroken.slice(0, 1000))).toHaveTextContent(HOSTILE.unbroken.slice(0, 1000))
    expectNoMarkupFrom(container)
  })

  it('cut long deployment names short in the table and the AU breakdown, whole in a title', async () => {
    const { container } = renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}`, token: await backend.as('admin@example.com') })
    expect(await screen.findByRole('heading', { level: 1, name: HOSTILE.imgOnerror })).toBeInTheDocument()
    const deployments = await screen.findByRole('table', { name: /^Deployments of / })
    expect(within(deployments).getByRole('link', { name: LONG_LABEL })).toHaveAttribute('title', LONG_LABEL)
    expect(within(deployments).getByRole('link', { name: HOSTILE.script })).toHaveAttribute('title', HOSTILE.script)
    const breakdown = await screen.findByRole('table', { name: /^AU by deployment and component/ })
    expect(within(breakdown).getByTitle(LONG_LABEL)).toHaveTextContent(LONG_LABEL)
    expectNoMarkupFrom(container)
  })
})
