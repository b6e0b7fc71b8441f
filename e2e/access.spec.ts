// Access journeys: a deployment service account whose API key is shown once,
// deployment-level roles, the system admin pages, and what a viewer is shown
// (nothing they cannot use).
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

async function openCustomerEtl(page: Page) {
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible()
}

test('a workspace admin creates a deployment service account and copies its key, which is gone after a reload', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await signInAs(page, 'admin@example.com')
  await openCustomerEtl(page)
  await nav(page).getByRole('link', { name: 'Deployment service accounts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: service accounts' })).toBeVisible()

  await page.getByRole('button', { name: 'New service account' }).click()
  const dialog = page.getByRole('dialog', { name: 'New service account for deployment Customer ETL' })
  await dialog.getByLabel('Name').fill('Release pipeline')
  await dialog.getByLabel('Category (optional)').fill('GitHub Actions')
  await dialog.getByRole('radio', { name: 'Editor' }).check()
  await dialog.getByRole('button', { name: 'Create service account' }).click()

  const reveal = page.getByRole('dialog', { name: 'Service account Release pipeline created' })
  await expect(reveal.getByText('Copy this API key now: it will never be shown again.')).toBeVisible()
  const keyField = reveal.getByLabel('API key of Release pipeline')
  const key = await keyField.inputValue()
  expect(key).toMatch(/^[0-9a-f]{48}$/)
  await expectNoSeriousA11yViolations(page)
  await reveal.getByRole('button', { name: 'Copy API key' }).click()
  await expect(reveal.getByRole('button', { name: 'Copy API key' })).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await reveal.getByRole('button', { name: 'I have copied the key' }).click()
  await expect(reveal).toBeHidden()

  const table = page.getByRole('table', { name: 'Service accounts of deployment Customer ETL' })
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Release pipeline/ }) })
  await expect(row).toContainText('Editor')
  await expect(row).toContainText('Never')
  await expect(page.locator('body')).not.toContainText(key)

  await page.reload()
  await expect(row).toContainText('GitHub Actions')
  await expect(page.locator('body')).not.toContainText(key)
  // Nor is it anywhere the page could read it back from.
  const stored = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((storage) => Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '') ?? '')).join('\n'),
  )
  expect(stored).not.toContain(key)
  await expectNoSeriousA11yViolations(page)

  await row.getByRole('button', { name: 'Delete Release pipeline' }).click()
  await page.getByRole('dialog', { name: 'Delete service account Release pipeline?' }).getByRole('button', { name: 'Delete service account' }).click()
  await expect(row).toHaveCount(0)
  await page.reload()
  await expect(table.getByRole('rowheader', { name: /Deploy bot/ })).toBeVisible()
  await expect(row).toHaveCount(0)
})

test('a workspace admin gives a viewer an editor role on one deployment only', async ({ page }) => {
  await signInAs(page, 'admin@example.com')
  await openCustomerEtl(page)
  await nav(page).getByRole('link', { name: 'Access' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: access' })).toBeVisible()
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Victor Okafor/ }) })
  await row.getByRole('button', { name: 'Set deployment role of Victor Okafor' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deployment role of Victor Okafor on Customer ETL' })
  await dialog.getByRole('radio', { name: 'Editor' }).check()
  await expect(dialog.getByRole('status')).toContainText('Effective role on Customer ETL after saving: Editor')
  await dialog.getByRole('button', { name: 'Save deployment role' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(row.getByRole('cell')).toHaveText(['Viewer', 'Editor', 'Editor', /Change deployment role/])
  await expectNoSeriousA11yViolations(page)
})

test('a system admin grants a system role and deactivates a user, who then cannot sign in', async ({ page }) => {
  await signInAs(page, 'admin@example.com')
  await nav(page).getByRole('link', { name: 'Users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search' }).fill('Nico')
  await expect(page).toHaveURL(/\?q=Nico$/)
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Nico Brandt/ }) })
  await expect(page.getByRole('table', { name: /^Users/ }).getByRole('rowheader')).toHaveCount(1)

  await row.getByRole('button', { name: 'System roles of Nico Brandt' }).click()
  const roles = page.getByRole('dialog', { name: 'System roles of Nico Brandt' })
  await roles.getByRole('button', { name: 'Grant system viewer' }).click()
  await expect(roles.getByRole('button', { name: 'Revoke system viewer' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await roles.getByRole('button', { name: 'Close' }).click()
  await expect(row).toContainText('System viewer')

  await row.getByRole('button', { name: 'Deactivate Nico Brandt' }).click()
  await page.getByRole('dialog', { name: 'Deactivate Nico Brandt?' }).getByRole('button', { name: 'Deactivate user' }).click()
  await expect(row).toContainText('Deactivated')
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('Nico')
  await expect(row).toContainText('System viewer')
  await expect(row).toContainText('Deactivated')
  await expect(row.getByRole('button', { name: 'Reactivate Nico Brandt' })).toBeVisible()

  await page.getByRole('button', { name: 'Account menu' }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await page.getByLabel('Email', { exact: true }).fill('newbie@example.com')
  await page.getByLabel('Password', { exact: true }).fill('demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('deactivated')
})

test('the system admin lists stay paged and fast with 10,000 users and 1,000 deployments', async ({ page }) => {
  // The demo backend remembers the seed once the page has started with it.
  await page.goto('/sign-in?seed=large')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await signInAs(page, 'admin@example.com')
  await nav(page).getByRole('link', { name: 'Users' }).click()
  await expect(page.getByText('Users 1–50')).toBeVisible({ timeout: 15_000 })
  const firstRow = page.getByRole('table', { name: /^Users/ }).getByRole('rowheader').first()
  const firstOnFirstPage = await firstRow.textContent()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByText('Users 51–100')).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/users\?after=[0-9a-f-]{36}$/)
  // The first page stays on screen until the second arrives.
  await expect(firstRow).not.toHaveText(firstOnFirstPage ?? '', { timeout: 15_000 })
  const secondPage = page.url()
  const firstOnSecondPage = await firstRow.textContent()

  await page.reload()
  // The large seed is too big for the demo's localStorage, so a reload starts it afresh
  // (signed out); the URL still names the same page of the same users.
  const signIn = page.getByRole('heading', { level: 1, name: 'Sign in' })
  const users = page.getByRole('heading', { level: 1, name: 'Users' })
  await expect(signIn.or(users)).toBeVisible({ timeout: 15_000 })
  if (await signIn.isVisible()) {
    await page.getByLabel('Email', { exact: true }).fill('admin@example.com')
    await page.getByLabel('Password', { exact: true }).fill('demo')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }
  await expect(users).toBeVisible({ timeout: 15_000 })
  expect(page.url()).toBe(secondPage)
  await expect(page.getByRole('table', { name: /^Users/ }).getByRole('rowheader').first()).toHaveText(firstOnSecondPage ?? '')
  await expect(page.getByRole('table', { name: /^Users/ }).getByRole('rowheader')).toHaveCount(50)

  await page.getByRole('searchbox', { name: 'Search' }).fill('scale.user09999')
  await expect(page.getByRole('table', { name: /^Users/ }).getByRole('rowheader')).toHaveCount(1)
  await expect(page.getByRole('table', { name: /^Users/ })).toContainText('scale.user09999@scale.example.com')
  await expectNoSeriousA11yViolations(page)

  await nav(page).getByRole('link', { name: 'All deployments' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'All deployments' })).toBeVisible()
  await expect(page.getByText(/page 1 of 21/)).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page).toHaveURL(/page=2/)
  await page.getByRole('searchbox', { name: 'Search' }).fill('warehouse sync')
  await page.getByRole('link', { name: 'Warehouse Sync' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Warehouse Sync' })).toBeVisible()
})

test('a viewer opening member, access and admin URLs sees no control, and the forbidden page', async ({ page }) => {
  await signInAs(page, 'viewer@example.com')
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await nav(page).getByRole('link', { name: 'Members' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform: members' })).toBeVisible()
  const membersUrl = page.url()
  await page.reload()
  await expect(page.getByRole('table', { name: /Members and pending invites/ }).getByRole('rowheader', { name: /Priya Shah/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /Invite|Change role|Remove|Revoke|Leave/ })).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)

  await nav(page).getByRole('link', { name: 'Service accounts' }).click()
  await expect(page.getByRole('table', { name: /Service accounts of workspace Data Platform/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /New service account|Delete/ })).toHaveCount(0)

  await nav(page).getByRole('link', { name: 'Overview' }).click()
  await openCustomerEtl(page)
  await nav(page).getByRole('link', { name: 'Access' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: access' })).toBeVisible()
  await expect(page.getByRole('button', { name: /deployment role/ })).toHaveCount(0)

  await expect(nav(page).getByRole('link', { name: 'Users' })).toHaveCount(0)
  for (const path of ['/admin/users', '/admin/deployments']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: "You don't have access" })).toBeVisible()
    await expect(page.getByRole('table')).toHaveCount(0)
  }
  await expectNoSeriousA11yViolations(page)

  // The members URL opened directly (deep link) still shows no control.
  await page.goto(membersUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform: members' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Invite|Change role|Remove|Revoke/ })).toHaveCount(0)
})

test('a user with no role in a workspace gets the forbidden page for its members', async ({ page }) => {
  await signInAs(page, 'wsadmin@example.com')
  await nav(page).getByRole('link', { name: 'Members' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Marketing Analytics: members' })).toBeVisible()
  const url = page.url()
  await page.getByRole('button', { name: 'Account menu' }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await signInAs(page, 'newbie@example.com')
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: "You don't have access" })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: "You don't have access" })).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
})
