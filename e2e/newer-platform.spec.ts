// Issue 8: what newer platforms give a deployment. Custom resources with a
// scheduler count and a triggerer, git-sync with a write-only SSH key, deploy
// history with rollback, and upgrades as intent. Expected numbers come from
// the AU module, so the screens, the module and the fake backend must agree.
import type { Page, Response } from '@playwright/test'
import { deploymentResources, formatCpu, formatMemory, type Sizing, sizingFromConfig, totalAu, withCustomResources, withStrategy } from '../src/lib/au'
import { PLATFORM } from '../mocks/houston/platform'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

const main = (page: Page) => page.getByRole('main')
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

async function openDeployment(page: Page, label: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await page.getByRole('link', { name: label }).click()
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible()
}

async function waitUntilHealthy(page: Page) {
  await expect(main(page).getByText('Deploying', { exact: true })).toHaveCount(0, { timeout: 20_000 })
}

/** Customer ETL as seeded: Celery at the defaults with 3 workers of 10 AU (48 AU). */
function customerEtl(): Sizing {
  const celery = { executor: 'CeleryExecutor' as const }
  const res = (au: number) => ({ resources: { limits: { cpu: au * 100, memory: au * 384 } } })
  return sizingFromConfig(PLATFORM, { ...celery, scheduler: res(5), webserver: res(5), workers: { ...res(10), replicas: 3 } }, { extra_au: 0 })
}

test('an editor moves a deployment to custom resources: 2 schedulers of 1.5 cores and 3 GiB and a triggerer, saved and found after a reload', async ({ page }) => {
  test.setTimeout(90_000)
  // What the module says the new size is: the screens and the backend must say the same.
  const before = customerEtl()
  let after = withCustomResources(PLATFORM, withStrategy(PLATFORM, before, 'custom'), 'scheduler', { cpu: 1500, memory: 3072 })
  after = { ...after, components: { ...after.components, scheduler: { au: 15, cpu: 1500, memory: 3072, replicas: 2 }, triggerer: { au: 5, cpu: 500, memory: 1920, replicas: 1 } } }
  const now = deploymentResources(PLATFORM, before)
  const next = deploymentResources(PLATFORM, after)
  expect(totalAu(PLATFORM, before)).toBe(48)
  expect(next).toEqual({ cpu: 7800, memory: 24576, pods: 11 })
  expect(totalAu(PLATFORM, after)).toBe(78)

  await signInAs(page, 'editor@example.com')
  await openDeployment(page, 'Customer ETL')
  await nav(page).getByRole('link', { name: 'Configure' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: resources' })).toBeVisible()

  await page.getByRole('radio', { name: /Custom CPU and memory/ }).check()
  await page.getByLabel('Scheduler CPU unit').selectOption('cores')
  await page.getByRole('spinbutton', { name: 'Scheduler CPU' }).fill('1.5')
  await page.getByLabel('Scheduler memory unit').selectOption('GiB')
  await page.getByRole('spinbutton', { name: 'Scheduler memory' }).fill('3')
  await page.getByRole('spinbutton', { name: 'Scheduler count' }).fill('2')
  await page.getByRole('spinbutton', { name: 'Triggerer replicas' }).fill('1')

  const totals = page.getByRole('region', { name: 'Totals' })
  await expect(totals.getByRole('row', { name: `CPU ${formatCpu(now.cpu)} ${formatCpu(next.cpu)}`, exact: true })).toBeVisible()
  await expect(totals.getByRole('row', { name: `Memory ${formatMemory(now.memory)} ${formatMemory(next.memory)}`, exact: true })).toBeVisible()
  await expect(totals.getByRole('row', { name: `Pods ${now.pods} ${next.pods}`, exact: true })).toBeVisible()
  await expect(totals.getByRole('row', { name: 'Total AU 48 AU 78 AU', exact: true })).toBeVisible()
  // The ResourceQuota doubles the components: 15.6 CPU, 48 GiB, 22 pods.
  await expect(totals.getByText(formatCpu(2 * next.cpu), { exact: true })).toBeVisible()
  await expect(totals.getByText(formatMemory(2 * next.memory), { exact: true })).toBeVisible()
  // The workspace quota in CPU and memory: Data Platform uses 18.7 CPU of 25, and 18.7 - 4.8 + 7.8 after.
  await expect(totals.getByText('21.7 CPU (3.3 CPU left)')).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('button', { name: /^Review changes/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Review changes to Customer ETL' })
  await expect(dialog.getByRole('row', { name: 'Resource strategy Astronomer Units (AU) Custom CPU and memory' })).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'Scheduler CPU 500 millicores 1.5 cores' })).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'Scheduler memory 1.875 GiB 3 GiB' })).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'Scheduler count 1 2' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Saved: Customer ETL is deploying at 78 AU')).toBeVisible()
  await expect(page.getByText('Healthy', { exact: true }).first()).toBeVisible({ timeout: 20_000 })

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: resources' })).toBeVisible()
  await expect(page.getByRole('radio', { name: /Custom CPU and memory/ })).toBeChecked()
  await expect(page.getByRole('spinbutton', { name: 'Scheduler CPU' })).toHaveValue('1.5')
  await expect(page.getByLabel('Scheduler CPU unit')).toHaveValue('cores')
  await expect(page.getByRole('spinbutton', { name: 'Scheduler memory' })).toHaveValue('3')
  await expect(page.getByLabel('Scheduler memory unit')).toHaveValue('GiB')
  await expect(page.getByRole('spinbutton', { name: 'Scheduler count' })).toHaveValue('2')
  await expect(page.getByRole('spinbutton', { name: 'Triggerer replicas' })).toHaveValue('1')
  await expect(totals.getByRole('row', { name: `CPU ${formatCpu(next.cpu)}`, exact: true })).toBeVisible()
  await expect(totals.getByRole('row', { name: 'Total AU 78 AU', exact: true })).toBeVisible()

  // The overview and the workspace quota agree with the module.
  await nav(page).getByRole('link', { name: 'Deployment overview' }).click()
  await expect(main(page).getByText(`78 AU · ${formatCpu(next.cpu)} · ${formatMemory(next.memory)}`)).toBeVisible()
  await nav(page).getByRole('link', { name: 'Overview', exact: true }).click()
  await expect(page.getByRole('meter', { name: 'AU quota used' })).toHaveAttribute('aria-valuenow', String(187 - 48 + 78))
})

const SSH_KEY = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAAE2UyZS1qb3VybmV5LW5ldmVyLXNob3du', '-----END OPENSSH PRIVATE KEY-----'].join('\n')
const KEY_BODY = 'b3BlbnNzaC1rZXktdjEAAAAAE2UyZS1qb3VybmV5LW5ldmVyLXNob3du'
const KNOWN_HOSTS = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'

test('an editor sets up git-sync and finds the SSH key is never shown again, nor sent back', async ({ page }) => {
  // Every GraphQL answer the page gets, to prove the key never comes back.
  const answers: Promise<string>[] = []
  page.on('response', (response: Response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/v1')) answers.push(response.text().catch(() => ''))
  })
  await signInAs(page, 'editor@example.com')
  await openDeployment(page, 'Customer ETL')
  await nav(page).getByRole('link', { name: 'Deployment settings' }).click()
  const dags = page.getByRole('region', { name: 'DAG deployment' })
  await expect(dags.getByRole('radio', { name: /^Image/ })).toBeChecked()
  await dags.getByRole('radio', { name: /^Git sync/ }).check()
  await dags.getByLabel('Repository URL').fill('git@github.com:acme/etl-dags.git')
  await dags.getByRole('textbox', { name: 'Branch' }).fill('main')
  await dags.getByLabel('Sync interval (seconds)').fill('30')
  await dags.getByLabel('SSH key').fill(SSH_KEY)
  await dags.getByLabel('Known hosts').fill(KNOWN_HOSTS)
  await expectNoSeriousA11yViolations(page)
  await dags.getByRole('button', { name: 'Save DAG deployment' }).click()
  await expect(page.getByText('DAG deployment saved: Git sync')).toBeVisible()
  await expect(dags.getByLabel('SSH key')).toHaveValue('')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible()
  await expect(dags.getByRole('radio', { name: /^Git sync/ })).toBeChecked()
  await expect(dags.getByLabel('Repository URL')).toHaveValue('git@github.com:acme/etl-dags.git')
  await expect(dags.getByLabel('Sync interval (seconds)')).toHaveValue('30')
  await expect(dags.getByLabel('SSH key')).toHaveValue('')
  await expect(dags.getByLabel('SSH key')).toHaveAccessibleDescription(/A key is stored; it is never shown again/)
  await expect(dags.getByLabel('Known hosts')).toHaveAccessibleDescription(/Known hosts are stored; they are never shown again/)
  expect(await page.content()).not.toContain(KEY_BODY)
  const bodies = await Promise.all(answers)
  expect(bodies.some((b) => b.includes('"sshKeySet":true'))).toBe(true)
  for (const body of bodies) expect(body).not.toContain(KEY_BODY)
  await expectNoSeriousA11yViolations(page)

  // With git-sync, deploys cannot be rolled back: the history says so.
  await waitUntilHealthy(page)
  await nav(page).getByRole('link', { name: 'Deploy history' }).click()
  await expect(page.getByText(/Rollback is not available: Customer ETL takes its DAGs from git-sync/)).toBeVisible()
  await expect(main(page).getByRole('button', { name: /^Redeploy/ })).toHaveCount(0)
})

test('an editor rolls back to an earlier revision and sees what changed', async ({ page }) => {
  await signInAs(page, 'editor@example.com')
  await openDeployment(page, 'Customer ETL')
  await nav(page).getByRole('link', { name: 'Deploy history' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: deploy history' })).toBeVisible()
  const table = main(page).getByRole('table')
  await expect(table.getByRole('row')).toHaveCount(11)
  await expect(table.getByRole('row').nth(1)).toContainText('deploy-42')
  await expect(table.getByRole('row').nth(1)).toContainText('Running')
  await expectNoSeriousA11yViolations(page)

  // Paging lives in the URL and survives a reload.
  await page.getByRole('button', { name: 'Older' }).click()
  await expect(page).toHaveURL(/\?page=2$/)
  await expect(table.getByRole('row').nth(1)).toContainText('deploy-32')
  await page.reload()
  await expect(page.getByText('Page 2 of 5', { exact: true })).toBeVisible()
  await expect(table.getByRole('row').nth(1)).toContainText('deploy-32')
  await page.getByRole('button', { name: 'Newer' }).click()
  await expect(page.getByText('Page 1 of 5', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Redeploy deploy-34…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Redeploy deploy-34?' })
  await expect(dialog.getByRole('row', { name: 'Code (image) deploy-42 deploy-34' })).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'Airflow version 2.10.5 2.9.3' })).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'DAG deployment Image Image (unchanged)' })).toBeVisible()
  await expect(dialog.getByText(/Resources: the executor, sizes/)).toBeVisible()
  await expect(dialog.getByText('Environment variables and alert emails')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Redeploy deploy-34' }).click()
  await expect(dialog.getByText('Say why you roll back: a description is required.')).toBeVisible()
  await dialog.getByLabel('Description').fill('deploy-42 broke the nightly orders load')
  await dialog.getByRole('button', { name: 'Redeploy deploy-34' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Rolling back Customer ETL to deploy-34')).toBeVisible()
  await expect(page.getByText(/43 deploys/)).toBeVisible()
  await expect(table.getByRole('row').nth(1)).toContainText('Redeploy of deploy-34')
  await expect(table.getByRole('row').nth(1)).toContainText('deploy-42 broke the nightly orders load')
  await expect(table.getByRole('row').nth(1)).toContainText('Running', { timeout: 20_000 })

  await page.reload()
  await expect(table.getByRole('row').nth(1)).toContainText('deploy-34')
  await expect(table.getByRole('row').nth(1)).toContainText('Erin Chen')
  await expect(table.getByRole('row').nth(2)).toContainText('deploy-42')
  // The Airflow version came back with the code.
  await nav(page).getByRole('link', { name: 'Deployment overview' }).click()
  await expect(main(page).getByRole('definition').filter({ hasText: /^2\.9\.3$/ })).toBeVisible()
})

test('an upgrade is started, stays in progress across a reload, and is cancelled', async ({ page }) => {
  await signInAs(page, 'editor@example.com')
  await openDeployment(page, 'Finance Reporting')
  await nav(page).getByRole('link', { name: 'Deployment settings' }).click()
  const upgrade = page.getByRole('region', { name: 'Airflow version' })
  await expect(upgrade.getByText('Running Airflow 2.9.3.')).toBeVisible()
  await expect(upgrade.getByLabel('Upgrade to').locator('option')).toHaveText(['2.10.5'])
  await upgrade.getByRole('button', { name: 'Upgrade…' }).click()
  await page.getByRole('dialog', { name: 'Upgrade to Airflow 2.10.5?' }).getByRole('button', { name: 'Upgrade to 2.10.5' }).click()
  await expect(upgrade.getByText('Upgrade from 2.9.3 to 2.10.5 in progress.')).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // An intent, not a rollout: it stays until an image of 2.10.5 is deployed.
  await page.reload()
  await expect(upgrade.getByText('Upgrade from 2.9.3 to 2.10.5 in progress.')).toBeVisible()
  await expect(upgrade.getByText(/It completes when an image of Airflow 2\.10\.5 is deployed/)).toBeVisible()
  await upgrade.getByRole('button', { name: 'Cancel upgrade…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Cancel the upgrade to Airflow 2.10.5?' })
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Cancel the upgrade' }).click()
  await expect(page.getByText('Upgrade to Airflow 2.10.5 cancelled')).toBeVisible()
  await expect(upgrade.getByText(/in progress/)).toHaveCount(0)

  await page.reload()
  await expect(upgrade.getByText('Running Airflow 2.9.3.')).toBeVisible()
  await expect(upgrade.getByText(/in progress/)).toHaveCount(0)
  await expect(upgrade.getByRole('button', { name: 'Upgrade…' })).toBeEnabled()
})
