import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { stableId } from '../../../mocks/houston/random'
import { SEED_IDS } from '../../../mocks/houston/seed'

const backend = useTestBackend()

const ws = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl
const totals = () => screen.getByRole('region', { name: 'Totals' })

async function open(email = 'editor@example.com', deployment = etl) {
  const user = userEvent.setup()
  renderApp({ route: `/workspaces/${ws}/deployments/${deployment}/configure`, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: /: resources$/ }, { timeout: 8000 })
  return user
}

async function fill(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  const input = screen.getByRole('spinbutton', { name })
  await user.clear(input)
  await user.type(input, value)
}

describe('custom resources, scheduler count and triggerer on the configure screen', () => {
  it('switches to custom CPU and memory keeping the sizes, and saves 2 schedulers of 1.5 cores and 3 GiB with a triggerer', async () => {
    const sent: unknown[] = []
    backend.server.events.on('request:start', ({ request }) => {
      void request
        .clone()
        .json()
        .then((body: { operationName?: string; variables?: unknown }) => {
          if (body.operationName === 'UpdateDeploymentResources') sent.push(body.variables)
        })
        .catch(() => undefined)
    })
    const user = await open()
    // Customer ETL runs Airflow 2.10.5: a scheduler count and a triggerer are offered.
    expect(screen.getByRole('slider', { name: 'Scheduler count' })).toHaveAttribute('aria-valuemax', '4')
    expect(screen.getByRole('spinbutton', { name: 'Triggerer replicas' })).toHaveValue(0)
    await user.click(screen.getByRole('radio', { name: /Custom CPU and memory/ }))
    // The same sizes: 48 AU are 4.8 CPU and 18 GiB.
    expect(screen.getByRole('spinbutton', { name: 'Scheduler CPU' })).toHaveValue(500)
    expect(screen.getByRole('combobox', { name: 'Scheduler memory unit' })).toHaveValue('GiB')
    expect(screen.getByRole('spinbutton', { name: 'Scheduler memory' })).toHaveValue(1.875)
    expect(screen.queryByRole('slider', { name: 'Scheduler AU' })).not.toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'CPU 4.8 CPU 4.8 CPU' })).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Scheduler CPU unit' }), 'cores')
    expect(screen.getByRole('spinbutton', { name: 'Scheduler CPU' })).toHaveValue(0.5)
    await fill(user, 'Scheduler CPU', '1.5')
    await fill(user, 'Scheduler memory', '3')
    await fill(user, 'Scheduler count', '2')
    await fill(user, 'Triggerer replicas', '1')
    // 4.8 - 0.5 + 3 + 0.5 = 7.8 CPU; 18 GiB - 1.875 + 6 + 1.875 = 24 GiB; covered by 78 AU.
    expect(within(totals()).getByRole('row', { name: 'CPU 4.8 CPU 7.8 CPU' })).toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'Memory 18 GiB 24 GiB' })).toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'Total AU 48 AU 78 AU' })).toBeInTheDocument()
    expect(within(totals()).getByText('CPU used after saving')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: /^Review changes/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Review changes to Customer ETL' })
    expect(within(dialog).getByRole('row', { name: 'Resource strategy Astronomer Units (AU) Custom CPU and memory' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: 'Scheduler CPU 500 millicores 1.5 cores' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: 'Scheduler memory 1.875 GiB 3 GiB' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: 'Scheduler count 1 2' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: /^Triggerer replicas not used 1$/ })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(sent).toHaveLength(1))
    const variables = sent[0] as { config: Record<string, unknown>; properties: Record<string, unknown> }
    expect(variables.config.scheduler).toEqual({ resources: { limits: { cpu: 1500, memory: 3072 }, requests: { cpu: 1500, memory: 3072 } }, replicas: 2 })
    expect(variables.config.triggerer).toEqual({ resources: { limits: { cpu: 500, memory: 1920 }, requests: { cpu: 500, memory: 1920 } }, replicas: 1 })
    expect(variables.properties).toEqual({ extra_au: 0, resource_strategy: 'custom', extra_capacity: { cpu: 0, memory: 0 } })
    // After the reload the form starts from what the server stored.
    expect(await screen.findByRole('spinbutton', { name: 'Scheduler CPU' }, { timeout: 8000 })).toHaveValue(1.5)
    expect(screen.getByRole('radio', { name: /Custom CPU and memory/ })).toBeChecked()
  })

  it('explains a value that is not a whole number of MiB', async () => {
    const user = await open()
    await user.click(screen.getByRole('radio', { name: /Custom CPU and memory/ }))
    await fill(user, 'Webserver memory', '1.3')
    expect(screen.getByRole('spinbutton', { name: 'Webserver memory' })).toHaveAccessibleDescription(/1\.3 GiB is not a whole number of MiB\./)
  })

  it('offers one scheduler and no triggerer on Airflow 1.10.15', async () => {
    await open('admin@example.com', stableId('deployment:legacy-reports'))
    expect(screen.queryByRole('slider', { name: 'Scheduler count' })).not.toBeInTheDocument()
    expect(screen.getByText('Airflow 1.10.15 runs one scheduler; more need Airflow 2.0.0 or newer.')).toBeInTheDocument()
    expect(screen.getByText(/Not in Airflow 1\.10\.15: the triggerer \(Airflow 2\.2\.0 or newer\)/)).toBeInTheDocument()
  })
})
