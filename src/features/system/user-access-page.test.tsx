import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { stableId } from '../../../mocks/houston/random'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()

const permissionsTable = () => screen.getByRole('table', { name: /permissions on/ })
const sourcesOf = (permission: string) => {
  const row = within(permissionsTable()).getByRole('rowheader', { name: permission }).closest('tr')
  return within(row as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)
}

describe('where a user’s permissions come from', () => {
  it('shows a member their teams, their roles with the team each comes through, and each permission’s sources', async () => {
    const user = userEvent.setup()
    const { router } = renderApp({ route: '/account', token: await backend.as('raj.patel@example.com') })
    await screen.findByRole('heading', { level: 1, name: 'Your roles and permissions' }, { timeout: 5000 })
    expect(screen.getByRole('list', { name: 'Teams' })).toHaveTextContent('Data Engineering (okta)')
    const roles = screen.getByRole('table', { name: 'Roles of Raj Patel' })
    expect(within(roles).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Workspace editorworkspace Data PlatformThrough team Data Engineering',
      'Workspace editorworkspace ML ResearchOwn role',
      'Deployment admindeployment Event Ingestion in Data PlatformThrough team Data Engineering',
    ])
    expect(sourcesOf('system.workspace.create')).toEqual(['Every signed-in user'])

    await user.selectOptions(screen.getByLabelText('Workspace'), 'Data Platform')
    expect(sourcesOf('workspace.deployments.create')).toEqual(['Team Data Engineering: Workspace editor'])
    await user.selectOptions(await screen.findByLabelText('Deployment'), await screen.findByRole('option', { name: 'Event Ingestion' }))
    expect(router.state.location.search).toBe(`?ws=${stableId('workspace:data-platform')}&dep=${stableId('deployment:event-ingestion')}`)
    await waitFor(() => expect(sourcesOf('deployment.config.delete')).toEqual(['Team Data Engineering: Deployment admin']))
    expect(within(permissionsTable()).queryByRole('rowheader', { name: 'workspace.iam.update' })).not.toBeInTheDocument()
  })

  it('shows a system admin another user’s, both own and through a team', async () => {
    renderApp({ route: `/admin/users/${stableId('user:carlos.mendez')}?ws=${stableId('workspace:data-platform')}&dep=${stableId('deployment:finance-reporting')}`, token: await backend.as('admin@example.com') })
    await screen.findByRole('heading', { level: 1, name: 'Roles and permissions of Carlos Méndez' }, { timeout: 5000 })
    await waitFor(() => expect(sourcesOf('deployment.logs.get')).toEqual(['Own role: Workspace viewer', 'Team Finance Analysts: Deployment editor']))
    expect(sourcesOf('deployment.config.update')).toEqual(['Team Finance Analysts: Deployment editor'])
  })
})
