// The settings a newer platform adds: the DAG deployment mechanism (git-sync
// secrets write-only, NFS locations checked, DAG-only confirmed), upgrades as
// intent with cancel and marked versions, and variables exported as JSON.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { stableId } from '../../../mocks/houston/random'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend()
const settingsOf = (id: string, ws: string = SEED_IDS.dataPlatform) => `/workspaces/${ws}/deployments/${id}/settings`
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LWtleS1mb3ItdGhlLXRlc3Q=\n-----END OPENSSH PRIVATE KEY-----'
const HOSTS = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'

async function openAs(email: string, route = settingsOf(SEED_IDS.customerEtl)) {
  const user = userEvent.setup()
  const view = renderApp({ route, token: await backend.as(email) })
  await screen.findByRole('heading', { level: 1, name: /: settings$/ })
  const dags = screen.getByRole('region', { name: 'DAG deployment' })
  return { user, dags, ...view }
}

describe('DAG deployment', () => {
  it('sets up git-sync, and the SSH key is never shown again', async () => {
    const { user, dags, container } = await openAs('editor@example.com')
    expect(within(dags).getByRole('radio', { name: /^Image/ })).toBeChecked()
    await user.click(within(dags).getByRole('radio', { name: /^Git sync/ }))
    await user.type(within(dags).getByLabelText('Repository URL'), 'git@github.com:acme/etl-dags.git')
    await user.click(within(dags).getByRole('button', { name: 'Save DAG deployment' }))
    expect(await within(dags).findByText('A repository reached over SSH needs an SSH key: paste its private key.')).toBeInTheDocument()
    await user.click(within(dags).getByLabelText('SSH key'))
    await user.paste(KEY)
    await user.click(within(dags).getByLabelText('Known hosts'))
    await user.paste(HOSTS)
    await user.click(within(dags).getByRole('button', { name: 'Save DAG deployment' }))
    expect(await screen.findByText('DAG deployment saved: Git sync')).toBeInTheDocument()
    await waitFor(() => expect(within(dags).getByLabelText('SSH key')).toHaveValue(''))
    expect(within(dags).getByLabelText('SSH key')).toHaveAccessibleDescription(/A key is stored; it is never shown again/)
    expect(container.innerHTML).not.toContain('c2VjcmV0LWtleS1mb3ItdGhlLXRlc3Q')
    expect(within(dags).getByLabelText('Repository URL')).toHaveValue('git@github.com:acme/etl-dags.git')
  })

  it('checks an NFS location before sending it', async () => {
    const { user, dags } = await openAs('editor@example.com')
    await user.click(within(dags).getByRole('radio', { name: /^NFS volume/ }))
    await user.type(within(dags).getByLabelText('NFS location'), 'nfs://nfs.example.com/exports/dags')
    await user.click(within(dags).getByRole('button', { name: 'Save DAG deployment' }))
    expect(await within(dags).findByText(/is not an NFS location: write it as nfs:\/\/host:\/path/)).toBeInTheDocument()
    expect(within(dags).getByLabelText('NFS location')).toHaveAttribute('aria-invalid', 'true')
  })

  it('asks before switching to DAG-only deploys, which removes the deployed DAGs', async () => {
    const { user, dags } = await openAs('editor@example.com')
    await user.click(within(dags).getByRole('radio', { name: /^DAG-only deploys/ }))
    expect(within(dags).getByText(/removes the DAGs deployed now/)).toBeInTheDocument()
    await user.click(within(dags).getByRole('button', { name: 'Save DAG deployment' }))
    const dialog = await screen.findByRole('dialog', { name: 'Switch to DAG-only deploys?' })
    await user.click(within(dialog).getByRole('button', { name: 'Keep the current mechanism' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await user.click(within(dags).getByRole('button', { name: 'Save DAG deployment' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Switch and remove the deployed DAGs' }))
    expect(await screen.findByText('DAG deployment saved: DAG-only deploys')).toBeInTheDocument()
  })

  it('tells an editor a key is stored without showing it', async () => {
    const { dags, container } = await openAs('admin@example.com', settingsOf(stableId('deployment:feature-store'), SEED_IDS.mlResearch))
    expect(within(dags).getByRole('radio', { name: /^Git sync/ })).toBeChecked()
    expect(within(dags).getByLabelText('SSH key')).toHaveAccessibleDescription(/A key is stored/)
    expect(container.innerHTML).not.toContain('PRIVATE KEY-----\nc2VlZGVk')
  })

  it('shows a viewer the mechanism and its settings, with no control', async () => {
    const { dags } = await openAs('viewer@example.com')
    expect(within(dags).queryByRole('radio')).not.toBeInTheDocument()
    expect(within(dags).getByText('Image')).toBeInTheDocument()
  })
})

describe('variables export', () => {
  it('offers the variables as a JSON download with secrets masked, to viewers too', async () => {
    await openAs('viewer@example.com')
    const link = screen.getByRole('link', { name: 'Export as JSON' })
    expect(link).toHaveAttribute('download', expect.stringMatching(/-environment-variables\.json$/))
    const json = decodeURIComponent((link.getAttribute('href') ?? '').replace(/^data:application\/json;charset=utf-8,/, ''))
    expect(JSON.parse(json)).toContainEqual({ key: 'SNOWFLAKE_PASSWORD', value: '********', isSecret: true })
    expect(JSON.parse(json)).toContainEqual({ key: 'ENVIRONMENT', value: 'production', isSecret: false })
  })
})

describe('upgrades as intent', () => {
  it('records an upgrade, shows it in progress until CI deploys the image, and cancels it', async () => {
    const finance = stableId('deployment:finance-reporting')
    const { user } = await openAs('editor@example.com', settingsOf(finance))
    const upgrade = screen.getByRole('region', { name: 'Airflow version' })
    expect(within(upgrade).getByRole('combobox', { name: 'Upgrade to' })).toHaveDisplayValue('2.10.5')
    await user.click(within(upgrade).getByRole('button', { name: 'Upgrade…' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Upgrade to Airflow 2.10.5?' })).getByRole('button', { name: 'Upgrade to 2.10.5' }))
    expect(await within(upgrade).findByText('Upgrade from 2.9.3 to 2.10.5 in progress.')).toBeInTheDocument()
    expect(within(upgrade).getByText(/It completes when an image of Airflow 2\.10\.5 is deployed/)).toBeInTheDocument()
    await user.click(within(upgrade).getByRole('button', { name: 'Cancel upgrade…' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Cancel the upgrade to Airflow 2.10.5?' })).getByRole('button', { name: 'Cancel the upgrade' }))
    await waitFor(() => expect(within(upgrade).queryByText(/in progress/)).not.toBeInTheDocument())
    expect(within(upgrade).getByText('Running Airflow', { exact: false })).toHaveTextContent('Running Airflow 2.9.3.')
  })

  it('marks deprecated and yanked versions and refuses them to non-admins', async () => {
    const emailMetrics = stableId('deployment:email-metrics')
    await openAs('editor@example.com', settingsOf(emailMetrics, SEED_IDS.marketing))
    const select = within(screen.getByRole('region', { name: 'Airflow version' })).getByRole('combobox', { name: 'Upgrade to' })
    const options = within(select).getAllByRole<HTMLOptionElement>('option')
    expect(options.map((o) => [o.textContent, o.disabled])).toEqual([
      ['2.10.5', false],
      ['2.9.3', false],
      ['2.8.4', false],
      ['2.7.3 (yanked)', true],
    ])
    expect(screen.getByText(/This version is deprecated/)).toBeInTheDocument()
  })

  it('lets a workspace admin choose a yanked version', async () => {
    const emailMetrics = stableId('deployment:email-metrics')
    await openAs('wsadmin@example.com', settingsOf(emailMetrics, SEED_IDS.marketing))
    const select = within(screen.getByRole('region', { name: 'Airflow version' })).getByRole('combobox', { name: 'Upgrade to' })
    expect(within(select).getByRole<HTMLOptionElement>('option', { name: '2.7.3 (yanked)' }).disabled).toBe(false)
  })

  it('shows the seeded pending upgrade', async () => {
    await openAs('editor@example.com', settingsOf(stableId('deployment:campaign-attribution'), SEED_IDS.marketing))
    expect(screen.getByText('Upgrade from 2.9.3 to 2.10.5 in progress.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel upgrade…' })).toBeInTheDocument()
  })
})
