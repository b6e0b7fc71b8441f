import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { SEED_IDS } from '../../../mocks/houston/seed'

const backend = useTestBackend()

describe('the AU breakdown on the workspace overview', () => {
  it('shows a viewer every deployment’s AU, adding up to the quota bar', async () => {
    const user = userEvent.setup()
    renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}`, token: await backend.as('viewer@example.com') })
    const section = await screen.findByRole('region', { name: 'AU by deployment' }, { timeout: 8000 })
    const chart = await within(section).findByRole('img', { name: /^AU by deployment in Data Platform, 187 of 250 AU used: Event Ingestion 53 AU, Customer ETL 48 AU/ })
    // The key names the drawn series in stacking order, in the platform's words.
    expect(within(chart).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Scheduler', 'Webserver', 'StatsD', 'PgBouncer', 'Workers', 'Flower', 'Redis', 'Extra capacity'])
    await user.click(within(section).getByText('Show the breakdown as a table'))
    const table = within(section).getByRole('table', { name: 'AU by deployment and component in Data Platform' })
    const totals = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0]?.textContent)
    // Event Ingestion 53, Customer ETL 48, Finance Reporting 34, Warehouse Sync 24 (deploying, at its new size), Data Quality 14, Legacy Reports 14
    expect(totals).toEqual(['53 AU', '48 AU', '34 AU', '24 AU', '14 AU', '14 AU'])
    expect(within(table).getByRole('row', { name: /^Customer ETL 48 AU Scheduler 5 · Webserver 5 · StatsD 2 · PgBouncer 2 · Workers 30 · Flower 2 · Redis 2$/ })).toBeInTheDocument()
    expect(screen.getByRole('meter', { name: 'AU quota used' })).toHaveAttribute('aria-valuenow', '187')
  })

  it('says so when the breakdown cannot be loaded, without hiding the rest of the page', async () => {
    backend.server.use(graphql.query('WorkspaceQuotaBreakdown', () => HttpResponse.json({ errors: [{ message: 'Prometheus is down.', extensions: { code: 'UNKNOWN' } }] })))
    renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}`, token: await backend.as('viewer@example.com') })
    expect(await screen.findByText('The AU breakdown could not be loaded', {}, { timeout: 8000 })).toBeInTheDocument()
    expect(screen.getByRole('meter', { name: 'AU quota used' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: /^Deployments/ })).toBeInTheDocument()
  })

  it('has an empty state for a workspace without deployments', async () => {
    renderApp({ route: `/workspaces/${SEED_IDS.sandbox}`, token: await backend.as('admin@example.com') })
    expect(await screen.findByText('No deployment uses AU yet', {}, { timeout: 8000 })).toBeInTheDocument()
  })
})
