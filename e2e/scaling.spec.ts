// Issue 4: scaling deployments against quotas, and quota usage for everyone
// who may see it. Expected numbers are worked out here from the documented
// platform defaults (1 AU = 0.1 CPU + 384 MiB; scheduler 5, webserver 5,
// statsd 2, pgbouncer 2, flower 2, redis 2 AU) and cross-checked against the
// AU module, so the screen, the module and the fake backend must all agree.
import type { Page } from '@playwright/test'
import { defaultSizing, type Sizing, totalAu } from '../src/lib/au'
import { PLATFORM } from '../mocks/houston/platform'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

// A deploy takes about four seconds, and axe scans and reloads (each a cold start of the demo
// backend) are slow on a busy two-core machine: every journey here gets a minute.
test.describe.configure({ timeout: 60_000 })

const AU_CPU = 0.1
const AU_MIB = 384
const FIXED_CELERY_AU = 5 + 5 + 2 + 2 + 2 + 2 // scheduler, webserver, statsd, pgbouncer, flower, redis

/** "7.8 CPU", "29.25 GiB": how the console writes CPU and memory. */
const cpu = (au: number) => `${Number((au * AU_CPU).toFixed(2))} CPU`
const memory = (au: number) => {
  const mib = au * AU_MIB
  return mib >= 1024 ? `${Number((mib / 1024).toFixed(2))} GiB` : `${mib} MiB`
}
const celery = (workersAu: number, workers: number) => FIXED_CELERY_AU + workersAu * workers

/** The same sizing through the AU module: the test's arithmetic and the module must agree. */
function moduleTotal(workersAu: number, workers: number): number {
  const s: Sizing = defaultSizing(PLATFORM, 'CeleryExecutor')
  s.components.workers = { au: workersAu, replicas: workers, terminationGracePeriodSeconds: 600 }
  return totalAu(PLATFORM, s)
}

// Data Platform: 250 AU quota, 187 AU used; Customer ETL has workers of 10 AU x 3.
const QUOTA = 250
const USED = 187
const ETL_NOW = celery(10, 3)

/** Signed in, the console opens the first workspace: Data Platform for the editor and the viewer. */
async function openCustomerEtlConfigure(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configure' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: resources' })).toBeVisible()
}

const totals = (page: Page) => page.getByRole('region', { name: 'Totals' })

/**
 * Reloads once the demo backend has stored its state: it writes to IndexedDB
 * 250 ms after a change (mocks/browser.ts), and a reload sooner can lose it.
 * A reload is a cold start (the service worker, the stored state, the screen's
 * code): it gets the time a first load gets before the page counts as broken.
 */
async function reloadWhenStored(page: Page): Promise<void> {
  await page.waitForTimeout(1000)
  await page.reload()
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 })
}

test('an editor raises the workers to 20 AU x 3, reviews the diff, saves, and finds the new size after a reload', async ({ page }) => {
  const after = celery(20, 3)
  expect(ETL_NOW).toBe(48)
  expect(after).toBe(78)
  expect(moduleTotal(10, 3)).toBe(ETL_NOW)
  expect(moduleTotal(20, 3)).toBe(after)

  await signInAs(page, 'editor@example.com')
  await openCustomerEtlConfigure(page)
  await expect(totals(page).getByRole('row', { name: `Total AU ${ETL_NOW} AU`, exact: true })).toBeVisible()

  // Ten steps up with PageUp: 10 -> 20 AU per worker; three workers already.
  const workersAu = page.getByRole('slider', { name: 'Workers AU' })
  await workersAu.focus()
  await page.keyboard.press('PageUp')
  await expect(workersAu).toHaveAttribute('aria-valuenow', '20')
  await expect(page.getByRole('spinbutton', { name: 'Workers AU' })).toHaveValue('20')
  await page.getByRole('spinbutton', { name: 'Worker count' }).fill('3')

  const t = totals(page)
  await expect(t.getByRole('row', { name: `Total AU ${ETL_NOW} AU ${after} AU`, exact: true })).toBeVisible()
  await expect(t.getByRole('row', { name: `CPU ${cpu(ETL_NOW)} ${cpu(after)}`, exact: true })).toBeVisible()
  await expect(t.getByRole('row', { name: `Memory ${memory(ETL_NOW)} ${memory(after)}`, exact: true })).toBeVisible()
  await expect(t.getByRole('row', { name: 'Pods 9 9', exact: true })).toBeVisible()
  // The ResourceQuota doubles the components (no extra capacity on Celery); PgBouncer: 5 client and 0.5 database connections per AU.
  await expect(t.getByText(cpu(2 * after), { exact: true })).toBeVisible()
  await expect(t.getByText(memory(2 * after), { exact: true })).toBeVisible()
  await expect(t.getByText(String(5 * after), { exact: true })).toBeVisible()
  await expect(t.getByText(String(Math.floor(0.5 * after)), { exact: true })).toBeVisible()
  await expect(t.getByText(`${USED - ETL_NOW + after} AU (${QUOTA - USED + ETL_NOW - after} AU left)`)).toBeVisible()
  await expect(t.getByRole('img', { name: new RegExp(`After saving ${USED - ETL_NOW + after} AU used, ${after} AU of them by this deployment`) })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('button', { name: 'Review changes (1)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Review changes to Customer ETL' })
  await expect(dialog.getByRole('row', { name: `Workers AU 10 AU (${cpu(10)} · ${memory(10)}) 20 AU (${cpu(20)} · ${memory(20)})` })).toBeVisible()
  await expect(dialog.getByRole('row', { name: `Total AU ${ETL_NOW} AU ${after} AU (+${after - ETL_NOW} AU)` })).toBeVisible()
  await expect(dialog.getByText(`${USED} AU → ${USED - ETL_NOW + after} AU used of ${QUOTA} AU; ${QUOTA - USED + ETL_NOW - after} AU left after saving.`)).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Saved: Customer ETL is deploying at ${after} AU`)).toBeVisible()
  await expect(page.getByText('Deploying', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('Healthy', { exact: true }).first()).toBeVisible({ timeout: 15_000 })

  await reloadWhenStored(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: resources' })).toBeVisible()
  await expect(page.getByRole('spinbutton', { name: 'Workers AU' })).toHaveValue('20')
  await expect(page.getByRole('spinbutton', { name: 'Worker count' })).toHaveValue('3')
  await expect(totals(page).getByRole('row', { name: `Total AU ${after} AU`, exact: true })).toBeVisible()

  // The workspace overview agrees: the quota bar and the breakdown.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview', exact: true }).click()
  await expect(page.getByRole('meter', { name: 'AU quota used' })).toHaveAttribute('aria-valuenow', String(USED - ETL_NOW + after))
  await expect(page.getByRole('img', { name: new RegExp(`Customer ETL ${after} AU`) })).toBeVisible()
})

test('an editor who asks for more than the workspace has left is told how much is left, and nothing is saved', async ({ page }) => {
  const asked = celery(30, 10)
  expect(moduleTotal(30, 10)).toBe(asked)
  const allowed = QUOTA - USED + ETL_NOW

  await signInAs(page, 'editor@example.com')
  await openCustomerEtlConfigure(page)
  const workersAu = page.getByRole('slider', { name: 'Workers AU' })
  await workersAu.focus()
  await page.keyboard.press('End')
  await expect(page.getByRole('spinbutton', { name: 'Workers AU' })).toHaveValue('30')
  await page.getByRole('spinbutton', { name: 'Worker count' }).fill('10')

  await expect(totals(page).getByRole('row', { name: `Total AU ${ETL_NOW} AU ${asked} AU`, exact: true })).toBeVisible()
  await expect(totals(page).getByText(`This needs ${asked} AU but the workspace has ${allowed} AU left of its ${QUOTA} AU quota.`)).toBeVisible()
  await expect(totals(page).getByText(`${USED - ETL_NOW + asked} AU (${asked - allowed} AU over)`)).toBeVisible()
  await expect(page.getByRole('button', { name: /^Review changes/ })).toBeDisabled()
  await expectNoSeriousA11yViolations(page)

  // A typed value past a limit is explained with the nearest valid one.
  await page.getByRole('spinbutton', { name: 'Worker count' }).fill('11')
  await expect(page.getByText('Workers replicas cannot exceed 10 replicas. The nearest valid value is 10.')).toBeVisible()

  await reloadWhenStored(page)
  await expect(page.getByRole('spinbutton', { name: 'Workers AU' })).toHaveValue('10')
  await expect(page.getByRole('spinbutton', { name: 'Worker count' })).toHaveValue('3')
  await expect(totals(page).getByRole('row', { name: `Total AU ${ETL_NOW} AU`, exact: true })).toBeVisible()
  await expect(totals(page).getByText(`${USED} AU (${QUOTA - USED} AU left)`)).toBeVisible()
})

test('a viewer sees the resources, totals and quota with every control absent', async ({ page }) => {
  await signInAs(page, 'viewer@example.com')
  await openCustomerEtlConfigure(page)
  await expect(page.getByText('your role does not allow changing them')).toBeVisible()
  await expect(page.getByText(`10 AU (${cpu(10)} · ${memory(10)})`)).toBeVisible()
  await expect(totals(page).getByRole('row', { name: `Total AU ${ETL_NOW} AU`, exact: true })).toBeVisible()
  await expect(totals(page).getByRole('row', { name: `CPU ${cpu(ETL_NOW)}`, exact: true })).toBeVisible()
  await expect(totals(page).getByText(`${USED} AU (${QUOTA - USED} AU left)`)).toBeVisible()
  await expect(page.getByRole('slider')).toHaveCount(0)
  await expect(page.getByRole('spinbutton')).toHaveCount(0)
  await expect(page.getByRole('radio')).toHaveCount(0)
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)

  await reloadWhenStored(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: resources' })).toBeVisible()
  await expect(page.getByRole('slider')).toHaveCount(0)

  // Quota usage per workspace and per deployment is theirs to see.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview', exact: true }).click()
  await expect(page.getByRole('meter', { name: 'AU quota used' })).toHaveAttribute('aria-valuenow', String(USED))
  await expect(page.getByRole('img', { name: new RegExp(`^AU by deployment in Data Platform, ${USED} of ${QUOTA} AU used: .*Customer ETL ${ETL_NOW} AU`) })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('a system admin lowers a workspace quota, then is refused one below use with the numbers', async ({ page }) => {
  await signInAs(page, 'admin@example.com')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspaces and quotas' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspaces and quotas' })).toBeVisible()
  const marketing = page.getByRole('row', { name: /^Marketing Analytics / })
  await expect(marketing.getByRole('meter', { name: 'AU used in Marketing Analytics' })).toHaveAttribute('aria-valuetext', '88 of 100 AU used')
  await expectNoSeriousA11yViolations(page)

  await marketing.getByRole('button', { name: 'Set quota of Marketing Analytics' }).click()
  let dialog = page.getByRole('dialog', { name: 'Set the AU quota of Marketing Analytics' })
  await dialog.getByRole('spinbutton', { name: 'AU quota' }).fill('90')
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Set quota' }).click()
  await expect(dialog).toBeHidden()
  await expect(marketing.getByRole('meter')).toHaveAttribute('aria-valuetext', '88 of 90 AU used')

  await reloadWhenStored(page)
  await expect(page.getByRole('row', { name: /^Marketing Analytics / }).getByRole('meter')).toHaveAttribute('aria-valuetext', '88 of 90 AU used')

  await page.getByRole('button', { name: 'Set quota of Marketing Analytics' }).click()
  dialog = page.getByRole('dialog', { name: 'Set the AU quota of Marketing Analytics' })
  const field = dialog.getByRole('spinbutton', { name: 'AU quota' })
  await field.fill('50')
  await dialog.getByRole('button', { name: 'Set quota' }).click()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText('Workspace Marketing Analytics uses 88 AU now, so its quota cannot go below 88 AU (asked for 50 AU). Scale down or delete deployments first.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await reloadWhenStored(page)
  await expect(page.getByRole('row', { name: /^Marketing Analytics / }).getByRole('meter')).toHaveAttribute('aria-valuetext', '88 of 90 AU used')
})
