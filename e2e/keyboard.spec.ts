// Issue 7, accessibility: one journey done with the keyboard alone. Nothing
// here clicks or fills an element: every step is Tab, Shift+Tab, typing,
// Enter, Space, Escape or the arrow keys, and locators only assert where
// focus is and what the screen shows. Along the way: the skip link, focus
// on the new page's h1 after each route change, focus into a dialog when it
// opens and back to its trigger when Escape closes it.
import type { Locator, Page } from '@playwright/test'
import { SEED_IDS } from '../mocks/houston/seed'
import { expect, test } from './support/fixtures'

const MAX_TABS = 60

/** What has focus, in a few words, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'body'
    const name = element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 30)
    return `${element.tagName.toLowerCase()}${name ? ` "${name}"` : ''}`
  })
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement)
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, as
 * someone on a keyboard would; fails saying what had focus instead when it
 * is not reached within `max` presses.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = MAX_TABS }: { backwards?: boolean; max?: number } = {}): Promise<void> {
  await expect(target, 'the element to tab to is on the page').toBeVisible({ timeout: 15_000 })
  const visited: string[] = []
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return
    if (presses === max) break
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    visited.push(await describeFocus(page))
  }
  throw new Error(`${String(target)} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}; focus went through: ${visited.slice(-15).join(' → ')}`)
}

/** Focus is somewhere inside `container` (a dialog, a form). */
async function expectFocusWithin(container: Locator): Promise<void> {
  await expect.poll(() => container.evaluate((element) => element.contains(document.activeElement)), { timeout: 5_000 }).toBe(true)
}

/** After a route change the new page's h1 has focus, so a screen reader announces it. */
async function expectPage(page: Page, heading: string): Promise<Locator> {
  const h1 = page.getByRole('heading', { level: 1, name: heading, exact: true })
  await expect(h1).toBeVisible({ timeout: 15_000 })
  await expect(h1).toBeFocused()
  return h1
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const main = (page: Page) => page.getByRole('main')

test('an admin signs in, creates a deployment, scales it and invites someone, with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000)
  const label = 'Keyboard Exports'
  const invitee = 'keyboard.person@example.com'

  await test.step('sign in', async () => {
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    await tabTo(page, page.getByLabel('Email', { exact: true }))
    await page.keyboard.type('admin@example.com')
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused()
    await page.keyboard.type('demo')
    await page.keyboard.press('Enter')
    await expectPage(page, 'Data Platform')
  })

  await test.step('the skip link leads past the header and the navigation to the page', async () => {
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await tabTo(page, skip)
    await expect(skip).toBeInViewport()
    await page.keyboard.press('Enter')
    await expect(main(page)).toBeFocused()
    // The next Tab is inside the page, not back in the header.
    await page.keyboard.press('Tab')
    await expectFocusWithin(main(page))
  })

  await test.step('create a deployment', async () => {
    await tabTo(page, main(page).getByRole('link', { name: 'New deployment' }))
    await page.keyboard.press('Enter')
    await expectPage(page, 'New deployment')
    await tabTo(page, page.getByRole('textbox', { name: 'Name' }))
    await page.keyboard.type(label)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('textbox', { name: 'Description' })).toBeFocused()
    await page.keyboard.type('Made without a mouse')
    // The executor: Tab lands on the chosen radio; the arrows move the choice.
    const celery = page.getByRole('radio', { name: /^Celery/ })
    await tabTo(page, celery)
    await expect(celery).toBeChecked()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('radio', { name: /^Kubernetes/ })).toBeChecked()
    await page.keyboard.press('ArrowUp')
    await expect(celery).toBeChecked()
    await expect(celery).toBeFocused()
    await tabTo(page, page.getByRole('button', { name: 'Create deployment' }))
    await page.keyboard.press('Enter')
    await expectPage(page, label)
    await expect(main(page).getByText('Healthy', { exact: true })).toBeVisible({ timeout: 20_000 })
  })

  await test.step('scale it: the workers slider moves with the arrow keys', async () => {
    // The navigation comes before the page: back up to it.
    await tabTo(page, mainNav(page).getByRole('link', { name: 'Configure' }), { backwards: true })
    await page.keyboard.press('Enter')
    await expectPage(page, `${label}: resources`)

    const workersAu = page.getByRole('slider', { name: 'Workers AU' })
    await tabTo(page, workersAu)
    const before = Number(await workersAu.getAttribute('aria-valuenow'))
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(workersAu).toHaveAttribute('aria-valuenow', String(before + 2))
    await expect(page.getByRole('spinbutton', { name: 'Workers AU' })).toHaveValue(String(before + 2))

    // Escape closes the review and gives focus back to the button that opened it.
    const review = page.getByRole('button', { name: /^Review changes/ })
    await tabTo(page, review)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: `Review changes to ${label}` })
    await expect(dialog).toBeVisible()
    await expectFocusWithin(dialog)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(review).toBeFocused()

    // Focus stays in the dialog: Tab goes round its controls, never behind it.
    await page.keyboard.press('Space')
    await expect(dialog).toBeVisible()
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      await expectFocusWithin(dialog)
    }
    await tabTo(page, dialog.getByRole('button', { name: 'Save changes' }))
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByText(`Saved: ${label} is deploying`)).toBeVisible()
    // Focus is not lost to the page's body when the form starts over from the saved values.
    await expectFocusWithin(main(page))
    await expect(page.getByRole('slider', { name: 'Workers AU' })).toHaveAttribute('aria-valuenow', String(before + 2), { timeout: 20_000 })
  })

  await test.step('invite someone to the workspace', async () => {
    await tabTo(page, mainNav(page).getByRole('link', { name: 'Members' }), { backwards: true })
    await page.keyboard.press('Enter')
    await expectPage(page, 'Data Platform: members')

    const invite = page.getByRole('button', { name: 'Invite people' })
    await tabTo(page, invite)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Invite people to Data Platform' })
    await expect(dialog).toBeVisible()
    // Focus lands in the first field of the dialog.
    await expect(dialog.getByLabel('Email address 1')).toBeFocused()
    await page.keyboard.type(invitee)
    await page.keyboard.press('Tab')
    const role = dialog.getByLabel('Role for address 1')
    await expect(role).toBeFocused()
    await expect(role).toHaveValue('WORKSPACE_VIEWER')
    await page.keyboard.press('ArrowDown')
    await expect(role).toHaveValue('WORKSPACE_EDITOR')
    await tabTo(page, dialog.getByRole('button', { name: 'Invite', exact: true }))
    await page.keyboard.press('Enter')
    const results = dialog.getByRole('list', { name: 'Result per address' })
    await expect(results.getByRole('listitem').filter({ hasText: invitee })).toContainText('invited as editor')
    await tabTo(page, dialog.getByRole('button', { name: 'Done' }))
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(invite).toBeFocused()

    const members = page.getByRole('table', { name: /Members and pending invites/ })
    const row = members.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(invitee.replace(/\./g, '\\.')) }) })
    await expect(row).toContainText('Invited')
    await expect(row).toContainText('Editor')
  })
})

test('signing in from a link to a page lands focus on that page’s h1', async ({ page }) => {
  await page.goto(`/workspaces/${SEED_IDS.dataPlatform}/users`)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 15_000 })
  await tabTo(page, page.getByLabel('Email', { exact: true }))
  await page.keyboard.type('editor@example.com')
  await page.keyboard.press('Tab')
  await page.keyboard.type('demo')
  await page.keyboard.press('Enter')
  await expectPage(page, 'Data Platform: members')
})
