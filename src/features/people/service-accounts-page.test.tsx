import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()
const WS = `/workspaces/${SEED_IDS.dataPlatform}/service-accounts`
const DEP = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/service-accounts`

async function openAs(email: string, route: string) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: /: service accounts$/ }, { timeout: 5000 })
  return { user, ...view }
}

const table = () => screen.getByRole('table', { name: /^Service accounts of/ })

describe('service accounts', () => {
  it('shows the API key once, with a copy button, and keeps it out of the cache and the page afterwards', async () => {
    const { user, apollo } = await openAs('editor@example.com', WS)
    await user.click(screen.getByRole('button', { name: 'New service account' }))
    const dialog = await screen.findByRole('dialog', { name: 'New service account for workspace Data Platform' })
    // an editor may grant up to editor
    expect(within(dialog).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['WORKSPACE_VIEWER', 'WORKSPACE_EDITOR'])
    await user.type(within(dialog).getByLabelText('Name'), 'Airbyte sync')
    await user.type(within(dialog).getByLabelText('Category (optional)'), 'ELT')
    await user.click(within(dialog).getByRole('radio', { name: 'Editor' }))
    await user.click(within(dialog).getByRole('button', { name: 'Create service account' }))

    const reveal = await screen.findByRole('dialog', { name: 'Service account Airbyte sync created' })
    expect(within(reveal).getByText(/it will never be shown again/)).toBeInTheDocument()
    const key = within(reveal).getByLabelText<HTMLInputElement>('API key of Airbyte sync').value
    expect(key).toMatch(/^[0-9a-f]{48}$/)
    expect(JSON.stringify(apollo.cache.extract())).not.toContain(key)

    await user.click(within(reveal).getByRole('button', { name: 'Copy API key' }))
    expect(await navigator.clipboard.readText()).toBe(key)

    await user.click(within(reveal).getByRole('button', { name: 'I have copied the key' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const row = within(table()).getByRole('rowheader', { name: /Airbyte sync/ }).closest('tr') as HTMLElement
    expect(row).toHaveTextContent('Editor')
    expect(row).toHaveTextContent('Never')
    expect(document.body.textContent).not.toContain(key)
    expect(JSON.stringify(apollo.cache.extract())).not.toContain(key)
  })

  it('deletes after confirming', async () => {
    const { user } = await openAs('admin@example.com', WS)
    await user.click(screen.getByRole('button', { name: 'Delete Audit exporter' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete service account Audit exporter?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete service account' }))
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: /Audit exporter/ })).not.toBeInTheDocument())
    expect(within(table()).getByRole('rowheader', { name: /CI\/CD pipeline/ })).toBeInTheDocument()
  })

  it('puts the server’s refusal on the field it concerns', async () => {
    backend.server.use(
      graphql.mutation('CreateWorkspaceServiceAccount', () =>
        HttpResponse.json({ errors: [{ message: 'A category may only use letters, digits and spaces.', extensions: { code: 'BAD_USER_INPUT', field: 'category' } }] }),
      ),
    )
    const { user } = await openAs('admin@example.com', WS)
    await user.click(screen.getByRole('button', { name: 'New service account' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Name'), 'Bot')
    await user.type(within(dialog).getByLabelText('Category (optional)'), 'CI/CD!')
    await user.click(within(dialog).getByRole('button', { name: 'Create service account' }))
    await waitFor(() => expect(within(dialog).getByLabelText('Category (optional)')).toHaveAccessibleDescription(/A category may only use letters, digits and spaces\./))
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Bot')
  })

  it('shows a viewer the list with last use, and no control', async () => {
    await openAs('viewer@example.com', WS)
    const row = within(table()).getByRole('rowheader', { name: /CI\/CD pipeline/ }).closest('tr') as HTMLElement
    expect(row).toHaveTextContent('GitHub Actions')
    expect(row).toHaveTextContent(/hours? ago/)
    expect(screen.queryByRole('button', { name: 'New service account' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument()
  })

  it('on a deployment, follows the deployment role: a workspace viewer with an editor override creates, up to editor', async () => {
    const { user } = await openAs('deployeditor@example.com', DEP)
    expect(within(table()).getByRole('rowheader', { name: /Deploy bot/ })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'New service account' }))
    const dialog = await screen.findByRole('dialog', { name: 'New service account for deployment Customer ETL' })
    expect(within(dialog).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['DEPLOYMENT_VIEWER', 'DEPLOYMENT_EDITOR'])
    await user.type(within(dialog).getByLabelText('Name'), 'Nightly deploys')
    await user.click(within(dialog).getByRole('button', { name: 'Create service account' }))
    expect(await screen.findByLabelText('API key of Nightly deploys')).toBeInTheDocument()
  })

  it('on a deployment, shows a plain viewer no control', async () => {
    await openAs('viewer@example.com', DEP)
    expect(within(table()).getByRole('rowheader', { name: /Deploy bot/ })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'New service account' })).not.toBeInTheDocument()
  })
})
