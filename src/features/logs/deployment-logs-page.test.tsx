import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { SEED_IDS } from '../../../mocks/houston/seed'

const backend = useTestBackend()

// jsdom lays nothing out: give the scrolling list a height and each row a line's, so the virtualiser renders rows.
beforeAll(() => {
  const size = (el: HTMLElement) => (el.getAttribute('role') === 'region' ? 600 : el.getAttribute('role') === 'listitem' ? 29 : 0)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return size(this)
  })
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(() => 1000)
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.getAttribute('role') === 'region' ? 600 : 0
  })
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(() => 1000)
})

const base = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/logs`

const rows = () => within(screen.getByRole('list', { name: 'Log records' })).getAllByRole('listitem')

describe('the logs screen', () => {
  it('shows a viewer the scheduler records of the last five minutes, searchable over every loaded record', async () => {
    const user = userEvent.setup()
    const { router } = renderApp({ route: `${base}?component=scheduler&range=5m`, token: await backend.as('viewer@example.com') })
    await screen.findByRole('heading', { name: 'Customer ETL: logs', level: 1 })
    await waitFor(() => expect(rows().length).toBeGreaterThan(5))
    // The newest half minute comes first; the search below counts matches over the whole window.
    await waitFor(() => expect(screen.queryByText(/loading older records/)).not.toBeInTheDocument())
    expect(screen.getByLabelText('Component')).toHaveValue('scheduler')
    for (const row of rows()) expect(row).toHaveTextContent('Scheduler')
    // Components follow the deployment: Celery on Airflow 2.10 runs workers and a triggerer.
    expect(within(screen.getByLabelText('Component')).getAllByRole('option').map((o) => o.textContent)).toEqual(['All components', 'Scheduler', 'Webserver', 'Workers', 'Triggerer'])

    await user.click(screen.getByLabelText('Search the loaded records'))
    await user.paste('tasks up for')
    await waitFor(() => expect(screen.getByText(/\d+ matching records?$/)).toBeInTheDocument())
    expect(router.state.location.search).toContain('q=tasks+up+for')
    await user.click(screen.getByRole('button', { name: 'Next match' }))
    // The list follows the newest: "next" starts from the rows in sight, then steps on through the matches.
    const position = () => {
      const [, k, n] = /^([\d,]+) of ([\d,]+) matching record/.exec(screen.getByText(/ of [\d,]+ matching record/).textContent) ?? []
      return { k: Number(k?.replace(/,/g, '')), n: Number(n?.replace(/,/g, '')) }
    }
    const first = position()
    expect(first.k).toBeGreaterThanOrEqual(1)
    await user.click(screen.getByRole('button', { name: 'Next match' }))
    expect(position().k).toBe(first.k === first.n ? 1 : first.k + 1)
    await user.click(screen.getByRole('button', { name: 'Previous match' }))
    expect(position().k).toBe(first.k)
    // The rows on screen draw their marks once the list has scrolled to the match, which under load is a frame later.
    await waitFor(() => expect(document.querySelectorAll('mark').length).toBeGreaterThan(0))

    await user.click(screen.getByLabelText('Only matching records'))
    await waitFor(() => for_each_row_contains('tasks up for'))
    expect(screen.getByRole('button', { name: 'Download shown' })).toBeEnabled()
  })

  it('opens a permalink on its record, highlighted, in a fixed window', async () => {
    const token = await backend.as('viewer@example.com')
    const first = renderApp({ route: `${base}?component=scheduler&range=5m`, token })
    await waitFor(() => expect(rows().length).toBeGreaterThan(3))
    const link = within(rows()[2] as HTMLElement).getByRole('link', { name: /Link to the record/ })
    const href = link.getAttribute('href') ?? ''
    expect(href).toMatch(/range=custom&from=.+&to=.+&line=/)
    const time = within(rows()[2] as HTMLElement).getByRole('time').textContent
    first.unmount()

    renderApp({ route: href, token })
    const note = await screen.findByText(/Selected record:/)
    expect(note).toHaveTextContent(time ?? 'missing')
    expect(screen.getByText('Fixed range: live tail is off.')).toBeInTheDocument()
  })

  it('keeps taking new records by polling when no WebSocket endpoint is configured', async () => {
    renderApp({ route: `${base}?range=5m`, token: await backend.as('viewer@example.com') })
    const loaded = async () => Number((await screen.findByText(/shown of [\d,]+ loaded/)).textContent.match(/of ([\d,]+) loaded/)?.[1]?.replace(/,/g, ''))
    const before = await loaded()
    await waitFor(async () => expect(await loaded()).toBeGreaterThan(before))
    expect(screen.getByText('Live')).toBeInTheDocument()
  })

  it('says what failed when the records cannot be loaded, and retries', async () => {
    const user = userEvent.setup()
    let fail = true
    backend.server.use(
      graphql.query('DeploymentLogs', () => (fail ? HttpResponse.json({ errors: [{ message: 'Elasticsearch timed out.', extensions: { code: 'UNKNOWN' } }] }) : undefined)),
    )
    renderApp({ route: `${base}?range=5m`, token: await backend.as('viewer@example.com') })
    expect(await screen.findByText('The log records could not be loaded')).toBeInTheDocument()
    expect(screen.getByText('Elasticsearch timed out.')).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(rows().length).toBeGreaterThan(0))
  })

  it('opens a live hour on its newest records, then brings in the older ones above them', async () => {
    const calls: { timestamp: string | null; until: string | null }[] = []
    backend.server.use(
      graphql.query<never, { timestamp: string | null; until: string | null }>('DeploymentLogs', ({ variables }) => {
        calls.push({ timestamp: variables.timestamp, until: variables.until })
      }),
    )
    const opened = Date.now()
    renderApp({ route: `${base}?range=1h`, token: await backend.as('viewer@example.com') })
    await screen.findByText(/ · oldest /)
    await waitFor(() => expect(screen.queryByText(/loading older records/)).not.toBeInTheDocument())
    // First the newest half minute, open-ended; then the rest of the hour, up to the oldest record already
    // shown. (The live tail polls, open-ended, in between.)
    const head = calls[0]
    const older = calls.find((c) => c.until !== null)
    expect(calls.filter((c) => c.until !== null)).toHaveLength(1)
    expect(Date.parse(head?.timestamp ?? '') - opened).toBeGreaterThanOrEqual(-30_000 - 1000)
    expect(head?.until).toBeNull()
    expect(Date.parse(older?.timestamp ?? '') - opened).toBeLessThanOrEqual(-3_600_000 + 1000)
    // The mock has a record every 200 ms per component: the oldest shown is within a second of the half minute's start.
    const overlap = Date.parse(older?.until ?? '') - Date.parse(head?.timestamp ?? '')
    expect(overlap).toBeGreaterThan(0)
    expect(overlap).toBeLessThan(1000)
    // The mock keeps five records a second per component: the hour's newest 10,000 reach far further back than half a minute.
    const footer = screen.getByText(/shown of [\d,]+ loaded/).textContent
    expect(Number(footer.match(/of ([\d,]+) loaded/)?.[1]?.replace(/,/g, ''))).toBeGreaterThan(5000)
  })

  it('loads the rest first when the newest half minute holds too little to show, and tails from the newest record seen', async () => {
    // As when this browser's clock runs ahead of the server's: the first stretch asked for comes back empty.
    const calls: { timestamp: string | null; until: string | null }[] = []
    backend.server.use(
      graphql.query<never, { timestamp: string | null; until: string | null }>('DeploymentLogs', ({ variables }) => {
        calls.push({ timestamp: variables.timestamp, until: variables.until })
        return calls.length === 1 ? HttpResponse.json({ data: { logs: [] } }) : undefined
      }),
    )
    renderApp({ route: `${base}?range=1h`, token: await backend.as('viewer@example.com') })
    await waitFor(() => expect(rows().length).toBeGreaterThan(5))
    expect(screen.queryByText(/loading older records/)).not.toBeInTheDocument()
    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(3))
    const [head, older, poll] = calls
    expect(older?.until).toBe(head?.timestamp)
    // The tail continues from the newest record the rest of the window brought, not from the empty stretch's start.
    expect(poll?.until).toBeNull()
    expect(Date.parse(poll?.timestamp ?? '')).toBeLessThan(Date.parse(head?.timestamp ?? ''))
    expect(Date.parse(poll?.timestamp ?? '')).toBeGreaterThan(Date.parse(older?.timestamp ?? ''))
  })

  it('keeps the newest records on screen when the older ones fail, and loads them on request', async () => {
    const user = userEvent.setup()
    let fail = true
    backend.server.use(
      graphql.query<never, { until: string | null }>('DeploymentLogs', ({ variables }) =>
        fail && variables.until ? HttpResponse.json({ errors: [{ message: 'Elasticsearch timed out.', extensions: { code: 'UNKNOWN' } }] }) : undefined,
      ),
    )
    renderApp({ route: `${base}?range=1h`, token: await backend.as('viewer@example.com') })
    const alert = await screen.findByText(/Older records of this time range could not be loaded/)
    expect(alert).toHaveTextContent('Elasticsearch timed out.')
    expect(rows().length).toBeGreaterThan(5)
    const loaded = () => Number(screen.getByText(/shown of [\d,]+ loaded/).textContent.match(/of ([\d,]+) loaded/)?.[1]?.replace(/,/g, ''))
    const before = loaded()
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByText(/Older records of this time range could not be loaded/)).not.toBeInTheDocument())
    await waitFor(() => expect(loaded()).toBeGreaterThan(before + 1000))
  })

  it('offers no empty download: copy and download are disabled with a reason when nothing is shown', async () => {
    backend.server.use(graphql.query('DeploymentLogs', () => HttpResponse.json({ data: { logs: [] } })))
    renderApp({ route: `${base}?range=custom&from=2024-05-01T10:00:00.000Z&to=2024-05-01T11:00:00.000Z`, token: await backend.as('viewer@example.com') })
    expect(await screen.findByText('No log records in this time range')).toBeInTheDocument()
    const download = screen.getByRole('button', { name: 'Download shown' })
    expect(download).toBeDisabled()
    expect(download).toHaveAccessibleDescription(/Copy and download need at least one shown record/)
  })
})

function for_each_row_contains(text: string) {
  for (const row of rows()) expect(row.textContent.toLowerCase()).toContain(text)
}
