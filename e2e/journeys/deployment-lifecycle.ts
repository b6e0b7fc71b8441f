// The editor's whole deployment lifecycle, shared by the demo and the
// node-server projects so both backends are held to the same behaviour.
import { expect, type Page } from '@playwright/test'
import { expectNoSeriousA11yViolations, signInAs } from '../support/fixtures'

const main = (page: Page) => page.getByRole('main')

async function waitUntilHealthy(page: Page) {
  // The platform applies a change over a few seconds; the page follows it by itself.
  await expect(main(page).getByText('Healthy', { exact: true })).toBeVisible({ timeout: 20_000 })
}

export async function editorDeploymentLifecycle(page: Page, label: string) {
  await signInAs(page, 'editor@example.com')
  await page.getByRole('link', { name: 'New deployment' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New deployment' })).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill(label)
  await page.getByLabel('Description').fill('Exports for the finance team')
  await page.getByRole('radio', { name: /Celery/ }).check()
  await page.getByLabel('Airflow version').selectOption('2.9.3')
  // Celery at platform defaults on Airflow 2.9.3: 5 + 5 + 2 + 2 + 10 + 2 + 2 AU, and a 5 AU triggerer (2.2+)
  await expect(page.getByText('Total: 33 AU · 3.3 CPU · 12.38 GiB')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Create deployment' }).click()

  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible()
  const created = main(page).getByText(/Its release name is/)
  await expect(created).toBeVisible()
  const releaseName = (await main(page).locator('code').first().textContent())?.trim() ?? ''
  expect(releaseName).toMatch(/^[a-z]+-[a-z]+-\d{4}$/)
  await waitUntilHealthy(page)
  await expect(main(page).getByText('Celery', { exact: true })).toBeVisible()

  // Two env vars, one secret.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deployment settings' }).click()
  await page.getByRole('button', { name: 'Add variable' }).click()
  await page.getByLabel('Name of variable 1').fill('EXPORT_BUCKET')
  await page.getByLabel('Value of variable 1').fill('s3://finance-exports')
  await page.getByRole('button', { name: 'Add variable' }).click()
  await page.getByLabel('Name of variable 2').fill('EXPORT_TOKEN')
  await page.getByLabel('Value of variable 2').fill('s3cr3t-value')
  await page.getByRole('checkbox', { name: 'Secret (variable 2)' }).check()
  await page.getByRole('button', { name: 'Save variables' }).click()
  await expect(page.getByText('Environment variables saved')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Name of variable 1')).toHaveValue('EXPORT_BUCKET')
  await expect(page.getByLabel('Value of variable 1')).toHaveValue('s3://finance-exports')
  await expect(page.getByLabel('Name of variable 2')).toHaveValue('EXPORT_TOKEN')
  await expect(page.getByText('Stored secret: its value is never shown.')).toBeVisible()
  await expect(page.getByLabel('Value of variable 2')).not.toHaveValue('s3cr3t-value')
  expect(await page.content()).not.toContain('s3cr3t-value')

  // The env var change is applied by a redeploy; alerts wait for it.
  await expect(page.getByText(/A change is being applied/).first()).toBeHidden({ timeout: 20_000 })
  await page.getByLabel('Add alert emails').fill('finance-oncall@example.com')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Alert recipients' })).toContainText('finance-oncall@example.com')
  await page.reload()
  await expect(page.getByRole('list', { name: 'Alert recipients' })).toContainText('finance-oncall@example.com')

  // Upgrade: only newer versions are offered; confirmed; progress shown.
  const versions = await page.getByLabel('Upgrade to').locator('option').allTextContents()
  expect(versions).toEqual(['2.10.5'])
  await page.getByRole('button', { name: 'Upgrade…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Upgrade to Airflow 2.10.5?' })
  await dialog.getByRole('button', { name: 'Upgrade to 2.10.5' }).click()
  await expect(page.getByText('Upgrade from 2.9.3 to 2.10.5 in progress.')).toBeVisible()
  await expect(page.getByText('Running Airflow 2.10.5.')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText('This is the newest version the platform offers.')).toBeVisible()

  // Delete with the release name typed.
  await page.getByRole('button', { name: 'Delete deployment…' }).click()
  const confirm = page.getByRole('dialog', { name: `Delete ${label}?` })
  const deleteButton = confirm.getByRole('button', { name: 'Delete this deployment' })
  await expect(deleteButton).toBeDisabled()
  await confirm.getByLabel('Release name').fill(releaseName)
  await deleteButton.click()
  await expect(page.getByText(`Deployment “${label}” (${releaseName}) deleted`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('table')).toContainText('Customer ETL')
  await expect(page.getByRole('table')).not.toContainText(label)
}
