import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { stableId } from '../../../mocks/houston/random'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'

const backend = useTestBackend()
const historyOf = (id: string, query = '') => `/workspaces/${SEED_IDS.dataPlatform}/deployments/${id}/history${query}`

async function openAs(email: string, route = historyOf(SEED_IDS.customerEtl)) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: /: deploy history$/ })
  return { user, ...view }
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)

describe('the deploy history', () => {
  it('pages through the deploys, newest first, with the page in the URL', async () => {
    const { user, router } = await openAs('viewer@example.com')
    expect(screen.getByText(/42 deploys, newest first/)).toBeInTheDocument()
    expect(rows()).toHaveLength(10)
    expect(within(rows()[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent(/^deploy-42Running/)
    expect(screen.getByText('Page 1 of 5')).toBeInTheDocument()
    // A viewer sees no redeploy control.
    expect(screen.queryByRole('button', { name: /Redeploy/ })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Older' }))
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'))
    await waitFor(() => expect(within(rows()[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent(/^deploy-32/))
    expect(screen.getByText('Page 2 of 5')).toBeInTheDocument()
  })

  it('opens the page asked for in the URL', async () => {
    await openAs('viewer@example.com', historyOf(SEED_IDS.customerEtl, '?page=5'))
    await waitFor(() => expect(rows().map((r) => within(r).getByRole('rowheader').textContent?.slice(0, 8))).toEqual(['deploy-2', 'deploy-1']))
  })

  it('redeploys an earlier revision after saying what rolls back and what stays, with a description', async () => {
    const { user } = await openAs('editor@example.com', historyOf(SEED_IDS.customerEtl, '?page=1'))
    await user.click(screen.getByRole('button', { name: 'Redeploy deploy-34…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Redeploy deploy-34?' })
    expect(within(dialog).getByRole('row', { name: 'Code (image) deploy-42 deploy-34' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: 'Airflow version 2.10.5 2.9.3' })).toBeInTheDocument()
    expect(within(dialog).getByRole('row', { name: 'DAG deployment Image Image (unchanged)' })).toBeInTheDocument()
    expect(within(dialog).getByText(/Resources: the executor, sizes/)).toBeInTheDocument()
    expect(within(dialog).getByText('Environment variables and alert emails')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Redeploy deploy-34' }))
    expect(within(dialog).getByText('Say why you roll back: a description is required.')).toBeInTheDocument()
    await user.type(within(dialog).getByLabelText('Description'), 'deploy-42 broke the orders load')
    await user.click(within(dialog).getByRole('button', { name: 'Redeploy deploy-34' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await screen.findByText(sentence('Rolling back Customer ETL to deploy-34'))).toBeInTheDocument()
    await waitFor(() => expect(screen.getByText(/43 deploys/)).toBeInTheDocument())
    const first = rows()[0] as HTMLElement
    expect(within(first).getByRole('rowheader')).toHaveTextContent(/deploy-34(Rolling out|Running)Redeploy of deploy-34/)
    expect(first).toHaveTextContent('deploy-42 broke the orders load')
    expect(first).toHaveTextContent('Erin Chen')
  })

  it('explains why a deployment on an NFS volume cannot roll back, and offers no redeploy', async () => {
    await openAs('admin@example.com', historyOf(stableId('deployment:legacy-reports')))
    expect(screen.getByText(sentence(/Rollback is not available: Legacy Reports takes its DAGs from an NFS volume/))).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Redeploy/ })).not.toBeInTheDocument()
  })

  it('explains in the dialog why a rollback cannot go ahead while an upgrade is pending', async () => {
    const { user } = await openAs('wsadmin@example.com', `/workspaces/${SEED_IDS.marketing}/deployments/${stableId('deployment:campaign-attribution')}/history`)
    await user.click(screen.getAllByRole('button', { name: /^Redeploy deploy-/ })[0] as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/An upgrade to Airflow 2\.10\.5 is in progress: cancel it/)).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: /^Redeploy/ })).not.toBeInTheDocument()
  })
})
