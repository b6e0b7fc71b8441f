import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'
import { SEED_IDS } from '../../../mocks/houston/seed'

const backend = useTestBackend()

const ws = SEED_IDS.dataPlatform
const etl = SEED_IDS.customerEtl
const route = `/workspaces/${ws}/deployments/${etl}/configure`

// Customer ETL: Celery, scheduler 5 + webserver 5 + statsd 2 + pgbouncer 2 + workers 10 x 3 + flower 2 + redis 2 = 48 AU.
// Data Platform: 187 of 250 AU used, so this deployment may total 250 - 187 + 48 = 111 AU.

async function openAs(email: string) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: 'Customer ETL: resources' }, { timeout: 8000 })
  return { user, ...view }
}

const totals = () => screen.getByRole('region', { name: 'Totals' })

async function setNumber(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  const input = screen.getByRole('spinbutton', { name })
  await user.clear(input)
  await user.type(input, value)
}

describe('the configure screen for an editor', () => {
  it('offers a slider and a number for each tunable Celery value, with live totals', async () => {
    const { user } = await openAs('editor@example.com')
    for (const name of ['Scheduler AU', 'Webserver AU', 'Workers AU', 'Worker count', 'Termination grace period']) {
      expect(screen.getByRole('slider', { name })).toBeInTheDocument()
      expect(screen.getByRole('spinbutton', { name })).toBeInTheDocument()
    }
    expect(screen.queryByRole('slider', { name: 'Extra capacity' })).not.toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'Total AU 48 AU' })).toBeInTheDocument()

    await setNumber(user, 'Workers AU', '20')
    // 18 + 20 x 3 = 78 AU, 7.8 CPU, 78 x 384 MiB = 29.25 GiB
    expect(within(totals()).getByRole('row', { name: 'Total AU 48 AU 78 AU' })).toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'CPU 4.8 CPU 7.8 CPU' })).toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'Memory 18 GiB 29.25 GiB' })).toBeInTheDocument()
    expect(within(totals()).getByText('217 AU (33 AU left)')).toBeInTheDocument()
  })

  it('changes the components offered with the executor, and explains the extra capacity minimum', async () => {
    const { user } = await openAs('editor@example.com')
    await user.click(screen.getByRole('radio', { name: /^Kubernetes/ }))
    expect(screen.queryByRole('slider', { name: 'Workers AU' })).not.toBeInTheDocument()
    const extra = screen.getByRole('spinbutton', { name: 'Extra capacity' })
    expect(extra).toHaveValue(10)
    expect(extra).toHaveAccessibleDescription(/cannot go below 10 AU, the platform’s default reservation/)
    await setNumber(user, 'Extra capacity', '5')
    expect(extra).toHaveAccessibleDescription(/Extra capacity cannot go below 10 AU\. The nearest valid value is 10 AU\./)
    expect(screen.getByRole('button', { name: /^Review changes/ })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Use 10 AU' }))
    expect(extra).toHaveValue(10)
    expect(screen.getByRole('button', { name: /^Review changes/ })).toBeEnabled()
  })

  it('shows the diff before saving and sends only what changed', async () => {
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
    const { user } = await openAs('editor@example.com')
    await setNumber(user, 'Workers AU', '20')
    await user.click(screen.getByRole('button', { name: 'Review changes (1)' }))
    const dialog = await screen.findByRole('dialog', { name: 'Review changes to Customer ETL' })
    expect(within(dialog).getByRole('row', { name: 'Workers AU 10 AU (1 CPU · 3.75 GiB) 20 AU (2 CPU · 7.5 GiB)' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: 'Total AU 48 AU 78 AU (+30 AU)' })).toBeInTheDocument()
    expect(within(dialog).getByText(/187 AU → 217 AU used of 250 AU; 33 AU left after saving\./)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toEqual({
      deploymentUuid: etl,
      config: { workers: { resources: { limits: { cpu: 2000, memory: 7680 }, requests: { cpu: 2000, memory: 7680 } }, replicas: 3, terminationGracePeriodSeconds: 600 } },
      properties: null,
    })
    // The form starts over from the server's values: the deployment counts at its new size while it deploys.
    expect(await within(totals()).findByRole('row', { name: 'Total AU 78 AU' })).toBeInTheDocument()
    expect(screen.getByText(/is deploying:/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^Review changes/ })).toBeDisabled()
  })

  it('puts a refused field on its control and a refused quota on the totals', async () => {
    const { user } = await openAs('editor@example.com')
    backend.server.use(
      graphql.mutation('UpdateDeploymentResources', () =>
        HttpResponse.json({
          errors: [{ message: 'Workers AU cannot exceed 25 AU on this cluster.', extensions: { code: 'BAD_USER_INPUT', field: 'workers.au' } }],
        }),
      ),
    )
    await setNumber(user, 'Workers AU', '28')
    await user.click(screen.getByRole('button', { name: /^Review changes/ }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Workers AU' })).toHaveAccessibleDescription(/Workers AU cannot exceed 25 AU on this cluster\./))
    expect(screen.getByRole('spinbutton', { name: 'Workers AU' })).toHaveAttribute('aria-invalid', 'true')

    backend.server.use(
      graphql.mutation('UpdateDeploymentResources', () =>
        HttpResponse.json({
          errors: [
            {
              message: 'Workspace Data Platform has 40 AU left of its 250 AU quota; this deployment needs 102 AU.',
              extensions: { code: 'QUOTA_EXCEEDED', remainingAu: 40, field: 'total' },
            },
          ],
        }),
      ),
    )
    await setNumber(user, 'Workers AU', '28')
    await user.click(screen.getByRole('button', { name: /^Review changes/ }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save changes' }))
    const alert = await within(totals()).findByText(/The server refused the change: Workspace Data Platform has 40 AU left/)
    expect(alert).toBeInTheDocument()
    expect(within(totals()).getByText('This deployment may total at most 40 AU now.')).toBeInTheDocument()
  })

  it('tells how much is left when asking for more than the quota holds, and cannot save it', async () => {
    const { user } = await openAs('editor@example.com')
    await setNumber(user, 'Workers AU', '30')
    await setNumber(user, 'Worker count', '10')
    // 18 + 30 x 10 = 318 AU
    expect(within(totals()).getByText('This needs 318 AU but the workspace has 111 AU left of its 250 AU quota.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^Review changes/ })).toBeDisabled()
  })

  it('does not overwrite a change made elsewhere since the page opened', async () => {
    const { user } = await openAs('editor@example.com')
    await setNumber(user, 'Scheduler AU', '6')
    // Someone else scales the workers meanwhile.
    const other = await backend.as('admin@example.com')
    await backend.houston.execute({
      query: 'mutation($id: Uuid!, $c: JSON) { updateDeployment(deploymentUuid: $id, config: $c) { id } }',
      variables: { id: etl, c: { workers: { replicas: 4 } } },
      token: other,
    })
    await user.click(screen.getByRole('button', { name: /^Review changes/ }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText(sentence(/Customer ETL was changed since you opened this page/))).toBeInTheDocument()
    expect(screen.getByText('Worker count: 3 → 4')).toBeInTheDocument()
    expect(screen.getByText(sentence(/Not saved yet: Customer ETL started deploying another change/))).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Reload the current values' }))
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Worker count' })).toHaveValue(4))
    expect(screen.getByRole('spinbutton', { name: 'Scheduler AU' })).toHaveValue(5)
  })
})

describe('while a deployment is busy', () => {
  it('lets an editor prepare a change to a deploying deployment but explains that saving waits', async () => {
    const user = userEvent.setup()
    renderApp({ route: `/workspaces/${ws}/deployments/${SEED_IDS.warehouseSync}/configure`, token: await backend.as('editor@example.com') })
    await screen.findByRole('heading', { level: 1, name: 'Warehouse Sync: resources' }, { timeout: 8000 })
    expect(screen.getByText(sentence(/Warehouse Sync is deploying:/))).toBeInTheDocument()
    await setNumber(user, 'Extra capacity', '15')
    const review = screen.getByRole('button', { name: /^Review changes/ })
    expect(review).toBeDisabled()
    expect(review).toHaveAccessibleDescription(/You can prepare yours now and save it once the deployment is healthy/)
  })

  it('shows a CONFLICT from the server and offers to reload rather than overwrite', async () => {
    const { user } = await openAs('editor@example.com')
    backend.server.use(
      graphql.mutation('UpdateDeploymentResources', () =>
        HttpResponse.json({ errors: [{ message: 'Customer ETL changed while you were editing it.', extensions: { code: 'CONFLICT' } }] }),
      ),
    )
    await setNumber(user, 'Webserver AU', '6')
    await user.click(screen.getByRole('button', { name: /^Review changes/ }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Not saved: Customer ETL changed while you were editing it.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Reload the current values' }))
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Webserver AU' })).toHaveValue(5))
  })
})

describe('the configure screen for a viewer', () => {
  it('shows values, totals and the quota with no control at all', async () => {
    await openAs('viewer@example.com')
    expect(screen.getByText(/your role does not allow changing them/)).toBeInTheDocument()
    expect(screen.queryByRole('slider')).not.toBeInTheDocument()
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument()
    expect(screen.queryByRole('radio')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Review changes|Small|Medium|Large/ })).not.toBeInTheDocument()
    expect(screen.getByText('10 AU (1 CPU · 3.75 GiB)')).toBeInTheDocument()
    expect(within(totals()).getByRole('row', { name: 'Total AU 48 AU' })).toBeInTheDocument()
    expect(within(totals()).getByText('187 AU (63 AU left)')).toBeInTheDocument()
  })

  it('lets a deployment editor override change only the deployment it is granted', async () => {
    await openAs('deployeditor@example.com')
    expect(screen.getByRole('slider', { name: 'Workers AU' })).toBeInTheDocument()
  })
})
