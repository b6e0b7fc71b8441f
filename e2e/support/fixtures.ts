// The `test` every spec imports. What it adds to Playwright's:
// - a fresh browser context per test (Playwright's default, kept on purpose):
//   fresh localStorage, so a fresh demo backend in demo mode;
// - a page-error guard: an uncaught exception or a console error other than a
//   4xx response fails the test (opt out with the ALLOW_PAGE_ERRORS annotation);
// - in the node-server project, /config.json pointed at the mock API and its
//   state reset before each test;
// - axe helpers and a sign-in through the UI.
import { readFileSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test'
import { SEEDED_ACCOUNTS } from '../../mocks/houston/seed-accounts'
import { MOCK_API_URL, NODE_SERVER_CONFIG } from './environment'

export { expect }

/**
 * Which backend the app talks to: MSW inside the page, or `npm run mock-api`
 * (with config.json rewritten by the test, or served by nginx as deployed).
 */
export type Backend = 'demo' | 'node-server' | 'nginx'
export type E2EOptions = { backend: Backend }

/**
 * Annotation that turns the page-error guard off for one test, for a test that
 * provokes errors on purpose:
 * `test('…', { annotation: { type: ALLOW_PAGE_ERRORS, description: 'why' } }, …)`.
 */
export const ALLOW_PAGE_ERRORS = 'allow-page-errors'

const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

// How Chromium reports a response with an error status; 4xx are expected
// (a 401 before sign-in, a 403 for a role that may not), 5xx are not.
const CLIENT_ERROR_RESPONSE = /^Failed to load resource: the server responded with a status of 4\d\d\b/

type E2EFixtures = {
  makeAxeBuilder: () => AxeBuilder
  /** POSTs /__test/reset to the mock API. Runs by itself before each node-server test. */
  resetBackend: () => Promise<void>
}

export const test = base.extend<E2EFixtures & E2EOptions>({
  backend: ['demo', { option: true }],

  context: async ({ context, backend }, use, testInfo) => {
    if (backend === 'node-server') await pointConfigAtMockApi(context)
    const problems = watchPageErrors(context)
    await use(context)
    if (testInfo.annotations.some((annotation) => annotation.type === ALLOW_PAGE_ERRORS)) return
    expect(problems, `page errors (opt out with the "${ALLOW_PAGE_ERRORS}" annotation)`).toEqual([])
  },

  makeAxeBuilder: async ({ page }, use) => {
    await use(() => axeBuilder(page))
  },

  resetBackend: [
    async ({ backend, playwright }, use) => {
      const reset = async (): Promise<void> => {
        if (backend === 'demo') {
          throw new Error('resetBackend() is for the mock API projects: demo state lives in the fresh context each test gets')
        }
        const api = await playwright.request.newContext()
        const url = `${MOCK_API_URL}/__test/reset`
        try {
          const response = await api.post(url).catch((error: unknown) => {
            throw new Error(`POST ${url} failed: is \`npm run mock-api\` running? ${String(error)}`)
          })
          if (!response.ok()) {
            throw new Error(`POST ${url} answered ${response.status()}: is the mock API running with HOUSTON_TEST_HOOKS=1?`)
          }
        } finally {
          await api.dispose()
        }
      }
      if (backend !== 'demo') await reset()
      await use(reset)
    },
    { auto: true },
  ],
})

/** Signs in as a seeded account through the sign-in form and waits for the app's shell. */
export async function signInAs(page: Page, email: string): Promise<void> {
  const account = SEEDED_ACCOUNTS.find((seeded) => seeded.email === email)
  if (!account) throw new Error(`${email} is not a seeded account (mocks/houston/seed-accounts.ts)`)
  await page.goto('/sign-in')
  await page.getByLabel('Email', { exact: true }).fill(account.email)
  await page.getByLabel('Password', { exact: true }).fill(account.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 15_000 })
  // Sign-in lands on "/", which then opens the first workspace and adds its section to the navigation:
  // wait for that page's heading, or a click on the navigation can land where a link was a moment before.
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 })
}

/**
 * Fails listing each serious or critical WCAG 2.1 A/AA violation on the page
 * (rule, impact, element, help); minor and moderate ones are left to lint and
 * review. `configure` narrows the scan, e.g. `(axe) => axe.include('main')`.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder,
): Promise<void> {
  await test.step('no serious accessibility violations', async () => {
    const { violations } = await configure(axeBuilder(page)).analyze()
    const serious = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) =>
        violation.nodes.map(
          (node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help} ${violation.helpUrl}`,
        ),
      )
    expect(serious, `serious accessibility violations on ${page.url()}`).toEqual([])
  })
}

/**
 * Legacy mode runs axe in the page itself. The default mode also opens a blank
 * page for every scan to merge frames' results, which doubled each scan here
 * (3.0 to 3.3 s against 1.5 s on the admin users page): about 2 minutes of the
 * e2e run. What it adds is testing cross-origin frames, and the console's only
 * frame shows Grafana or Kibana, not the console; the frame's own title is
 * still checked in the page.
 */
function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withTags(A11Y_TAGS).setLegacyMode(true)
}

/** public/config.json as shipped, read once: the node-server project answers config.json itself. */
const SHIPPED_CONFIG = JSON.parse(readFileSync(new URL('../../public/config.json', import.meta.url), 'utf8')) as Record<string, unknown>

async function pointConfigAtMockApi(context: BrowserContext): Promise<void> {
  // Answered without asking the preview server, whose connections a busy
  // machine sometimes resets mid-run.
  await context.route(
    (url) => url.pathname === '/config.json',
    (route) => route.fulfill({ json: { ...SHIPPED_CONFIG, ...NODE_SERVER_CONFIG } }),
  )
}

function watchPageErrors(context: BrowserContext): string[] {
  const problems: string[] = []
  context.on('weberror', (webError) => {
    const error = webError.error()
    problems.push(`uncaught ${error.name}: ${error.message} (on ${webError.page()?.url() ?? 'a closed page'})`)
  })
  context.on('console', (message) => {
    if (message.type() !== 'error' || CLIENT_ERROR_RESPONSE.test(message.text())) return
    const { url, lineNumber } = message.location()
    problems.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`)
  })
  return problems
}
