// The hostile seed (mocks/houston/seed-hostile.ts) on the team screens: team
// and member names made of markup show as text, and a name cut short keeps
// its whole text in a title.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { HOSTILE } from '../../../mocks/hostile'
import { stableId } from '../../../mocks/houston/random'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ seed: 'hostile' })
const LONG_NAME = HOSTILE.unbroken.slice(0, 100)

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelectorAll('script, img, [onerror], [onload]')).toHaveLength(0)
}

describe('team screens with hostile data', () => {
  it("list a workspace's teams, long names and member lists whole in a title", async () => {
    const { container } = renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}/teams`, token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    // The Finance Analysts team, and the deployment it has a role on.
    const long = await within(table).findAllByRole('link', { name: LONG_NAME })
    expect(long).toHaveLength(2)
    for (const link of long) expect(link).toHaveAttribute('title', LONG_NAME)
    expect(within(table).getByRole('link', { name: HOSTILE.imgOnerror })).toHaveAttribute('title', HOSTILE.imgOnerror)
    // Data Engineering's members: Marcus's 10,000-character name among them.
    expect(within(table).getByTitle((title) => title.split(', ').includes(HOSTILE.unbroken))).toBeInTheDocument()
    expectNoMarkupFrom(container)
  })

  it('list all teams with long names whole in a title', async () => {
    const { container } = renderApp({ route: '/admin/teams', token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    expect(await within(table).findByRole('link', { name: LONG_NAME })).toHaveAttribute('title', LONG_NAME)
    expectNoMarkupFrom(container)
  })

  it("show a team's members and roles with long names whole in a title", async () => {
    const { container } = renderApp({ route: `/admin/teams/${stableId('team:data-engineering')}`, token: await backend.as('admin@example.com') })
    expect(await screen.findByRole('heading', { level: 1, name: `Team ${HOSTILE.imgOnerror}` })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: HOSTILE.unbroken })).toHaveAttribute('title', HOSTILE.unbroken)
    // Liam, a member, and Event Ingestion, a deployment the team has a role on, share a name.
    expect(screen.getAllByRole('link', { name: HOSTILE.rtl })).toHaveLength(2)
    expectNoMarkupFrom(container)
  })

  it("list a deployment's teams with names made of markup", async () => {
    const { container } = renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/teams`, token: await backend.as('admin@example.com') })
    const table = await screen.findByRole('table')
    expect(await within(table).findByRole('link', { name: HOSTILE.imgOnerror })).toHaveAttribute('title', HOSTILE.imgOnerror)
    expectNoMarkupFrom(container)
  })
})
