import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()

async function openAsEditor() {
  const view = renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}/deployments/new`, token: await backend.as('editor@example.com') })
  await screen.findByRole('heading', { level: 1, name: 'New deployment' })
  await screen.findByRole('button', { name: 'Create deployment' })
  return view
}

describe('creating a deployment when the server fails or is slow', () => {
  it('shows a GraphQL error, keeps every choice, and creates the deployment once on the next try', async () => {
    const user = userEvent.setup()
    let sent = 0
    backend.server.use(
      graphql.mutation('CreateDeployment', () => {
        sent += 1
        return sent === 1 ? HttpResponse.json({ data: null, errors: [{ message: 'The platform could not reserve a namespace. Try again.' }] }) : undefined
      }),
    )
    const { router } = await openAsEditor()
    await user.type(screen.getByLabelText('Name'), 'Payments Sync')
    await user.type(screen.getByLabelText(/^Description/), 'Settles card payments.')
    await user.click(screen.getByRole('radio', { name: /Kubernetes/ }))
    await user.click(screen.getByRole('button', { name: 'Create deployment' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('The platform could not reserve a namespace. Try again.')
    expect(screen.getByLabelText('Name')).toHaveValue('Payments Sync')
    expect(screen.getByLabelText(/^Description/)).toHaveValue('Settles card payments.')
    expect(screen.getByRole('radio', { name: /Kubernetes/ })).toBeChecked()
    expect(sent).toBe(1)

    await user.click(screen.getByRole('button', { name: 'Create deployment' }))
    await waitFor(() => expect(router.state.location.search).toBe('?created=1'))
    expect(sent).toBe(2)
  })

  it('sends a slow create once, however quickly it is pressed again', async () => {
    // No pause between the presses: the button must be disabled by the time the second one lands.
    const user = userEvent.setup({ delay: null })
    const held = backend.hold('CreateDeployment')
    const { router } = await openAsEditor()
    await user.type(screen.getByLabelText('Name'), 'Payments Sync')
    const create = screen.getByRole('button', { name: 'Create deployment' })
    await user.dblClick(create)
    await user.type(screen.getByLabelText('Name'), '{Enter}')
    await waitFor(() => expect(held.sent).toBe(1))
    expect(create).toBeDisabled()
    held.release()
    await waitFor(() => expect(router.state.location.search).toBe('?created=1'))
    expect(held.sent).toBe(1)
  })
})
