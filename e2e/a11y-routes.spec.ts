// Issue 7, accessibility: axe on every route of the console, light and dark,
// wide and narrow, with no serious or critical violation; and the main
// dialogs, open, in dark mode on a phone-sized window. One test per route
// signs in once and goes through the four modes on the same page, switching
// the window size and the system colour scheme (the console follows it live:
// src/lib/theme.ts), so the whole file stays a few minutes long.
import type { Locator, Page } from '@playwright/test'
import { stableId } from '../mocks/houston/random'
import { SEED_IDS } from '../mocks/houston/seed'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

type Scheme = 'light' | 'dark'
interface Mode {
  scheme: Scheme
  width: number
  height: number
}

const WIDE = { width: 1280, height: 800 }
const NARROW = { width: 375, height: 740 }
const MODES: Mode[] = [
  { scheme: 'light', ...WIDE },
  { scheme: 'dark', ...WIDE },
  { scheme: 'light', ...NARROW },
  { scheme: 'dark', ...NARROW },
]

const WS = `/workspaces/${SEED_IDS.dataPlatform}`
const ETL = `${WS}/deployments/${SEED_IDS.customerEtl}`
const ERIN = stableId('user:editor')
const DATA_ENGINEERING = stableId('team:data-engineering')

interface RouteCase {
  /** What the test is called after: the screen, in words. */
  screen: string
  path: string
  /** Who signs in first; null for a screen seen signed out. */
  as: string | null
  heading: string
  /** The screen's main data, which must be on screen (not a spinner) before axe runs. */
  content: (main: Locator) => Locator
  /**
   * Brings a screen that keeps moving to rest before axe runs. Axe judges a
   * colour from what lies under each element as it reads the page: rows the
   * live tail is scrolling away were judged against the wrong background.
   */
  still?: (main: Locator) => Promise<void>
}

const ADMIN = 'admin@example.com'

const ROUTES: RouteCase[] = [
  { screen: 'sign-in', path: '/sign-in', as: null, heading: 'Sign in', content: (m) => m.getByRole('button', { name: /Sign in as admin@example\.com/ }) },
  { screen: 'workspaces list', path: '/workspaces', as: ADMIN, heading: 'Workspaces', content: (m) => m.getByRole('link', { name: 'Data Platform' }) },
  { screen: 'workspaces list with no workspace yet', path: '/workspaces', as: 'newbie@example.com', heading: 'Workspaces', content: (m) => m.getByText('You are not in any workspace yet') },
  { screen: 'your roles', path: '/account', as: ADMIN, heading: 'Your roles and permissions', content: (m) => m.getByRole('table', { name: 'Roles of Alex Rivera' }) },
  { screen: 'workspace overview', path: WS, as: ADMIN, heading: 'Data Platform', content: (m) => m.getByRole('region', { name: 'Deployments (6)' }).getByRole('link', { name: 'Customer ETL' }) },
  { screen: 'workspace settings', path: `${WS}/settings`, as: ADMIN, heading: 'Data Platform: settings', content: (m) => m.getByRole('textbox', { name: 'Name' }) },
  { screen: 'workspace members', path: `${WS}/users`, as: ADMIN, heading: 'Data Platform: members', content: (m) => m.getByRole('rowheader', { name: /Erin Chen/ }) },
  { screen: 'workspace service accounts', path: `${WS}/service-accounts`, as: ADMIN, heading: 'Data Platform: service accounts', content: (m) => m.getByRole('rowheader', { name: /CI\/CD pipeline/ }) },
  { screen: 'workspace teams', path: `${WS}/teams`, as: ADMIN, heading: 'Data Platform: teams', content: (m) => m.getByRole('rowheader', { name: /Data Engineering/ }) },
  { screen: 'workspace task usage', path: `${WS}/task-usage`, as: ADMIN, heading: 'Data Platform: task usage', content: (m) => m.getByRole('table', { name: 'Task runs per deployment in Data Platform' }) },
  { screen: 'new deployment', path: `${WS}/deployments/new`, as: ADMIN, heading: 'New deployment', content: (m) => m.getByRole('radiogroup', { name: 'Executor' }).or(m.getByRole('group', { name: 'Executor' })) },
  { screen: 'deployment overview', path: ETL, as: ADMIN, heading: 'Customer ETL', content: (m) => m.getByRole('region', { name: 'Summary' }) },
  { screen: 'deployment configure (scale)', path: `${ETL}/configure`, as: ADMIN, heading: 'Customer ETL: resources', content: (m) => m.getByRole('slider', { name: 'Workers AU' }) },
  { screen: 'deployment configure, read only', path: `${ETL}/configure`, as: 'viewer@example.com', heading: 'Customer ETL: resources', content: (m) => m.getByRole('table', { name: 'Resources of Customer ETL by component' }) },
  { screen: 'deployment settings, env vars and alerts', path: `${ETL}/settings`, as: ADMIN, heading: 'Customer ETL: settings', content: (m) => m.getByRole('textbox', { name: 'Name of variable 1' }) },
  { screen: 'deploy history', path: `${ETL}/history`, as: ADMIN, heading: 'Customer ETL: deploy history', content: (m) => m.getByRole('table', { name: /Deploys of Customer ETL/ }) },
  {
    screen: 'deployment logs',
    path: `${ETL}/logs`,
    as: ADMIN,
    heading: 'Customer ETL: logs',
    content: (m) => m.getByRole('list', { name: 'Log records' }).getByRole('listitem').first(),
    still: async (m) => {
      await m.getByRole('button', { name: 'Pause' }).click()
      await expect(m.getByText('Paused', { exact: true })).toBeVisible()
    },
  },
  { screen: 'deployment metrics', path: `${ETL}/metrics`, as: ADMIN, heading: 'Customer ETL: metrics', content: (m) => m.getByRole('region', { name: 'Pods running vs expected' }) },
  { screen: 'deployment service accounts', path: `${ETL}/service-accounts`, as: ADMIN, heading: 'Customer ETL: service accounts', content: (m) => m.getByRole('rowheader', { name: /Deploy bot/ }) },
  { screen: 'deployment access', path: `${ETL}/access`, as: ADMIN, heading: 'Customer ETL: access', content: (m) => m.getByRole('table', { name: 'Roles on deployment Customer ETL' }) },
  { screen: 'deployment teams', path: `${ETL}/teams`, as: ADMIN, heading: 'Customer ETL: teams', content: (m) => m.getByRole('table', { name: 'Teams with roles on deployment Customer ETL' }) },
  { screen: 'deployment task usage', path: `${ETL}/task-usage`, as: ADMIN, heading: 'Customer ETL: task usage', content: (m) => m.getByRole('img', { name: /^Task runs per day in Customer ETL/ }) },
  { screen: 'admin users', path: '/admin/users', as: ADMIN, heading: 'Users', content: (m) => m.getByRole('rowheader', { name: /Erin Chen/ }) },
  { screen: 'admin user detail', path: `/admin/users/${ERIN}`, as: ADMIN, heading: 'Roles and permissions of Erin Chen', content: (m) => m.getByRole('table', { name: 'Roles of Erin Chen' }) },
  { screen: 'admin workspaces and quotas', path: '/admin/workspaces', as: ADMIN, heading: 'Workspaces and quotas', content: (m) => m.getByRole('table', { name: /Workspaces with their AU quota and use/ }) },
  { screen: 'admin deployments', path: '/admin/deployments', as: ADMIN, heading: 'All deployments', content: (m) => m.getByRole('rowheader', { name: /Customer ETL/ }) },
  { screen: 'admin teams', path: '/admin/teams', as: ADMIN, heading: 'Teams', content: (m) => m.getByRole('table', { name: 'Teams' }).getByRole('link', { name: 'Data Engineering' }) },
  { screen: 'admin team detail', path: `/admin/teams/${DATA_ENGINEERING}`, as: ADMIN, heading: 'Team Data Engineering', content: (m) => m.getByRole('list', { name: 'Members of team Data Engineering' }) },
  { screen: 'platform task usage', path: '/admin/task-usage', as: ADMIN, heading: 'Platform task usage', content: (m) => m.getByRole('table', { name: 'Task runs per workspace in the platform' }) },
  { screen: 'forbidden', path: '/forbidden', as: ADMIN, heading: "You don't have access", content: (m) => m.getByRole('link', { name: 'Go to your workspaces' }) },
  { screen: 'not found', path: '/no-such-page', as: ADMIN, heading: 'Page not found', content: (m) => m.getByRole('link', { name: 'Go to your workspaces' }) },
  {
    screen: 'a screen the role may not open',
    path: `${WS}/deployments/new`,
    as: 'viewer@example.com',
    heading: "You don't have access",
    content: (m) => m.getByRole('link', { name: 'Go to your workspaces' }),
  },
]

const main = (page: Page) => page.getByRole('main')

/**
 * Opens `path` signed in as `email`: the console sends a visitor to sign-in
 * and back to the page asked for, so the app loads once rather than twice.
 */
async function openAs(page: Page, email: string, path: string): Promise<void> {
  await page.goto(path)
  await page.getByRole('button', { name: `Sign in as ${email}` }).click({ timeout: 15_000 })
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 })
}

/** Switches the window and the system colour scheme, and checks the console followed the scheme. */
async function setMode(page: Page, { scheme, width, height }: Mode): Promise<void> {
  await page.setViewportSize({ width, height })
  await page.emulateMedia({ colorScheme: scheme })
  await expect(page.locator('html')).toHaveCSS('color-scheme', scheme === 'dark' ? 'dark' : 'normal')
}

/** The screen is drawn: its h1, its main data, and no spinner left in it (a chart still loading, a list still coming). */
async function expectScreen(page: Page, heading: string, content: (main: Locator) => Locator): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible({ timeout: 15_000 })
  await expect(content(main(page))).toBeVisible({ timeout: 15_000 })
  await expect(main(page).getByRole('status').filter({ hasText: /^(Loading|Drawing)/ })).toHaveCount(0, { timeout: 15_000 })
}

const modeName = ({ scheme, width }: Mode) => `${scheme}, ${width} px wide`

// Colours change with a transition: with reduced motion they change at once,
// so axe never judges a button halfway from the light theme to the dark one.
test.use({ reducedMotion: 'reduce' })

test.describe('every route, light and dark, wide and narrow', () => {
  for (const route of ROUTES) {
    test(`${route.screen}${route.as ? ` (${route.as})` : ''} has no serious accessibility violation`, async ({ page }) => {
      test.setTimeout(90_000)
      if (route.as) await openAs(page, route.as, route.path)
      else await page.goto(route.path)
      if (route.still) {
        await expectScreen(page, route.heading, route.content)
        await route.still(main(page))
      }
      for (const mode of MODES) {
        await test.step(modeName(mode), async () => {
          await setMode(page, mode)
          await expectScreen(page, route.heading, route.content)
          await expectNoSeriousA11yViolations(page)
        })
      }
    })
  }
})

interface DialogCase {
  name: string
  path: string
  heading: string
  /** Opens the dialog from the screen and returns it. */
  open: (page: Page) => Promise<Locator>
}

const DIALOGS: DialogCase[] = [
  {
    name: 'create a workspace',
    path: '/workspaces',
    heading: 'Workspaces',
    open: async (page) => {
      await main(page).getByRole('button', { name: 'Create workspace' }).first().click()
      return page.getByRole('dialog', { name: 'Create a workspace' })
    },
  },
  {
    name: 'invite people',
    path: `${WS}/users`,
    heading: 'Data Platform: members',
    open: async (page) => {
      await main(page).getByRole('button', { name: 'Invite people' }).click()
      const dialog = page.getByRole('dialog', { name: 'Invite people to Data Platform' })
      // With an address that is refused, so the dialog shows its error state too.
      await dialog.getByLabel('Email address 1').fill('not an address')
      await dialog.getByRole('button', { name: 'Invite', exact: true }).click()
      await expect(dialog.getByText(/valid email/i)).toBeVisible()
      return dialog
    },
  },
  {
    name: 'review a scaling change',
    path: `${ETL}/configure`,
    heading: 'Customer ETL: resources',
    open: async (page) => {
      const workersAu = main(page).getByRole('slider', { name: 'Workers AU' })
      await workersAu.focus()
      await page.keyboard.press('ArrowRight')
      await expect(workersAu).toHaveAttribute('aria-valuenow', '11')
      await main(page).getByRole('button', { name: 'Review changes' }).click()
      return page.getByRole('dialog', { name: 'Review changes to Customer ETL' })
    },
  },
  {
    name: 'delete a deployment',
    path: `${ETL}/settings`,
    heading: 'Customer ETL: settings',
    open: async (page) => {
      await main(page).getByRole('button', { name: 'Delete deployment…' }).click()
      return page.getByRole('dialog', { name: 'Delete Customer ETL?' })
    },
  },
  {
    name: 'new service account',
    path: `${WS}/service-accounts`,
    heading: 'Data Platform: service accounts',
    open: async (page) => {
      await main(page).getByRole('button', { name: 'New service account' }).click()
      return page.getByRole('dialog', { name: 'New service account for workspace Data Platform' })
    },
  },
  {
    name: 'change a member’s role',
    path: `${WS}/users`,
    heading: 'Data Platform: members',
    open: async (page) => {
      await main(page).getByRole('button', { name: 'Change role of Erin Chen' }).click()
      return page.getByRole('dialog', { name: 'Change the role of Erin Chen' })
    },
  },
  {
    name: 'remove a team from the workspace (confirmation)',
    path: `${WS}/teams`,
    heading: 'Data Platform: teams',
    open: async (page) => {
      await main(page).getByRole('button', { name: 'Remove team Data Engineering' }).click()
      return page.getByRole('dialog', { name: 'Remove team Data Engineering from Data Platform?' })
    },
  },
]

test.describe('dialogs open, dark, 375 px wide', () => {
  for (const dialogCase of DIALOGS) {
    test(`the ${dialogCase.name} dialog has no serious accessibility violation`, async ({ page }) => {
      await openAs(page, ADMIN, dialogCase.path)
      await setMode(page, { scheme: 'dark', ...NARROW })
      await expect(page.getByRole('heading', { level: 1, name: dialogCase.heading, exact: true })).toBeVisible({ timeout: 15_000 })
      const dialog = await dialogCase.open(page)
      await expect(dialog).toBeVisible()
      await expect(dialog).toBeInViewport()
      await expectNoSeriousA11yViolations(page)
    })
  }

  test('the narrow menu has no serious accessibility violation', async ({ page }) => {
    await openAs(page, ADMIN, ETL)
    await setMode(page, { scheme: 'dark', ...NARROW })
    await expectScreen(page, 'Customer ETL', (m) => m.getByRole('region', { name: 'Summary' }))
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav).toBeHidden()
    await page.getByRole('button', { name: 'Menu', exact: true }).click()
    await expect(nav.getByRole('link', { name: 'Configure' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: 'Menu', exact: true }).click()
    await expect(nav).toBeHidden()
  })

  test('the account menu has no serious accessibility violation', async ({ page }) => {
    await openAs(page, ADMIN, ETL)
    await setMode(page, { scheme: 'dark', ...NARROW })
    await expectScreen(page, 'Customer ETL', (m) => m.getByRole('region', { name: 'Summary' }))
    await page.getByRole('button', { name: /Account menu/ }).click()
    await expect(page.getByRole('menu')).toBeVisible()
    await expect(page.getByRole('menuitemradio', { name: 'Dark' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toBeHidden()

    await page.getByRole('button', { name: /Switch workspace/ }).click()
    await expect(page.getByRole('menuitem', { name: 'All workspaces' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
