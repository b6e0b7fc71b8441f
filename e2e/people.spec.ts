// People and access journeys: inviting several people at once, managing
// members and invites, and the last-admin rule, with every state proved
// by a reload (the demo backend keeps its state in the browser's storage).
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

/** Tom Baker is a viewer of Marketing Analytics and not in Data Platform (mocks/houston/seed.ts). */
const EXISTING_USER = { email: 'tom.baker@example.com', name: 'Tom Baker' }
const NEW_EDITOR = 'nadia.new@example.com'
const NEW_ADMIN = 'otto.new@example.com'

async function openMembers(page: Page, workspace: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${workspace}: members` })).toBeVisible()
}

const members = (page: Page) => page.getByRole('table', { name: /Members and pending invites/ })
const rowOf = (page: Page, name: string | RegExp) => members(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })

/** Signs in through the form as an account that the demo page does not list (every seeded password is demo). */
async function signInWithPassword(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 })
}

test('an admin invites three people, revokes an invite and promotes the existing user, who then has editor controls', async ({ page }) => {
  await signInAs(page, 'admin@example.com')
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await openMembers(page, 'Data Platform')
  await expect(rowOf(page, /Tom Baker/)).toHaveCount(0)

  await test.step('invite three addresses, each with its role', async () => {
    await page.getByRole('button', { name: 'Invite people' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite people to Data Platform' })
    await dialog.getByLabel('Email address 1').fill(EXISTING_USER.email)
    await expect(dialog.getByLabel('Role for address 1')).toHaveValue('WORKSPACE_VIEWER')
    await dialog.getByRole('button', { name: 'Add another address' }).click()
    await dialog.getByLabel('Email address 2').fill(NEW_EDITOR)
    await dialog.getByLabel('Role for address 2').selectOption({ label: 'Editor' })
    await dialog.getByRole('button', { name: 'Add another address' }).click()
    await dialog.getByLabel('Email address 3').fill(NEW_ADMIN)
    await dialog.getByLabel('Role for address 3').selectOption({ label: 'Admin' })
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: 'Invite 3 people' }).click()

    const results = dialog.getByRole('list', { name: 'Result per address' })
    await expect(results.getByRole('listitem').filter({ hasText: EXISTING_USER.email })).toContainText('added as viewer')
    await expect(results.getByRole('listitem').filter({ hasText: NEW_EDITOR })).toContainText('invited as editor')
    await expect(results.getByRole('listitem').filter({ hasText: NEW_ADMIN })).toContainText('invited as admin')
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect(dialog).toBeHidden()
  })

  await test.step('the members and invites are the server’s: they survive a reload', async () => {
    await page.reload()
    await expect(rowOf(page, /Tom Baker/)).toContainText('Viewer')
    await expect(rowOf(page, /Tom Baker/)).toContainText('Active')
    await expect(rowOf(page, NEW_EDITOR)).toContainText('Invited')
    await expect(rowOf(page, NEW_EDITOR)).toContainText('Editor')
    await expect(rowOf(page, NEW_ADMIN)).toContainText('Admin')
    await expectNoSeriousA11yViolations(page)
  })

  await test.step('revoke one invite, after confirming', async () => {
    await rowOf(page, NEW_ADMIN).getByRole('button', { name: `Revoke invite for ${NEW_ADMIN}` }).click()
    const confirm = page.getByRole('dialog', { name: `Revoke the invite for ${NEW_ADMIN}?` })
    await confirm.getByRole('button', { name: 'Revoke invite' }).click()
    await expect(confirm).toBeHidden()
    await expect(rowOf(page, NEW_ADMIN)).toHaveCount(0)
  })

  await test.step('promote the existing user to editor', async () => {
    await rowOf(page, /Tom Baker/).getByRole('button', { name: 'Change role of Tom Baker' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change the role of Tom Baker' })
    await dialog.getByRole('radio', { name: 'Editor' }).check()
    await dialog.getByRole('button', { name: 'Change role' }).click()
    await expect(dialog).toBeHidden()
    await expect(rowOf(page, /Tom Baker/)).toContainText('Editor')
  })

  await test.step('filter by role, kept in the URL across a reload', async () => {
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Editor' })
    await expect(page).toHaveURL(/role=editor/)
    await page.reload()
    await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue('editor')
    await expect(rowOf(page, /Tom Baker/)).toContainText('Editor')
    await expect(rowOf(page, NEW_EDITOR)).toBeVisible()
    await expect(rowOf(page, NEW_ADMIN)).toHaveCount(0)
    await expect(rowOf(page, /Victor Okafor/)).toHaveCount(0)
  })

  await test.step('the promoted user signs in and has editor controls', async () => {
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await signInWithPassword(page, EXISTING_USER.email)
    await page.getByRole('button', { name: /Switch workspace/ }).click()
    await page.getByRole('menuitem', { name: 'Data Platform' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'New deployment' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('link', { name: 'New deployment' })).toBeVisible()
    // ...but, a viewer there, none in Marketing Analytics
    await page.getByRole('button', { name: /Switch workspace/ }).click()
    await page.getByRole('menuitem', { name: 'Marketing Analytics' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Marketing Analytics' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'New deployment' })).toHaveCount(0)
  })
})

test('the sole admin of a workspace is told why they can neither demote nor remove themself', async ({ page }) => {
  await signInAs(page, 'wsadmin@example.com')
  await expect(page.getByRole('heading', { level: 1, name: 'Marketing Analytics' })).toBeVisible()
  await openMembers(page, 'Marketing Analytics')
  await page.reload()

  const me = rowOf(page, /Wanda Schmidt/)
  await expect(me).toContainText('Admin')
  await expect(me).toContainText('Last admin: can be neither demoted nor removed.')
  await expect(me.getByRole('button', { name: 'Leave Marketing Analytics' })).toBeDisabled()

  await me.getByRole('button', { name: 'Change role of Wanda Schmidt (you)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change your role' })
  await expect(dialog.getByText(/You are the last admin of Marketing Analytics, and a workspace must keep at least one admin/)).toBeVisible()
  await expect(dialog.getByRole('radio', { name: 'Editor' })).toBeDisabled()
  await expect(dialog.getByRole('radio', { name: 'Viewer' })).toBeDisabled()
  await expect(dialog.getByRole('button', { name: 'Change role' })).toBeDisabled()
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // Once someone else is an admin, the rule no longer binds.
  await rowOf(page, /Grace Kim/).getByRole('button', { name: 'Change role of Grace Kim' }).click()
  const promote = page.getByRole('dialog', { name: 'Change the role of Grace Kim' })
  await promote.getByRole('radio', { name: 'Admin' }).check()
  await promote.getByRole('button', { name: 'Change role' }).click()
  await expect(promote).toBeHidden()
  await page.reload()
  await expect(rowOf(page, /Wanda Schmidt/)).not.toContainText('Last admin')
  await expect(rowOf(page, /Wanda Schmidt/).getByRole('button', { name: 'Leave Marketing Analytics' })).toBeEnabled()
})
