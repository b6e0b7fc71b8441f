import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'

const backend = useTestBackend()
const ETL = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/access`

async function openAs(email: string, route = ETL) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: 'Customer ETL: access' }, { timeout: 5000 })
  return { user, ...view }
}

/** Workspace role, deployment role and effective role of a person's row. */
const rolesOf = (name: RegExp) => {
  const table = screen.getByRole('table', { name: 'Roles on deployment Customer ETL' })
  const row = within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement
  const [ws, dep, effective] = within(row).getAllByRole('cell')
  return [ws?.textContent, dep?.textContent, effective?.textContent]
}

describe('deployment access', () => {
  it('shows each member’s workspace role, deployment role and the effective role here', async () => {
    await openAs('admin@example.com')
    expect(rolesOf(/Dana Ito/)).toEqual(['Viewer', 'Editor', 'Editor'])
    expect(rolesOf(/Victor Okafor/)).toEqual(['Viewer', 'From workspace', 'Viewer'])
    expect(rolesOf(/Erin Chen/)).toEqual(['Editor', 'From workspace', 'Editor'])
    expect(rolesOf(/Alex Rivera/)).toEqual(['Admin', 'From workspace', 'Adminas system admin'])
  })

  it('grants, changes and removes a deployment role', async () => {
    const { user, router } = await openAs('admin@example.com')
    await user.click(screen.getByRole('button', { name: 'Set deployment role of Victor Okafor' }))
    let dialog = await screen.findByRole('dialog', { name: 'Deployment role of Victor Okafor on Customer ETL' })
    await user.click(within(dialog).getByRole('radio', { name: 'Admin' }))
    expect(within(dialog).getByRole('status')).toHaveTextContent('Effective role on Customer ETL after saving: Admin')
    await user.click(within(dialog).getByRole('button', { name: 'Save deployment role' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(rolesOf(/Victor Okafor/)).toEqual(['Viewer', 'Admin', 'Admin'])

    await user.click(screen.getByRole('button', { name: 'Change deployment role of Victor Okafor' }))
    dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('radio', { name: 'Editor' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save deployment role' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(rolesOf(/Victor Okafor/)).toEqual(['Viewer', 'Editor', 'Editor'])

    await user.click(screen.getByLabelText(/Only people with a deployment role/))
    expect(router.state.location.search).toBe('?only=overrides')
    expect(screen.queryByRole('rowheader', { name: /Erin Chen/ })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Remove deployment role of Dana Ito' }))
    dialog = await screen.findByRole('dialog', { name: "Remove Dana Ito's role on Customer ETL?" })
    expect(dialog).toHaveTextContent('Their workspace role applies again: viewer on this deployment.')
    await user.click(within(dialog).getByRole('button', { name: 'Remove deployment role' }))
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /Dana Ito/ })).not.toBeInTheDocument())
  })

  it('tells an admin that a deployment role changes nothing for a workspace admin', async () => {
    const { user } = await openAs('admin@example.com')
    await user.click(screen.getByRole('button', { name: 'Set deployment role of Priya Shah' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(sentence(/Priya Shah is a workspace admin/))).toBeInTheDocument()
  })

  it('shows viewers and editors (also one with a deployment role of their own) the roles without any control', async () => {
    for (const email of ['viewer@example.com', 'editor@example.com', 'deployeditor@example.com']) {
      const { unmount } = await openAs(email)
      expect(rolesOf(/Dana Ito/)).toEqual(['Viewer', 'Editor', 'Editor'])
      expect(screen.queryByRole('button', { name: /deployment role/ })).not.toBeInTheDocument()
      unmount()
    }
  })
})
