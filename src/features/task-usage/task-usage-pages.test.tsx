import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { formatInteger } from '@/lib/format'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()
const ETL = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/task-usage`
const DP = `/workspaces/${SEED_IDS.dataPlatform}/task-usage`

async function openAs(email: string, route: string, heading: string | RegExp) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 })
  return { user, ...view }
}

/** The numbers of the table, and its total row. */
function tableNumbers(name: RegExp) {
  const table = screen.getByRole('table', { name })
  const rows = within(table).getAllByRole('row').slice(1)
  const numbers = rows.map((r) => Number((r.lastElementChild?.textContent ?? '').replace(/,/g, '')))
  return { values: numbers.slice(0, -1), total: numbers.at(-1) ?? NaN }
}

describe('task usage', () => {
  let saved: Blob[] = []
  beforeEach(() => {
    saved = []
    // jsdom has no object URLs; the export's file is caught here.
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        saved.push(blob)
        return 'blob:test'
      }),
      revokeObjectURL: vi.fn(),
    })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  })
  afterEach(() => vi.restoreAllMocks())

  it('a viewer sees a deployment’s runs per day, over the range of the URL, and cannot export', async () => {
    const { user, router } = await openAs('viewer@example.com', ETL, 'Customer ETL: task usage')
    const { values, total } = tableNumbers(/Task runs per day in Customer ETL/)
    expect(values).toHaveLength(90)
    expect(total).toBe(values.reduce((a, b) => a + b, 0))
    expect(screen.getByText(/^Total:/)).toHaveTextContent(`Total: ${formatInteger(total)} task runs`)
    expect(await screen.findByRole('img', { name: /Task runs per day in Customer ETL/ })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Time range'), '7')
    expect(router.state.location.search).toBe('?days=7')
    await waitFor(() => expect(tableNumbers(/Task runs per day/).values).toHaveLength(7))
    expect(tableNumbers(/Task runs per day/).values).toEqual(values.slice(-7))
  })

  it('a system admin exports what is shown: the same rows and the same total', async () => {
    const { user } = await openAs('admin@example.com', DP, 'Data Platform: task usage')
    const { values, total } = tableNumbers(/Task runs per deployment in Data Platform/)
    expect(values).toHaveLength(6)
    await user.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(saved).toHaveLength(1)
    const lines = (await (saved[0] as Blob).text()).trim().split('\r\n')
    expect(lines[0]).toBe('Deployment,Release name,Task runs')
    expect(lines).toHaveLength(8)
    expect(lines.slice(1, -1).map((l) => Number(l.split(',').at(-1)))).toEqual(values)
    expect(lines.at(-1)).toBe(`Total,,${total}`)
    expect(await screen.findByText(`Exported 6 rows: ${formatInteger(total)} task runs`)).toBeInTheDocument()
    // Each deployment leads to its own usage, keeping the range.
    expect(screen.getByRole('link', { name: 'Customer ETL' })).toHaveAttribute('href', `${ETL}?days=90`)
  })

  it('the platform, per workspace, for system viewers too', async () => {
    await openAs('sysviewer@example.com', '/admin/task-usage', 'Platform task usage')
    const { values, total } = tableNumbers(/Task runs per workspace in the platform/)
    expect(values).toHaveLength(4)
    expect(total).toBe(values.reduce((a, b) => a + b, 0))
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()
  })

  it('says what failed, and keeps what is shown when a refresh fails', async () => {
    backend.server.use(graphql.query('DeploymentTaskUsage', () => HttpResponse.json({ errors: [{ message: 'Usage is being recounted.', extensions: { code: 'CONFLICT' } }] }), { once: true }))
    const { user, apollo } = await openAs('viewer@example.com', ETL, /task usage$/)
    expect(await screen.findByText('Usage is being recounted.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.getByRole('table', { name: /Task runs per day/ })).toBeInTheDocument())
    backend.server.use(graphql.query('DeploymentTaskUsage', () => HttpResponse.json({ errors: [{ message: 'Usage is being recounted.', extensions: { code: 'CONFLICT' } }] })))
    await apollo.refetchQueries({ include: ['DeploymentTaskUsage'] }).catch(() => undefined)
    expect(await screen.findByText('Task usage could not be refreshed')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: /Task runs per day/ })).toBeInTheDocument()
  })
})
