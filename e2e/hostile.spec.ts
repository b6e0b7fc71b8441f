// Issue 7, security: the hostile corpus (mocks/hostile.ts) in every text
// field the fake backend serves (`?seed=hostile`, mocks/houston/seed-hostile.ts)
// and typed into the main text inputs. On every screen the strings show as
// text, no script runs (each payload would set window.__pwned), nothing from
// the data becomes an element, an event handler or a javascript: link, and the
// page never scrolls sideways, wide or narrow: long values wrap or truncate,
// the full value kept in a title or on the detail page.
import type { Locator, Page } from '@playwright/test'
import { HOSTILE, HOSTILE_EMAILS } from '../mocks/hostile'
import { stableId } from '../mocks/houston/random'
import { SEED_IDS } from '../mocks/houston/seed'
import { HOSTILE_ENV_KEY, HOSTILE_SEED } from '../mocks/houston/seed-hostile'
import { expect, test } from './support/fixtures'

const WIDE = { width: 1280, height: 800 }
const NARROW = { width: 375, height: 740 }

const WS = `/workspaces/${SEED_IDS.dataPlatform}`
const ETL = `${WS}/deployments/${SEED_IDS.customerEtl}`
const FINANCE = `${WS}/deployments/${stableId('deployment:finance-reporting')}`
const LEGACY = `${WS}/deployments/${HOSTILE_SEED.airflowUrl.deploymentId}`
const MARCUS = stableId('user:marcus.johnson')
const MARKETING = `/workspaces/${stableId('workspace:marketing')}`
/** Both named HOSTILE.rtl, a right-to-left override never closed. */
const ML_RESEARCH = `/workspaces/${stableId('workspace:ml-research')}`
const EVENT_INGESTION = `${WS}/deployments/${stableId('deployment:event-ingestion')}`
const FINANCE_ANALYSTS = stableId('team:finance-analysts')
/** What a 100-character label holds: the first 100 characters of the 10,000. */
const LONG_LABEL = HOSTILE.unbroken.slice(0, 100)

async function signIn(page: Page, email = 'admin@example.com'): Promise<void> {
  await page.setViewportSize(WIDE)
  await page.goto('/sign-in?seed=hostile')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 })
}

/** Nothing of the data ran or became markup: no flag, no handler attribute, no injected element, no javascript: link. */
async function expectNothingRan(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned ?? null,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    injected: document.querySelectorAll('img[src="x"], img[src="x/"], body svg[onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
    javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }))
  expect(found).toEqual({ pwned: null, handlers: 0, injected: 0, scripts: 0, javascriptLinks: 0 })
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
      message: `the page scrolls sideways at ${page.viewportSize()?.width ?? '?'} px`,
    })
    .toBeLessThanOrEqual(0)
}

/** What the text fields so named hold. */
function fieldValues(page: Page, name: RegExp): Promise<string[]> {
  return page.getByRole('textbox', { name }).evaluateAll((fields) => fields.map((f) => (f instanceof HTMLInputElement ? f.value : '')))
}

/**
 * Where each character of `words` (the console's own, after a name in `within`) is drawn, left to right:
 * true when each lies to the right of the one before or starts a line below it, as English reads; false when
 * a right-to-left override in the name runs on into them.
 */
function readsLeftToRight(within: Locator, words: string): Promise<boolean | null> {
  return within.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1
      if (at < 0) continue
      const boxes = Array.from({ length: text.length }, (_, i) => {
        const range = document.createRange()
        range.setStart(node, at + i)
        range.setEnd(node, at + i + 1)
        return range.getBoundingClientRect()
      })
      // Each character to the right of the one before on its line, or first on a line below it (the words may wrap).
      return boxes.every((box, i) => {
        const before = boxes[i - 1]
        return !before || box.top >= before.bottom - 1 || box.left > before.left
      })
    }
    return null
  }, words)
}

interface Screen {
  path: string
  /** The page's h1, or part of it. */
  heading: string | RegExp
  /** Corpus strings that must show as text (whitespace compared collapsed, as Playwright does). */
  texts: readonly string[]
  /** Values shown cut short, kept whole in a title. */
  titles?: readonly string[]
}

/** Opens the screen, checks its text and safety at 1280 px, and its width at 375 px. */
async function visit(page: Page, screen: Screen): Promise<void> {
  await test.step(screen.path, async () => {
    await page.setViewportSize(WIDE)
    await page.goto(screen.path)
    await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible({ timeout: 15_000 })
    for (const text of screen.texts) await expect(page.getByText(text).filter({ visible: true }).first(), `"${text.slice(0, 40)}" as text`).toBeVisible()
    for (const title of screen.titles ?? []) await expect(page.getByTitle(title, { exact: true }).filter({ visible: true }).first()).toBeVisible()
    await expectNothingRan(page)
    await expectNoSidewaysScroll(page)
    await page.setViewportSize(NARROW)
    await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible()
    await expectNoSidewaysScroll(page)
    await expectNothingRan(page)
  })
}

test.describe('hostile strings served by the backend', () => {
  test('workspace screens show them as text and keep their width', async ({ page }) => {
    test.setTimeout(90_000)
    await signIn(page)
    await visit(page, { path: '/workspaces', heading: 'Workspaces', texts: [HOSTILE.imgOnerror, LONG_LABEL, HOSTILE.rtl, HOSTILE.svgBreakout] })
    await visit(page, {
      path: WS,
      heading: HOSTILE.imgOnerror,
      texts: [HOSTILE.svgBreakout, HOSTILE.script, HOSTILE.rtl, HOSTILE.emoji, HOSTILE.zeroWidth, HOSTILE.javascriptUrl],
      titles: [LONG_LABEL],
    })
    await visit(page, { path: `${WS}/settings`, heading: HOSTILE.imgOnerror, texts: [HOSTILE.imgOnerror] })
    await visit(page, {
      path: `${WS}/users`,
      heading: HOSTILE.imgOnerror,
      texts: [HOSTILE.svgBreakout, HOSTILE.script, HOSTILE.rtl, HOSTILE.combining, HOSTILE.template, HOSTILE.whitespace, HOSTILE_EMAILS.imgOnerror, HOSTILE_EMAILS.long, HOSTILE_EMAILS.rtl],
      titles: [HOSTILE.unbroken],
    })
    await visit(page, { path: `${WS}/service-accounts`, heading: HOSTILE.imgOnerror, texts: [HOSTILE.script, HOSTILE.rtl, HOSTILE.emoji], titles: [LONG_LABEL] })
    await visit(page, { path: `${WS}/teams`, heading: HOSTILE.imgOnerror, texts: [HOSTILE.imgOnerror, `${HOSTILE.rtl} ${HOSTILE.emoji}`], titles: [LONG_LABEL] })
    await visit(page, { path: `${WS}/task-usage`, heading: HOSTILE.imgOnerror, texts: [HOSTILE.script, HOSTILE.javascriptUrl], titles: [LONG_LABEL] })
    // A dialog named after a workspace with a 100-character name wraps its title on a phone.
    await visit(page, { path: `${MARKETING}/users`, heading: `${LONG_LABEL}: members`, texts: [] })
    await page.getByRole('button', { name: 'Invite people' }).click()
    const dialog = page.getByRole('dialog', { name: `Invite people to ${LONG_LABEL}` })
    await expect(dialog).toBeVisible()
    await expect.poll(() => dialog.evaluate((d) => d.scrollWidth - d.clientWidth), { message: 'the dialog scrolls sideways at 375 px' }).toBeLessThanOrEqual(0)
  })

  test('deployment screens show them as text, keep their width and make no javascript: link', async ({ page }) => {
    test.setTimeout(90_000)
    await signIn(page)
    await visit(page, { path: ETL, heading: HOSTILE.script, texts: [HOSTILE.svgBreakout] })
    await expect(page.getByRole('link', { name: /Open Airflow UI/ })).toHaveAttribute('href', /^https:\/\//)
    await visit(page, { path: `${ETL}/settings`, heading: HOSTILE.script, texts: [HOSTILE_EMAILS.script, HOSTILE_EMAILS.svgBreakout, HOSTILE_EMAILS.long, HOSTILE_EMAILS.rtl] })
    // Corpus strings as variables' values, whole, in their fields; the longest key the rules allow.
    await expect.poll(() => fieldValues(page, /^Value of variable \d+$/)).toEqual(expect.arrayContaining([HOSTILE.imgOnerror, HOSTILE.script, HOSTILE.unbroken, HOSTILE.rtl, HOSTILE.emoji, HOSTILE.template]))
    expect(await fieldValues(page, /^Name of variable \d+$/)).toContain(HOSTILE_ENV_KEY)
    await visit(page, { path: `${ETL}/history`, heading: /: deploy history$/, texts: [HOSTILE.imgOnerror, HOSTILE.svgBreakout, HOSTILE.rtl, HOSTILE.whitespace, HOSTILE.template], titles: [HOSTILE.unbroken.slice(0, 1000)] })
    await visit(page, { path: `${ETL}/service-accounts`, heading: HOSTILE.script, texts: [HOSTILE.javascriptUrl, HOSTILE.template] })
    await visit(page, { path: `${ETL}/access`, heading: HOSTILE.script, texts: [HOSTILE.svgBreakout, HOSTILE.script, HOSTILE.rtl], titles: [HOSTILE.unbroken] })
    await visit(page, { path: `${ETL}/teams`, heading: HOSTILE.script, texts: [HOSTILE.imgOnerror] })
    // A 100-character label and a 1,000-character description without a break: both wrap on the overview.
    await visit(page, { path: FINANCE, heading: LONG_LABEL, texts: [HOSTILE.unbroken.slice(0, 1000)] })
    await visit(page, { path: `${FINANCE}/settings`, heading: LONG_LABEL, texts: [] })
    // The backend sends a javascript: URL as this deployment's Airflow UI: no link is made of it.
    await visit(page, { path: LEGACY, heading: HOSTILE.javascriptUrl, texts: [HOSTILE.words] })
    await expect(page.getByRole('link', { name: /Open Airflow UI/ })).toHaveCount(0)
  })

  test('a right-to-left override that a name never closes does not turn the console’s words around', async ({ page }) => {
    await signIn(page)
    for (const [path, words] of [
      [`${ML_RESEARCH}/settings`, ': settings'],
      [`${ML_RESEARCH}/teams`, ': teams'],
      [`${EVENT_INGESTION}/configure`, ': resources'],
      [`${EVENT_INGESTION}/logs`, ': logs'],
    ] as const) {
      await test.step(path, async () => {
        await page.goto(path)
        const heading = page.getByRole('heading', { level: 1, name: `${HOSTILE.rtl}${words}` })
        await expect(heading).toBeVisible({ timeout: 15_000 })
        expect(await readsLeftToRight(heading, words), `"${words}" reads left to right`).toBe(true)
        // The tab is named after the heading, the name closed off there too (first strong isolate … pop isolate).
        await expect(page).toHaveTitle(`\u2068${HOSTILE.rtl}\u2069${words} · Airflow Platform Console`)
      })
    }
    // And in the toast after a change.
    await page.goto('/admin/workspaces')
    await page.getByRole('button', { name: `Set quota of ${HOSTILE.rtl}` }).click()
    const dialog = page.getByRole('dialog', { name: `Set the AU quota of ${HOSTILE.rtl}` })
    await dialog.getByRole('spinbutton', { name: 'AU quota' }).fill('310')
    await dialog.getByRole('button', { name: 'Set quota' }).click()
    const toast = page.getByRole('listitem').filter({ hasText: `${HOSTILE.rtl}: quota set to 310 AU` })
    await expect(toast).toBeVisible()
    expect(await readsLeftToRight(toast, ': quota set to'), 'the toast reads left to right').toBe(true)
  })

  test('log lines show them as text, found by a hostile search', async ({ page }) => {
    await signIn(page)
    await page.goto(`${ETL}/logs`)
    await expect(page.getByRole('heading', { level: 1, name: HOSTILE.script })).toBeVisible({ timeout: 15_000 })
    const search = page.getByRole('searchbox', { name: /Search the loaded records/ })
    await search.fill(HOSTILE.script)
    const onlyMatching = page.getByRole('checkbox', { name: 'Only matching records' })
    await onlyMatching.click()
    await expect(onlyMatching).toBeChecked()
    await expect(page.getByText(HOSTILE.script).first()).toBeVisible({ timeout: 15_000 })
    await expect(search).toHaveValue(HOSTILE.script)
    await expectNothingRan(page)
    await expectNoSidewaysScroll(page)
    await search.fill(HOSTILE.imgOnerror)
    await expect(page.getByText(HOSTILE.imgOnerror).first()).toBeVisible({ timeout: 15_000 })
    await expectNothingRan(page)
    await page.setViewportSize(NARROW)
    await expectNoSidewaysScroll(page)
  })

  test('system admin screens show them as text and keep their width', async ({ page }) => {
    test.setTimeout(90_000)
    await signIn(page)
    await visit(page, { path: '/admin/users', heading: 'Users', texts: [HOSTILE.svgBreakout, HOSTILE.script, HOSTILE.imgOnerror, HOSTILE_EMAILS.script], titles: [HOSTILE.unbroken] })
    // The full 10,000-character name is on the person's own page.
    await visit(page, { path: `/admin/users/${MARCUS}`, heading: HOSTILE.unbroken, texts: [] })
    await visit(page, { path: '/admin/workspaces', heading: 'Workspaces and quotas', texts: [HOSTILE.imgOnerror, HOSTILE.rtl], titles: [LONG_LABEL] })
    await visit(page, { path: '/admin/deployments', heading: 'All deployments', texts: [HOSTILE.script, HOSTILE.javascriptUrl, HOSTILE.zeroWidth], titles: [LONG_LABEL] })
    await visit(page, { path: '/admin/teams', heading: 'Teams', texts: [HOSTILE.imgOnerror], titles: [LONG_LABEL] })
    await visit(page, { path: `/admin/teams/${FINANCE_ANALYSTS}`, heading: `Team ${LONG_LABEL}`, texts: [HOSTILE.unbroken.slice(0, 1000)] })
  })
})

test.describe('hostile strings typed into the console', () => {
  test('a workspace and a deployment keep a hostile name and description, and refuse one too long', async ({ page }) => {
    await signIn(page)
    await page.goto('/workspaces')
    await page.getByRole('button', { name: 'Create workspace' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' })
    const name = dialog.getByRole('textbox', { name: 'Name' })
    await name.fill(HOSTILE.unbroken)
    await dialog.getByRole('button', { name: 'Create workspace' }).click()
    await expect(dialog.getByText('Names are at most 100 characters.')).toBeVisible()
    await expect(name).toHaveValue(HOSTILE.unbroken)
    await name.fill(HOSTILE.svgBreakout)
    await dialog.getByRole('textbox', { name: 'Description' }).fill(HOSTILE.whitespace)
    await dialog.getByRole('button', { name: 'Create workspace' }).click()
    await expect(page.getByRole('heading', { level: 1, name: HOSTILE.svgBreakout })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(HOSTILE.whitespace)).toBeVisible()
    await expectNothingRan(page)

    await page.goto(`${WS}/deployments/new`)
    const label = page.getByRole('textbox', { name: 'Name' })
    const description = page.getByRole('textbox', { name: 'Description' })
    await label.fill(`${HOSTILE.combining} ${HOSTILE.emoji}`)
    await description.fill(HOSTILE.unbroken)
    await page.getByRole('button', { name: 'Create deployment' }).click()
    await expect(page.getByText('Descriptions are at most 1,000 characters.')).toBeVisible()
    await expect(description).toHaveValue(HOSTILE.unbroken)
    await description.fill(HOSTILE.script)
    await page.getByRole('button', { name: 'Create deployment' }).click()
    await expect(page.getByRole('heading', { level: 1, name: `${HOSTILE.combining} ${HOSTILE.emoji}` })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText(HOSTILE.script, { exact: true })).toBeVisible()
    await expectNothingRan(page)
    await expectNoSidewaysScroll(page)
  })

  test('environment variables and alert emails store hostile values and refuse what the rules do not allow', async ({ page }) => {
    await signIn(page)
    await page.goto(`${ETL}/settings`)
    await expect(page.getByRole('heading', { level: 1, name: HOSTILE.script })).toBeVisible({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Add variable' }).click()
    const key = page.getByRole('textbox', { name: /^Name of variable \d+$/ }).last()
    const value = page.getByRole('textbox', { name: /^Value of variable \d+$/ }).last()
    await key.fill(HOSTILE.script)
    await value.fill(`${HOSTILE.imgOnerror} ${HOSTILE.rtl}`)
    await page.getByRole('button', { name: 'Save variables' }).click()
    await expect(page.getByText('Use letters, digits and underscores, not starting with a digit.')).toBeVisible()
    await expect(key).toHaveValue(HOSTILE.script)
    await expect(value).toHaveValue(`${HOSTILE.imgOnerror} ${HOSTILE.rtl}`)
    await key.fill('TYPED_HOSTILE_VALUE')
    await page.getByRole('button', { name: 'Save variables' }).click()
    await expect(page.getByText('Environment variables saved')).toBeVisible({ timeout: 15_000 })
    await page.reload()
    await expect(page.getByRole('textbox', { name: /^Name of variable \d+$/ }).last()).toHaveValue('TYPED_HOSTILE_VALUE', { timeout: 15_000 })
    await expect(page.getByRole('textbox', { name: /^Value of variable \d+$/ }).last()).toHaveValue(`${HOSTILE.imgOnerror} ${HOSTILE.rtl}`)

    // The console's address rule is the platform's: what is no address is refused, named as text, and kept in the field;
    // markup in a local part passes, and is stored and listed as text.
    const alerts = page.getByRole('textbox', { name: 'Add alert emails' })
    await alerts.fill(HOSTILE.script)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByText(`Not an email address: ${HOSTILE.script}`)).toBeVisible()
    await expect(alerts).toHaveValue(HOSTILE.script)
    await alerts.fill(HOSTILE_EMAILS.imgOnerror)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByRole('list', { name: 'Alert recipients' }).getByText(HOSTILE_EMAILS.imgOnerror, { exact: true })).toBeVisible({ timeout: 15_000 })
    await expect(alerts).toHaveValue('')
    await expectNothingRan(page)
    await expectNoSidewaysScroll(page)
  })

  test('an invite, a team and the search boxes take hostile text', async ({ page }) => {
    await signIn(page)
    await page.goto(`${WS}/users`)
    await expect(page.getByRole('heading', { level: 1, name: HOSTILE.imgOnerror })).toBeVisible({ timeout: 15_000 })
    const search = page.getByRole('searchbox', { name: 'Search' })
    await search.fill(HOSTILE.script)
    await expect(page.getByText('priya.shah@example.com')).toBeVisible()
    await expect(page.getByText('carlos.mendez@example.com')).toHaveCount(0)
    await expect(search).toHaveValue(HOSTILE.script)
    await search.fill('')

    await page.getByRole('button', { name: 'Invite people' }).click()
    const dialog = page.getByRole('dialog')
    const email = dialog.getByRole('textbox', { name: 'Email address 1' })
    await email.fill(HOSTILE.script)
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click()
    await expect(dialog.getByText(/valid email/i).first()).toBeVisible()
    await expect(email).toHaveValue(HOSTILE.script)
    await email.fill(HOSTILE_EMAILS.template)
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click()
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect(page.getByRole('rowheader', { name: HOSTILE_EMAILS.template })).toBeVisible({ timeout: 15_000 })
    await expectNothingRan(page)
    await expectNoSidewaysScroll(page)

    await page.goto(WS)
    const deployments = page.getByRole('searchbox', { name: 'Search' })
    await deployments.fill(HOSTILE.javascriptUrl)
    await expect(page.getByRole('link', { name: HOSTILE.javascriptUrl })).toBeVisible()
    await expect(page.getByRole('link', { name: HOSTILE.script })).toHaveCount(0)

    await page.goto('/admin/teams')
    await page.getByRole('button', { name: 'New team' }).click()
    const teamDialog = page.getByRole('dialog', { name: 'New team' })
    const teamName = teamDialog.getByRole('textbox', { name: 'Name' })
    await teamName.fill(HOSTILE.unbroken)
    await teamDialog.getByRole('button', { name: /Create/ }).click()
    await expect(teamDialog.getByText('A name is at most 100 characters.')).toBeVisible()
    await expect(teamName).toHaveValue(HOSTILE.unbroken)
    await teamName.fill(HOSTILE.template)
    await teamDialog.getByRole('button', { name: /Create/ }).click()
    await expect(page.getByRole('link', { name: HOSTILE.template, exact: true })).toBeVisible({ timeout: 15_000 })
    await expectNothingRan(page)

    await page.goto('/admin/users')
    const users = page.getByRole('searchbox', { name: 'Search' })
    await users.fill(HOSTILE.imgOnerror)
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await expect(page.getByText('ben.carter@example.com')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText('priya.shah@example.com')).toHaveCount(0)
    await expect(users).toHaveValue(HOSTILE.imgOnerror)
    await expectNothingRan(page)
    await expectNoSidewaysScroll(page)
  })
})
