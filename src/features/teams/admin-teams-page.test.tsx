import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { stableId } from '../../../mocks/houston/random'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'

const backend = useTestBackend()

async function openAs(email: string, route: string, heading: string | RegExp) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 })
  return { user, ...view }
}

const teamsTable = () => screen.getByRole('table', { name: /^Teams/ })

describe('all teams', () => {
  it('lists local and imported teams, filtered by the URL; a system viewer cannot create one', async () => {
    const { user, router } = await openAs('sysviewer@example.com', '/admin/teams', 'Teams')
    expect(within(teamsTable()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Data EngineeringImported from Okta',
      'Finance AnalystsLocal',
      'ML PlatformImported from Okta',
    ])
    expect(screen.queryByRole('button', { name: 'New team' })).not.toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Source'), 'LOCAL')
    expect(router.state.location.search).toBe('?source=LOCAL')
    expect(within(teamsTable()).getAllByRole('rowheader')).toHaveLength(1)
    await user.selectOptions(screen.getByLabelText('Source'), '')
    // Members are searched too.
    await user.type(screen.getByLabelText('Search'), 'raj')
    expect(within(teamsTable()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Data EngineeringImported from Okta'])
  })

  it('a system admin creates a team with two members found by name', async () => {
    const { user } = await openAs('admin@example.com', '/admin/teams', 'Teams')
    await user.click(screen.getByRole('button', { name: 'New team' }))
    const dialog = await screen.findByRole('dialog', { name: 'New team' })
    await user.type(within(dialog).getByLabelText('Name'), 'Scalers')
    await user.type(within(dialog).getByLabelText('Find people to add'), 'Victor')
    await user.click(await within(dialog).findByRole('button', { name: 'Add Victor Okafor' }))
    await user.clear(within(dialog).getByLabelText('Find people to add'))
    await user.type(within(dialog).getByLabelText('Find people to add'), 'nico')
    await user.click(await within(dialog).findByRole('button', { name: 'Add Nico Brandt' }))
    expect(within(dialog).getByText('Members (2)')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Create team' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await screen.findByText(sentence('Team Scalers created with 2 members'))).toBeInTheDocument()
    const row = await waitFor(() => within(teamsTable()).getByRole('rowheader', { name: /Scalers/ }).closest('tr'))
    expect(row).toHaveTextContent('ScalersLocal2None')
  })

  it('places a refused name on the name field', async () => {
    const { user } = await openAs('admin@example.com', '/admin/teams', 'Teams')
    await user.click(screen.getByRole('button', { name: 'New team' }))
    const dialog = await screen.findByRole('dialog', { name: 'New team' })
    await user.type(within(dialog).getByLabelText('Name'), 'data engineering')
    await user.click(within(dialog).getByRole('button', { name: 'Create team' }))
    await waitFor(() => expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(/A team named Data Engineering already exists/))
  })
})

describe('one team', () => {
  it('an imported team: members read-only, system role granted here', async () => {
    const { user } = await openAs('admin@example.com', `/admin/teams/${stableId('team:data-engineering')}`, 'Team Data Engineering')
    expect(screen.getByText(/Imported from Okta: its name and members are managed there/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Edit team|Delete team/ })).not.toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: 'Members of team Data Engineering' })).getAllByRole('listitem')).toHaveLength(4)
    expect(screen.getByRole('list', { name: 'Roles of team Data Engineering' })).toHaveTextContent('Editorof workspace Data Platform')
    await user.click(screen.getByRole('button', { name: 'Grant system viewer for team Data Engineering' }))
    expect(await screen.findByRole('button', { name: 'Revoke system viewer for team Data Engineering' })).toBeInTheDocument()
  })

  it('a local team is edited and deleted by a system admin', async () => {
    const { user, router } = await openAs('admin@example.com', `/admin/teams/${stableId('team:finance-analysts')}`, 'Team Finance Analysts')
    await user.click(screen.getByRole('button', { name: 'Edit team' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit team Finance Analysts' })
    await user.click(within(dialog).getByRole('button', { name: 'Take Helen Wright off the team' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save team' }))
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Members (2)' })).toBeInTheDocument())

    await user.click(screen.getByRole('button', { name: 'Delete team' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete team Finance Analysts?' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete team' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/teams'))
  })

  it('is forbidden to someone without system.teams.get', async () => {
    renderApp({ route: `/admin/teams/${stableId('team:data-engineering')}`, token: await backend.as('editor@example.com') })
    expect(await screen.findByRole('heading', { level: 1, name: "You don't have access" }, { timeout: 5000 })).toBeInTheDocument()
  })
})
