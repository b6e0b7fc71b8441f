import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { stableId } from '../../../mocks/houston/random'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'

const backend = useTestBackend()
const DP = `/workspaces/${SEED_IDS.dataPlatform}/teams`
const MK = `/workspaces/${SEED_IDS.marketing}/teams`

async function openAs(email: string, route: string) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: /: teams$/ }, { timeout: 5000 })
  return { user, ...view }
}

const table = () => screen.getByRole('table', { name: /Teams with roles in/ })
const rowOf = (name: string | RegExp) => {
  const row = within(table()).getByRole('rowheader', { name }).closest('tr')
  if (!row) throw new Error('no row')
  return row
}

describe('the teams of a workspace', () => {
  it('lists each team with its members, workspace role and deployment roles; a viewer gets no control', async () => {
    await openAs('viewer@example.com', DP)
    const eng = rowOf(/Data Engineering/)
    expect(eng).toHaveTextContent('Imported from Okta')
    expect(eng).toHaveTextContent('Editor')
    expect(within(eng).getByRole('list', { name: 'Deployment roles of team Data Engineering' })).toHaveTextContent('Admin on Event Ingestion')
    expect(rowOf(/Finance Analysts/)).toHaveTextContent('Editor on Finance Reporting')
    expect(screen.queryByRole('button', { name: /Add team|Change roles|Remove/ })).not.toBeInTheDocument()
    expect(screen.getByText(/Only workspace admins change these roles/)).toBeInTheDocument()
  })

  it('a workspace admin adds a team with a workspace role and, with select all and one role, every deployment', async () => {
    const { user } = await openAs('wsadmin@example.com', MK)
    expect(screen.getByText('No team has a role here yet')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add team' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a team to Marketing Analytics' })
    await user.selectOptions(await within(dialog).findByLabelText('Team'), within(dialog).getByRole('option', { name: /^ML Platform/ }))
    await user.click(within(dialog).getByRole('radio', { name: 'Editor' }))
    await user.click(within(dialog).getByLabelText('Select all 4 deployments'))
    await user.selectOptions(within(dialog).getByLabelText(/Role for all selected/), 'DEPLOYMENT_VIEWER')
    expect(within(dialog).getByLabelText('Role on Ad Spend Dashboard')).toHaveValue('DEPLOYMENT_VIEWER')
    // One deployment keeps its own role.
    await user.selectOptions(within(dialog).getByLabelText('Role on Email Metrics'), 'DEPLOYMENT_ADMIN')
    expect(within(dialog).getByLabelText(/Role for all selected/)).toHaveValue('')
    await user.click(within(dialog).getByRole('button', { name: 'Add team' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await screen.findByText(sentence(/ML Platform is now editor of Marketing Analytics, with roles on 4 deployments/))).toBeInTheDocument()
    const row = await waitFor(() => rowOf(/ML Platform/))
    expect(row).toHaveTextContent('Editor')
    expect(within(row).getByRole('list', { name: /Deployment roles/ }).textContent).toBe(
      'Viewer on Ad Spend DashboardViewer on Campaign AttributionAdmin on Email MetricsViewer on Social Listening',
    )
  })

  it("places the server's refusal of one deployment's role on that deployment", async () => {
    const { user } = await openAs('wsadmin@example.com', MK)
    backend.server.use(
      graphql.mutation('WorkspaceAddTeam', () =>
        HttpResponse.json({ errors: [{ message: 'Ad Spend Dashboard is being deleted.', extensions: { code: 'BAD_USER_INPUT', field: 'deploymentRoles[0].deploymentUuid' } }] }),
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Add team' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a team to Marketing Analytics' })
    await user.selectOptions(await within(dialog).findByLabelText('Team'), within(dialog).getByRole('option', { name: /^Finance Analysts/ }))
    await user.click(within(dialog).getByLabelText('Ad Spend Dashboard'))
    await user.click(within(dialog).getByRole('button', { name: 'Add team' }))
    const role = within(dialog).getByLabelText('Role on Ad Spend Dashboard')
    await waitFor(() => expect(role).toHaveAttribute('aria-invalid', 'true'))
    expect(role).toHaveAccessibleDescription('Ad Spend Dashboard is being deleted.')
    expect(dialog).toBeInTheDocument()
  })

  it('changes a team’s roles, replacing its deployment roles, and removes a team after confirming', async () => {
    const { user } = await openAs('admin@example.com', DP)
    await user.click(within(rowOf(/Data Engineering/)).getByRole('button', { name: 'Change roles of team Data Engineering' }))
    const dialog = await screen.findByRole('dialog', { name: 'Roles of team Data Engineering in Data Platform' })
    expect(within(dialog).getByRole('radio', { name: 'Editor' })).toBeChecked()
    expect(within(dialog).getByLabelText('Event Ingestion')).toBeChecked()
    await user.click(within(dialog).getByLabelText('Event Ingestion'))
    await user.click(within(dialog).getByLabelText('Customer ETL'))
    await user.selectOptions(within(dialog).getByLabelText('Role on Customer ETL'), 'DEPLOYMENT_VIEWER')
    await user.click(within(dialog).getByRole('radio', { name: 'Viewer' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(within(rowOf(/Data Engineering/)).getByRole('list', { name: /Deployment roles/ })).toHaveTextContent(/^Viewer on Customer ETL$/))

    await user.click(within(rowOf(/ML Platform/)).getByRole('button', { name: 'Remove team ML Platform' }))
    const confirm = await screen.findByRole('dialog', { name: 'Remove team ML Platform from Data Platform?' })
    await user.click(within(confirm).getByRole('button', { name: 'Remove team' }))
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: /ML Platform/ })).not.toBeInTheDocument())
  })

  it('keeps the list when a refresh fails', async () => {
    const { apollo } = await openAs('viewer@example.com', DP)
    backend.server.use(graphql.query('WorkspaceTeams', () => HttpResponse.json({ errors: [{ message: 'Houston is restarting.', extensions: { code: 'CONFLICT' } }] })))
    await apollo.refetchQueries({ include: ['WorkspaceTeams'] }).catch(() => undefined)
    expect(await screen.findByText('The teams could not be refreshed')).toBeInTheDocument()
    expect(table()).toBeInTheDocument()
  })
})

describe('the teams of a deployment', () => {
  const EVENTS = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${stableId('deployment:event-ingestion')}/teams`

  it('a deployment admin (a workspace viewer) adds a team role on their deployment, with what it gives', async () => {
    const user = userEvent.setup()
    renderApp({ route: EVENTS, token: await backend.as('yuki.tanaka@example.com') })
    await screen.findByRole('heading', { level: 1, name: 'Event Ingestion: teams' }, { timeout: 5000 })
    const t = screen.getByRole('table', { name: 'Teams with roles on deployment Event Ingestion' })
    const eng = within(t).getByRole('rowheader', { name: /Data Engineering/ }).closest('tr')
    expect(eng).toHaveTextContent('EditorAdminAdmin')
    await user.click(screen.getByRole('button', { name: 'Add team' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a team to Event Ingestion' })
    await user.selectOptions(await within(dialog).findByLabelText('Team'), within(dialog).getByRole('option', { name: /^Finance Analysts/ }))
    await user.click(within(dialog).getByRole('radio', { name: 'Editor' }))
    expect(within(dialog).getByRole('status')).toHaveTextContent('Members get on Event Ingestion from the team: Editor')
    await user.click(within(dialog).getByRole('button', { name: 'Save team role' }))
    await waitFor(() => expect(within(t).getByRole('rowheader', { name: /Finance Analysts/ })).toBeInTheDocument())
  })

  it('shows a viewer the teams and no control', async () => {
    renderApp({ route: EVENTS, token: await backend.as('viewer@example.com') })
    await screen.findByRole('heading', { level: 1, name: 'Event Ingestion: teams' }, { timeout: 5000 })
    expect(screen.getByRole('table', { name: 'Teams with roles on deployment Event Ingestion' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Add team|deployment role/ })).not.toBeInTheDocument()
  })
})
