import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp, TEST_ORIGIN } from '@/testing/render-app'
import { SEED_IDS } from '../../../mocks/houston/seed'

const backend = useTestBackend()
const base = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/metrics`

async function releaseName(): Promise<string> {
  const header = await screen.findByRole('heading', { name: 'Customer ETL: metrics', level: 1 })
  const code = header.parentElement?.querySelector('code')?.textContent
  if (!code) throw new Error('no release name shown')
  return code
}

describe('the metrics screen', () => {
  it("shows the panels Prometheus answers for the deployment's release, and switches range in the URL", async () => {
    const user = userEvent.setup()
    const { router } = renderApp({ route: `${base}?panels=scheduler`, token: await backend.as('viewer@example.com') })
    const release = await releaseName()
    const panel = await screen.findByRole('region', { name: 'DAG bag size' })
    // The value Prometheus holds for this release now.
    const answer = (await (await fetch(`${TEST_ORIGIN}/api/v1/query?query=${encodeURIComponent(`max(airflow_dagbag_size{release="${release}"})`)}`)).json()) as {
      data: { result: { value: [number, string] }[] }
    }
    const dags = answer.data.result[0]?.value[1]
    await waitFor(() => expect(within(panel).getByText('DAGs').nextSibling).toHaveTextContent(String(dags)))
    expect(screen.queryByRole('heading', { name: 'Usage' })).not.toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Time range'), 'Last 7 days')
    expect(router.state.location.search).toContain('range=7d')
    expect(screen.getByText(/One point every 60 min/)).toBeInTheDocument()
    await user.click(screen.getByLabelText('Usage'))
    expect(router.state.location.search).toContain('panels=scheduler%2Cusage')
    expect(await screen.findByRole('region', { name: 'Memory usage' })).toBeInTheDocument()
  })

  it("shows Prometheus's error text in the panel, and no data plainly", async () => {
    backend.server.use(
      http.get('*/api/v1/query_range', ({ request }) => {
        const query = new URL(request.url).searchParams.get('query') ?? ''
        if (query.includes('airflow_dagbag_size')) return HttpResponse.json({ status: 'error', errorType: 'bad_data', error: '1:1: parse error: no such metric family' }, { status: 400 })
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [] } })
      }),
    )
    renderApp({ route: `${base}?panels=scheduler&refresh=off`, token: await backend.as('viewer@example.com') })
    const dagbag = await screen.findByRole('region', { name: 'DAG bag size' })
    expect(await within(dagbag).findByText('1:1: parse error: no such metric family')).toBeInTheDocument()
    expect(within(dagbag).getByRole('alert')).toHaveTextContent('Prometheus could not answer this panel')
    const zombies = screen.getByRole('region', { name: 'Zombie tasks killed' })
    expect(await within(zombies).findByText('No data for this range.')).toBeInTheDocument()
    expect(screen.getByText(/Auto refresh is off./)).toBeInTheDocument()
  })
})
