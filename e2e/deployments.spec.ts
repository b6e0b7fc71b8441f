import { editorDeploymentLifecycle } from './journeys/deployment-lifecycle'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

test('an editor creates a Celery deployment, sets env vars and alerts, upgrades and deletes it', async ({ page }) => {
  test.setTimeout(90_000)
  await editorDeploymentLifecycle(page, 'Finance Exports')
})

test('a viewer opens the same screens and finds nothing to change', async ({ page }) => {
  await signInAs(page, 'viewer@example.com')
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible()
  const main = page.getByRole('main')
  await expect(main.getByRole('button')).toHaveText(['Copy'])
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deployment settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible()
  await expect(main.getByRole('textbox')).toHaveCount(0)
  await expect(main.getByRole('button')).toHaveCount(0)
  await expect(main.getByRole('combobox')).toHaveCount(0)
  await expect(main.getByText('•••••• secret (write-only)').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible()
  await expect(main.getByRole('button')).toHaveCount(0)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform: settings' })).toBeVisible()
  await expect(main.getByRole('textbox')).toHaveCount(0)
  await expect(main.getByRole('button')).toHaveCount(0)
})

test('an admin creates a workspace and deletes it; a workspace with deployments is refused', async ({ page }) => {
  await signInAs(page, 'admin@example.com')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All workspaces' }).click()
  await page.getByRole('button', { name: 'Create workspace' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a workspace' })
  await dialog.getByLabel('Name').fill('Temporary Team')
  await dialog.getByLabel('Description').fill('For a short project')
  await dialog.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Temporary Team' })).toBeVisible()
  await expect(page.getByText('No deployments yet')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Temporary Team' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Delete workspace…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete Temporary Team?' })
  await confirm.getByLabel('Workspace name').fill('Temporary Team')
  await confirm.getByRole('button', { name: 'Delete this workspace' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible()
  await expect(page.getByText('Workspace “Temporary Team” deleted')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('link', { name: 'Data Platform' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Temporary Team' })).toHaveCount(0)

  // A workspace that still has deployments cannot go.
  await page.getByRole('link', { name: 'Data Platform' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByText(/still has 6 deployments/)).toBeVisible()
  await page.getByRole('button', { name: 'Delete workspace…' }).click()
  const refuse = page.getByRole('dialog', { name: 'Delete Data Platform?' })
  await refuse.getByLabel('Workspace name').fill('Data Platform')
  await refuse.getByRole('button', { name: 'Delete this workspace' }).click()
  await expect(refuse.getByRole('alert')).toContainText(/deployment/)
})

test('an editor may not delete a workspace', async ({ page }) => {
  await signInAs(page, 'editor@example.com')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform: settings' })).toBeVisible()
  await expect(page.getByLabel('Name')).toBeEditable()
  await expect(page.getByRole('button', { name: 'Delete workspace…' })).toHaveCount(0)
})
