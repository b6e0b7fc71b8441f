// The hostile seed (mocks/houston/seed-hostile.ts) on the deployment screens:
// markup shows as text, a javascript: URL from the server is no link, and a
// value cut short on screen keeps its whole text in a title.
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../mocks/hostile'
import { stableId } from '../../../mocks/houston/random'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { HOSTILE_SEED } from '../../../mocks/houston/seed-hostile'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { isolatedNames, wordsOutside } from '@/testing/text'

const backend = useTestBackend({ seed: 'hostile' })
const deployment = (id: string, tail = '') => `/workspaces/${SEED_IDS.dataPlatform}/deployments/${id}${tail}`
/** Event Ingestion, named HOSTILE.rtl: a right-to-left override it never closes. */
const EVENT_INGESTION = stableId('deployment:event-ingestion')

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelectorAll('script, img, [onerror], [onload]')).toHaveLength(0)
}

describe('deployment screens with hostile data', () => {
  it('show a label and description made of markup as text', async () => {
    const { container } = renderApp({ route: deployment(SEED_IDS.customerEtl), token: await backend.as('admin@example.com') })
    expect(await screen.findByRole('heading', { level: 1, name: HOSTILE.script })).toBeInTheDocument()
    expect(within(screen.getByRole('main')).getByText(HOSTILE.svgBreakout)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /Open Airflow UI/ })).toHaveAttribute('href', expect.stringMatching(/^https:\/\//))
    expectNoMarkupFrom(container)
  })

  it('make no link of a javascript: URL sent as the Airflow UI', async () => {
    const { container } = renderApp({ route: deployment(HOSTILE_SEED.airflowUrl.deploymentId), token: await backend.as('admin@example.com') })
    expect(await screen.findByRole('heading', { level: 1, name: HOSTILE.javascriptUrl })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /Open Airflow UI/ })).not.toBeInTheDocument()
    expect(container.querySelectorAll('a[href^="javascript:" i]')).toHaveLength(0)
  })

  it('keep whole deploy notes and authors in a title when the history cuts them short', async () => {
    const { container } = renderApp({ route: deployment(SEED_IDS.customerEtl, '/history'), token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    const longNote = HOSTILE.unbroken.slice(0, 1000)
    expect(await within(table).findByTitle(longNote)).toHaveTextContent(longNote)
    expect(within(table).getByTitle(HOSTILE.svgBreakout)).toHaveTextContent(HOSTILE.svgBreakout)
    expect(within(table).getByText(HOSTILE.imgOnerror)).toBeInTheDocument()
    expectNoMarkupFrom(container)
  })

  it('keep a right-to-left override the name never closes inside the name, in the heading and the delete dialog', async () => {
    const user = userEvent.setup()
    renderApp({ route: deployment(EVENT_INGESTION, '/settings'), token: await backend.as('admin@example.com') })
    const heading = await screen.findByRole('heading', { level: 1, name: `${HOSTILE.rtl}: settings` })
    expect(isolatedNames(heading)).toEqual([HOSTILE.rtl])
    expect(wordsOutside(heading)).toBe(': settings')

    await user.click(screen.getByRole('button', { name: 'Delete deployment…' }))
    const dialog = await screen.findByRole('dialog', { name: `Delete ${HOSTILE.rtl}?` })
    const title = within(dialog).getByRole('heading', { name: `Delete ${HOSTILE.rtl}?` })
    expect(isolatedNames(title)).toEqual([HOSTILE.rtl])
    expect(wordsOutside(title)).toBe('Delete ?')
  })
})
