import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { graphql, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()
const route = `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/settings`

async function openAs(email: string) {
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: 'Customer ETL: settings' })
  return view
}

describe('deployment settings: environment variables', () => {
  it('shows secrets masked and never puts their value in the page', async () => {
    const { container } = await openAs('editor@example.com')
    expect(screen.getByLabelText('Name of variable 3')).toHaveValue('SNOWFLAKE_PASSWORD')
    expect(screen.getByLabelText('Value of variable 3')).not.toHaveValue('hunter2-prod')
    expect(container.innerHTML).not.toContain('hunter2-prod')
    expect(screen.getAllByText('Stored secret: its value is never shown.')).toHaveLength(2)
  })

  it('refuses a platform name and a duplicate before sending anything', async () => {
    const user = userEvent.setup()
    let sent = 0
    backend.server.use(
      graphql.mutation('UpdateDeploymentVariables', () => {
        sent += 1
        return HttpResponse.json({ data: null })
      }),
    )
    await openAs('editor@example.com')
    await user.click(screen.getByRole('button', { name: 'Add variable' }))
    await user.type(screen.getByLabelText('Name of variable 5'), 'AIRFLOW__CORE__EXECUTOR')
    await user.click(screen.getByRole('button', { name: 'Add variable' }))
    await user.type(screen.getByLabelText('Name of variable 6'), 'ENVIRONMENT')
    await user.click(screen.getByRole('button', { name: 'Save variables' }))
    expect(await screen.findByText('AIRFLOW__CORE__EXECUTOR is set by the platform and cannot be overridden.')).toBeInTheDocument()
    expect(screen.getByText('ENVIRONMENT is already in the list.')).toBeInTheDocument()
    expect(screen.getByLabelText('Name of variable 6')).toHaveAttribute('aria-invalid', 'true')
    expect(sent).toBe(0)
  })

  it('places a server refusal on the row it concerns and keeps what was typed', async () => {
    const user = userEvent.setup()
    backend.server.use(
      graphql.mutation('UpdateDeploymentVariables', () =>
        HttpResponse.json({
          errors: [{ message: 'That name is reserved on this platform.', extensions: { code: 'BAD_USER_INPUT', field: 'environmentVariables[4].key' } }],
        }),
      ),
    )
    await openAs('editor@example.com')
    await user.click(screen.getByRole('button', { name: 'Add variable' }))
    await user.type(screen.getByLabelText('Name of variable 5'), 'CUSTOM_FLAG')
    await user.type(screen.getByLabelText('Value of variable 5'), 'on')
    await user.click(screen.getByRole('button', { name: 'Save variables' }))
    expect(await screen.findByText('That name is reserved on this platform.')).toBeInTheDocument()
    expect(screen.getByLabelText('Name of variable 5')).toHaveValue('CUSTOM_FLAG')
    expect(screen.getByLabelText('Value of variable 5')).toHaveValue('on')
  })

  it('saves a new secret and keeps stored secrets by sending no value for them', async () => {
    const user = userEvent.setup()
    const sent: unknown[] = []
    backend.server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') void request.clone().json().then((body: unknown) => sent.push(body))
    })
    await openAs('editor@example.com')
    await user.click(screen.getByRole('button', { name: 'Add variable' }))
    await user.type(screen.getByLabelText('Name of variable 5'), 'NEW_TOKEN')
    await user.type(screen.getByLabelText('Value of variable 5'), 'tok-123')
    await user.click(screen.getByRole('checkbox', { name: 'Secret (variable 5)' }))
    await user.click(screen.getByRole('button', { name: 'Save variables' }))
    expect(await screen.findByText('Environment variables saved')).toBeInTheDocument()
    const update = sent.find((b) => JSON.stringify(b).includes('UpdateDeploymentVariables')) as { variables: { environmentVariables: unknown[] } }
    expect(update.variables.environmentVariables).toEqual([
      { key: 'ENVIRONMENT', value: 'production', isSecret: false },
      { key: 'SNOWFLAKE_ACCOUNT', value: 'acme-prod', isSecret: false },
      { key: 'SNOWFLAKE_PASSWORD', value: null, isSecret: true },
      { key: 'SLACK_WEBHOOK_URL', value: null, isSecret: true },
      { key: 'NEW_TOKEN', value: 'tok-123', isSecret: true },
    ])
    backend.server.events.removeAllListeners()
    await waitFor(() => expect(screen.getByLabelText('Value of variable 5')).not.toHaveValue('tok-123'))
  })
})

describe('deployment settings by role', () => {
  it('shows a viewer every setting with no control', async () => {
    await openAs('viewer@example.com')
    const main = screen.getByRole('main')
    expect(within(main).queryAllByRole('button')).toEqual([])
    expect(within(main).queryAllByRole('textbox')).toEqual([])
    expect(within(main).getByText('SNOWFLAKE_ACCOUNT')).toBeInTheDocument()
    expect(within(main).getAllByText('•••••• secret (write-only)')).toHaveLength(2)
    expect(within(main).getByText('data-oncall@example.com')).toBeInTheDocument()
  })

  it('offers deletion only to a deployment admin, with the release name typed', async () => {
    const user = userEvent.setup()
    await openAs('admin@example.com')
    await user.click(screen.getByRole('button', { name: 'Delete deployment…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete Customer ETL?' })
    const confirm = within(dialog).getByRole('button', { name: 'Delete this deployment' })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText('Release name'), 'not-the-name')
    expect(confirm).toBeDisabled()
  })

  it('gives an editor no delete control', async () => {
    await openAs('editor@example.com')
    expect(screen.queryByRole('button', { name: 'Delete deployment…' })).not.toBeInTheDocument()
  })
})

describe('deployment settings: details when saving fails or is slow', () => {
  it('says the server failed, keeps what was typed, and sends the save once; saving again works', async () => {
    const user = userEvent.setup()
    let sent = 0
    backend.server.use(
      graphql.mutation('UpdateDeploymentDetails', () => {
        sent += 1
        return sent === 1 ? new Response('upstream connect error', { status: 500 }) : undefined
      }),
    )
    await openAs('editor@example.com')
    const details = screen.getByRole('region', { name: 'Details' })
    const name = within(details).getByLabelText('Name')
    await user.clear(name)
    await user.type(name, 'Customer ETL v2')
    await user.type(within(details).getByLabelText('Description'), ' Hourly now.')
    await user.click(within(details).getByRole('button', { name: 'Save details' }))
    expect(await within(details).findByRole('alert')).toHaveTextContent('The server answered with an error (HTTP 500). Try again in a moment.')
    expect(name).toHaveValue('Customer ETL v2')
    expect(within(details).getByLabelText('Description')).toHaveValue('Nightly customer and orders loads into the warehouse. Hourly now.')
    expect(sent).toBe(1)

    await user.click(within(details).getByRole('button', { name: 'Save details' }))
    expect(await screen.findByText('Details saved')).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 1, name: 'Customer ETL v2: settings' })).toBeInTheDocument()
    expect(within(details).queryByRole('alert')).not.toBeInTheDocument()
    expect(sent).toBe(2)
  })

  it('sends a slow save once, however quickly it is pressed again', async () => {
    // No pause between the presses: the button must be disabled by the time the second one lands.
    const user = userEvent.setup({ delay: null })
    const held = backend.hold('UpdateDeploymentDetails')
    await openAs('editor@example.com')
    const details = screen.getByRole('region', { name: 'Details' })
    const name = within(details).getByLabelText('Name')
    await user.type(name, ' (slow)')
    const save = within(details).getByRole('button', { name: 'Save details' })
    await user.dblClick(save)
    await user.type(name, '{Enter}')
    await waitFor(() => expect(held.sent).toBe(1))
    expect(save).toBeDisabled()
    held.release()
    expect(await screen.findByText('Details saved')).toBeInTheDocument()
    expect(held.sent).toBe(1)
  })
})

describe('deployment settings: details changed elsewhere', () => {
  it('follows a rename made elsewhere once the screen refreshes, keeps the description being typed, and sends only that', async () => {
    const user = userEvent.setup()
    const payloads: unknown[] = []
    backend.server.events.on('request:start', ({ request }) => {
      if (request.method !== 'POST') return
      void request
        .clone()
        .json()
        .then((body: { operationName?: string; variables?: { payload?: unknown } }) => {
          if (body.operationName === 'UpdateDeploymentDetails') payloads.push(body.variables?.payload)
        })
    })
    await openAs('editor@example.com')
    const details = screen.getByRole('region', { name: 'Details' })
    await user.type(within(details).getByLabelText('Description'), ' Hourly now.')

    // Someone else renames the deployment; the console refreshes when the connection comes back.
    await backend.houston.execute({
      query: 'mutation($id: Uuid!, $p: JSON) { updateDeployment(deploymentUuid: $id, payload: $p) { id } }',
      variables: { id: SEED_IDS.customerEtl, p: { label: 'Customer ETL (renamed)' } },
      token: await backend.as('admin@example.com'),
    })
    act(() => {
      window.dispatchEvent(new Event('online'))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Customer ETL (renamed): settings' })).toBeInTheDocument()
    await waitFor(() => expect(within(details).getByLabelText('Name')).toHaveValue('Customer ETL (renamed)'))
    expect(within(details).getByLabelText('Description')).toHaveValue('Nightly customer and orders loads into the warehouse. Hourly now.')

    await user.click(within(details).getByRole('button', { name: 'Save details' }))
    expect(await screen.findByText('Details saved')).toBeInTheDocument()
    expect(payloads).toEqual([{ description: 'Nightly customer and orders loads into the warehouse. Hourly now.' }])
    expect(screen.getByRole('heading', { level: 1, name: 'Customer ETL (renamed): settings' })).toBeInTheDocument()
    backend.server.events.removeAllListeners()
  })
})

describe('deployment settings: other slow saves', () => {
  /** Holds every answer to `operation` until the returned function is called; counts the requests. */
  function holdAnswers(operation: string) {
    const state = { sent: 0 }
    let answer: () => void = () => undefined
    const answered = new Promise<void>((resolve) => {
      answer = resolve
    })
    backend.server.use(
      graphql.mutation(operation, async () => {
        state.sent += 1
        await answered
        return undefined
      }),
    )
    return { state, answer: () => answer() }
  }

  it('sends slow environment variables once, however quickly Save is pressed again', async () => {
    const user = userEvent.setup({ delay: null })
    const held = holdAnswers('UpdateDeploymentVariables')
    await openAs('editor@example.com')
    await user.type(screen.getByLabelText('Value of variable 1'), '-eu')
    const save = screen.getByRole('button', { name: 'Save variables' })
    await user.dblClick(save)
    await waitFor(() => expect(held.state.sent).toBe(1))
    expect(save).toBeDisabled()
    held.answer()
    expect(await screen.findByText('Environment variables saved')).toBeInTheDocument()
    expect(held.state.sent).toBe(1)
  })

  it('sends a slow DAG deployment change once, however quickly Save is pressed again', async () => {
    const user = userEvent.setup({ delay: null })
    const held = holdAnswers('UpdateDagDeployment')
    await openAs('editor@example.com')
    await user.click(screen.getByRole('radio', { name: /^NFS volume/ }))
    await user.type(screen.getByLabelText(/^NFS location/), 'nfs://nfs.example.com:/exports/etl-dags')
    const save = screen.getByRole('button', { name: 'Save DAG deployment' })
    await user.dblClick(save)
    await waitFor(() => expect(held.state.sent).toBe(1))
    expect(save).toBeDisabled()
    held.answer()
    expect(await screen.findByText(/^DAG deployment saved/)).toBeInTheDocument()
    expect(held.state.sent).toBe(1)
  })
})
