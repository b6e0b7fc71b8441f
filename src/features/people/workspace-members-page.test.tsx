import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'

const backend = useTestBackend()
const DP = `/workspaces/${SEED_IDS.dataPlatform}/users`
const MK = `/workspaces/${SEED_IDS.marketing}/users`

async function openAs(email: string, route: string) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: /: members$/ }, { timeout: 5000 })
  return { user, ...view }
}

const table = () => screen.getByRole('table', { name: /Members and pending invites/ })
const rowOf = (name: string | RegExp) => {
  const header = within(table()).getByRole('rowheader', { name })
  const row = header.closest('tr')
  if (!row) throw new Error('no row')
  return row
}
/** The role and status cells of a row. */
const cellsOf = (name: string | RegExp) => {
  const [role, status] = within(rowOf(name)).getAllByRole('cell')
  return { role: role?.textContent, status: status?.textContent }
}

describe('the members list', () => {
  it('shows members and pending invites together, searchable and filtered by role in the URL', async () => {
    const { user, router } = await openAs('admin@example.com', DP)
    expect(within(table()).getByRole('rowheader', { name: /Priya Shah/ })).toBeInTheDocument()
    expect(cellsOf(/new\.analyst@example\.com/)).toEqual({ role: 'Viewer', status: 'Invited' })

    await user.selectOptions(screen.getByLabelText('Role'), 'editor')
    expect(router.state.location.search).toBe('?role=editor')
    expect(within(table()).queryByRole('rowheader', { name: /Priya Shah/ })).not.toBeInTheDocument()
    expect(within(table()).getByRole('rowheader', { name: /contractor@partner\.example/ })).toBeInTheDocument()

    await user.type(screen.getByLabelText('Search'), 'hannah')
    expect(router.state.location.search).toContain('q=hannah')
    expect(within(table()).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([expect.stringContaining('Hannah Müller')])
  })

  it('opens with the filters of the URL, and a bad role falls back to any role', async () => {
    await openAs('viewer@example.com', `${DP}?role=admin`)
    expect(within(table()).getAllByRole('rowheader')).toHaveLength(2)
    expect(screen.getByLabelText('Role')).toHaveValue('admin')
  })

  it('shows a viewer no control to change anything', async () => {
    await openAs('viewer@example.com', DP)
    expect(screen.queryByRole('button', { name: /invite/i })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /change role/i })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /remove|revoke/i })).not.toBeInTheDocument()
    expect(screen.getByText(/only workspace admins change them/)).toBeInTheDocument()
  })

  it('keeps the list on screen when a refresh fails', async () => {
    const { apollo } = await openAs('admin@example.com', DP)
    backend.server.use(graphql.query('WorkspaceMembers', () => HttpResponse.json({ errors: [{ message: 'Houston is down for maintenance.', extensions: { code: 'CONFLICT' } }] })))
    await apollo.refetchQueries({ include: ['WorkspaceMembers'] }).catch(() => undefined)
    expect(await screen.findByText('The member list could not be refreshed')).toBeInTheDocument()
    expect(table()).toBeInTheDocument()
  })
})

describe('inviting', () => {
  it('catches malformed, duplicate and existing addresses before sending anything', async () => {
    let sent = 0
    // Counts what reaches the server, then lets the fake Houston answer.
    backend.server.use(
      graphql.mutation('WorkspaceAddUser', () => {
        sent++
        return undefined
      }),
    )
    const { user } = await openAs('admin@example.com', DP)
    await user.click(screen.getByRole('button', { name: 'Invite people' }))
    const dialog = await screen.findByRole('dialog', { name: 'Invite people to Data Platform' })
    await user.type(within(dialog).getByLabelText('Email address 1'), 'not-an-email')
    await user.click(within(dialog).getByRole('button', { name: 'Add another address' }))
    await user.type(within(dialog).getByLabelText('Email address 2'), 'editor@example.com')
    await user.click(within(dialog).getByRole('button', { name: 'Add another address' }))
    await user.type(within(dialog).getByLabelText('Email address 3'), 'new.analyst@example.com')
    await user.click(within(dialog).getByRole('button', { name: 'Add another address' }))
    await user.type(within(dialog).getByLabelText('Email address 4'), 'someone@example.org')
    await user.click(within(dialog).getByRole('button', { name: 'Add another address' }))
    await user.type(within(dialog).getByLabelText('Email address 5'), 'SOMEONE@example.org')
    await user.click(within(dialog).getByRole('button', { name: 'Invite 5 people' }))

    expect(await within(dialog).findByText('“not-an-email” is not a valid email address.')).toBeInTheDocument()
    expect(within(dialog).getByText('editor@example.com is already a member of this workspace.')).toBeInTheDocument()
    expect(within(dialog).getByText(/new\.analyst@example\.com already has a pending invite/)).toBeInTheDocument()
    expect(within(dialog).getByText('This address is already in the list above.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Email address 1')).toHaveAccessibleDescription('“not-an-email” is not a valid email address.')
    expect(sent).toBe(0)
  })

  it('spreads pasted addresses over rows', async () => {
    const { user } = await openAs('admin@example.com', DP)
    await user.click(screen.getByRole('button', { name: 'Invite people' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByLabelText('Email address 1'))
    await user.paste('a@example.org, Bo <b@example.org>\nc@example.org')
    expect(within(dialog).getByLabelText('Email address 1')).toHaveValue('a@example.org')
    expect(within(dialog).getByLabelText('Email address 2')).toHaveValue('b@example.org')
    expect(within(dialog).getByLabelText('Email address 3')).toHaveValue('c@example.org')
  })

  it('adds an existing user at once, invites a new address, and shows the server’s refusal on its address', async () => {
    backend.server.use(
      graphql.mutation('WorkspaceAddUser', ({ variables }) =>
        variables.email === 'blocked@example.org'
          ? HttpResponse.json({ errors: [{ message: 'Invitations to example.org are blocked by policy.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }] })
          : undefined,
      ),
    )
    const { user } = await openAs('admin@example.com', DP)
    await user.click(screen.getByRole('button', { name: 'Invite people' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Email address 1'), 'tom.baker@example.com')
    await user.selectOptions(within(dialog).getByLabelText('Role for address 1'), 'WORKSPACE_EDITOR')
    await user.click(within(dialog).getByRole('button', { name: 'Add another address' }))
    await user.type(within(dialog).getByLabelText('Email address 2'), 'fresh.face@example.com')
    expect(within(dialog).getByLabelText('Role for address 2')).toHaveValue('WORKSPACE_EDITOR')
    await user.selectOptions(within(dialog).getByLabelText('Role for address 2'), 'WORKSPACE_VIEWER')
    await user.click(within(dialog).getByRole('button', { name: 'Add another address' }))
    await user.type(within(dialog).getByLabelText('Email address 3'), 'blocked@example.org')
    await user.click(within(dialog).getByRole('button', { name: 'Invite 3 people' }))

    const results = await within(dialog).findByRole('list', { name: 'Result per address' })
    expect(within(results).getByText(/tom\.baker@example\.com/).closest('li')).toHaveTextContent('added as editor')
    expect(within(results).getByText(/fresh\.face@example\.com/).closest('li')).toHaveTextContent('invited as viewer')
    expect(within(results).getByText(/blocked@example\.org/).closest('li')).toHaveTextContent('refused: Invitations to example.org are blocked by policy.')
    // the refused address stays in the form, with the reason on its field
    expect(within(dialog).getByLabelText('Email address 1')).toHaveValue('blocked@example.org')
    expect(within(dialog).getByLabelText('Email address 1')).toHaveAccessibleDescription('Invitations to example.org are blocked by policy.')

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(cellsOf(/Tom Baker/)).toEqual({ role: 'Editor', status: 'Active' })
    expect(cellsOf(/fresh\.face@example\.com/)).toEqual({ role: 'Viewer', status: 'Invited' })
  })
})

describe('managing members', () => {
  it('changes a member’s role and the role of a pending invite', async () => {
    const { user } = await openAs('admin@example.com', DP)
    await user.click(within(rowOf(/Ben Carter/)).getByRole('button', { name: 'Change role of Ben Carter' }))
    let dialog = await screen.findByRole('dialog', { name: 'Change the role of Ben Carter' })
    await user.click(within(dialog).getByRole('radio', { name: 'Editor' }))
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(within(rowOf(/Ben Carter/)).getByText('Editor')).toBeInTheDocument()

    await user.click(within(rowOf(/contractor@partner/)).getByRole('button', { name: /Change role of invite for contractor@partner\.example/ }))
    dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('radio', { name: 'Viewer' }))
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }))
    await waitFor(() => expect(within(rowOf(/contractor@partner/)).getByText('Viewer')).toBeInTheDocument())
  })

  it('removes a member and revokes an invite, each after confirming', async () => {
    const { user } = await openAs('admin@example.com', DP)
    await user.click(within(rowOf(/Olga Petrova/)).getByRole('button', { name: 'Remove Olga Petrova' }))
    let dialog = await screen.findByRole('dialog', { name: 'Remove Olga Petrova from Data Platform?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove member' }))
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: /Olga Petrova/ })).not.toBeInTheDocument())

    await user.click(within(rowOf(/new\.analyst/)).getByRole('button', { name: 'Revoke invite for new.analyst@example.com' }))
    dialog = await screen.findByRole('dialog', { name: 'Revoke the invite for new.analyst@example.com?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(within(table()).getByRole('rowheader', { name: /new\.analyst/ })).toBeInTheDocument()
    await user.click(within(rowOf(/new\.analyst/)).getByRole('button', { name: 'Revoke invite for new.analyst@example.com' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke invite' }))
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: /new\.analyst/ })).not.toBeInTheDocument())
  })

  it('explains before trying that the last admin can be neither demoted nor removed', async () => {
    const { user } = await openAs('wsadmin@example.com', MK)
    const me = rowOf(/Wanda Schmidt/)
    expect(within(me).getByText('Last admin: can be neither demoted nor removed.')).toBeInTheDocument()
    expect(within(me).getByRole('button', { name: 'Leave Marketing Analytics' })).toBeDisabled()
    await user.click(within(me).getByRole('button', { name: 'Change role of Wanda Schmidt (you)' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change your role' })
    expect(within(dialog).getByRole('radio', { name: 'Editor' })).toBeDisabled()
    expect(within(dialog).getByRole('radio', { name: 'Viewer' })).toBeDisabled()
    expect(within(dialog).getByText(sentence(/You are the last admin of Marketing Analytics/))).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Change role' })).toBeDisabled()
  })

  it('shows the server’s LAST_ADMIN refusal when the list was out of date', async () => {
    backend.server.use(
      graphql.mutation('WorkspaceUpdateUserRole', () =>
        HttpResponse.json({ errors: [{ message: 'priya.shah@example.com cannot be demoted: they are the last admin of workspace Data Platform.', extensions: { code: 'LAST_ADMIN' } }] }),
      ),
    )
    const { user } = await openAs('admin@example.com', DP)
    await user.click(within(rowOf(/Priya Shah/)).getByRole('button', { name: 'Change role of Priya Shah' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('radio', { name: 'Viewer' }))
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('they are the last admin of workspace Data Platform')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(cellsOf(/Priya Shah/).role).toBe('Admin')
  })
})

describe('inviting with deployment roles', () => {
  it('offers the workspace’s deployments with select all and one role for all; the invite lists what it grants', async () => {
    const { user } = await openAs('admin@example.com', DP)
    await user.click(screen.getByRole('button', { name: 'Invite people' }))
    const dialog = await screen.findByRole('dialog', { name: 'Invite people to Data Platform' })
    await user.type(within(dialog).getByLabelText('Email address 1'), 'dana.new@example.com')
    const block = await within(dialog).findByRole('group', { name: 'Deployment roles (optional)' })
    const selectAll = within(block).getByLabelText('Select all 6 deployments')
    expect(within(block).getByLabelText(/Role for all selected/)).toBeDisabled()
    await user.click(selectAll)
    await user.selectOptions(within(block).getByLabelText(/Role for all selected \(6\)/), 'DEPLOYMENT_EDITOR')
    expect(within(block).getByLabelText('Role on Legacy Reports')).toHaveValue('DEPLOYMENT_EDITOR')
    // Narrow the choice to one deployment again.
    await user.click(selectAll)
    expect(within(block).getByLabelText('Role on Customer ETL')).toBeDisabled()
    await user.click(within(block).getByLabelText('Customer ETL'))
    await user.selectOptions(within(block).getByLabelText('Role on Customer ETL'), 'DEPLOYMENT_EDITOR')
    expect((selectAll as HTMLInputElement).indeterminate).toBe(true)
    await user.click(within(dialog).getByRole('button', { name: 'Invite' }))

    const results = await within(dialog).findByRole('list', { name: 'Result per address' })
    expect(within(results).getByText(/dana\.new@example\.com/).closest('li')).toHaveTextContent('invited as viewer, with roles on 1 deployment (pending until they accept)')
    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    const roles = within(rowOf(/dana\.new@example\.com/)).getByRole('list', { name: 'Deployment roles of invite for dana.new@example.com' })
    expect(roles).toHaveTextContent('Editor on Customer ETL')
  })
})
