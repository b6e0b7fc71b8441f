// Issue 7, item 6: the console under injected faults. The built app talks to
// `npm run mock-api` over real HTTP and WebSocket; the tests answer some of its
// GraphQL requests themselves (HTTP 500, GraphQL errors, a 3-second delay),
// take the browser offline and drop the live WebSockets, and check what a user
// sees: what happened, reads retried and recovering by themselves, mutations
// sent once, typed values kept, an offline banner.
import type { APIRequestContext, Locator, Page, Request, Route } from '@playwright/test'
import { MOCK_API_URL } from '../support/environment'
import { ALLOW_PAGE_ERRORS, expect, signInAs, test } from '../support/fixtures'

const GRAPHQL_URL = `${MOCK_API_URL}/v1`

/** What the test answers instead of the mock API; undefined passes the request on. */
type Fault = { kind: 'http'; status: number } | { kind: 'graphql'; message: string; code?: string } | undefined

const serverError = (): Fault => ({ kind: 'http', status: 500 })
const graphqlError = (message: string, code = 'INTERNAL_SERVER_ERROR'): Fault => ({ kind: 'graphql', message, code })

/** Chromium prints a console error for every 5xx answer: the page-error guard is off where 500s are the point. */
const ERRORS_ARE_THE_POINT = { annotation: { type: ALLOW_PAGE_ERRORS, description: 'HTTP 500 answers are injected; Chromium logs each as a console error' } }

/** Chromium logs each request refused offline (net::ERR_INTERNET_DISCONNECTED) as a console error. */
const OFFLINE_ERRORS = { annotation: { type: ALLOW_PAGE_ERRORS, description: 'requests made offline fail; Chromium logs each as a console error' } }

interface FaultyApi {
  /** Answers the nth request (from 1) of an operation with the fault `plan(n)` returns. */
  fail(operationName: string, plan: (n: number) => Fault): void
  /** Stops answering an operation with faults: what follows goes to the mock API. */
  heal(operationName: string): void
  /** Delays every answer by `ms`. */
  delay(ms: number): void
  /** How many requests of an operation the page sent. */
  count(operationName: string): number
}

function operationOf(request: Request): string {
  const body = request.postDataJSON() as { operationName?: unknown } | null
  return typeof body?.operationName === 'string' ? body.operationName : ''
}

/** Puts the test between the page and the mock API's GraphQL endpoint. */
async function faultyApi(page: Page): Promise<FaultyApi> {
  const counts = new Map<string, number>()
  const plans = new Map<string, (n: number) => Fault>()
  let delayMs = 0
  const origin = new URL(page.url()).origin
  const cors = { 'access-control-allow-origin': origin, vary: 'Origin' }

  const handle = async (route: Route): Promise<void> => {
    const request = route.request()
    if (request.method() !== 'POST') return route.continue()
    const name = operationOf(request)
    const n = (counts.get(name) ?? 0) + 1
    counts.set(name, n)
    const fault = plans.get(name)?.(n)
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    try {
      if (!fault) await route.continue()
      else if (fault.kind === 'http') {
        await route.fulfill({ status: fault.status, headers: cors, contentType: 'text/plain', body: 'upstream connect error' })
      } else {
        await route.fulfill({ status: 200, headers: cors, json: { data: null, errors: [{ message: fault.message, extensions: { code: fault.code } }] } })
      }
    } catch (error) {
      // The page went away while the answer was delayed.
      if (!page.isClosed()) throw error
    }
  }
  await page.route((url) => url.href === GRAPHQL_URL, handle)
  return {
    fail: (name, plan) => void plans.set(name, plan),
    heal: (name) => void plans.delete(name),
    delay: (ms) => {
      delayMs = ms
    },
    count: (name) => counts.get(name) ?? 0,
  }
}

const main = (page: Page) => page.getByRole('main')

async function openCustomerEtl(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Customer ETL' }).click()
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deployment settings' }).click()
}

test.describe('reads', () => {
  test('a read that fails with HTTP 500 twice is retried with backoff and the screen recovers by itself', ERRORS_ARE_THE_POINT, async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    const api = await faultyApi(page)
    api.fail('DeploymentOverview', (n) => (n <= 2 ? serverError() : undefined))

    await openCustomerEtl(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible({ timeout: 20_000 })
    await expect(main(page).getByText('Release name')).toBeVisible()
    expect(api.count('DeploymentOverview')).toBe(3)
    // Recovered: nothing on the screen says it failed.
    await expect(main(page).getByRole('alert')).toHaveCount(0)
  })

  test('a read that keeps failing says so, and Try again loads it once the server is back', ERRORS_ARE_THE_POINT, async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    const api = await faultyApi(page)
    api.fail('DeploymentOverview', serverError)

    await openCustomerEtl(page)
    const alert = main(page).getByRole('alert')
    await expect(alert).toContainText('This could not be loaded', { timeout: 25_000 })
    await expect(alert).toContainText('HTTP 500')
    // Five attempts in all (RetryLink), then the error state.
    expect(api.count('DeploymentOverview')).toBe(5)

    api.heal('DeploymentOverview')
    await alert.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible({ timeout: 15_000 })
    await expect(main(page).getByRole('alert')).toHaveCount(0)
  })

  test('a GraphQL error on a read shows the server’s message, without retrying', async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    const api = await faultyApi(page)
    api.fail('DeploymentOverview', () => graphqlError('Houston is restarting: try again in a minute.'))

    await openCustomerEtl(page)
    const alert = main(page).getByRole('alert')
    await expect(alert).toContainText('This could not be loaded', { timeout: 15_000 })
    await expect(alert).toContainText('Houston is restarting: try again in a minute.')
    expect(api.count('DeploymentOverview')).toBe(1)

    api.heal('DeploymentOverview')
    await alert.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible({ timeout: 15_000 })
    expect(api.count('DeploymentOverview')).toBe(2)
  })
})

test.describe('mutations', () => {
  test('saving details fails with HTTP 500: the form says so, keeps what was typed, and the save was sent once', ERRORS_ARE_THE_POINT, async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    await openCustomerEtl(page)
    await openSettings(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible({ timeout: 15_000 })
    const api = await faultyApi(page)
    api.fail('UpdateDeploymentDetails', (n) => (n === 1 ? serverError() : undefined))

    const details = page.getByRole('region', { name: 'Details' })
    await details.getByLabel('Name', { exact: true }).fill('Customer ETL v2')
    await details.getByLabel('Description').fill('Loads customers and orders, now hourly.')
    await details.getByRole('button', { name: 'Save details' }).click()

    await expect(details.getByRole('alert')).toContainText('HTTP 500')
    await expect(details.getByLabel('Name', { exact: true })).toHaveValue('Customer ETL v2')
    await expect(details.getByLabel('Description')).toHaveValue('Loads customers and orders, now hourly.')
    await expect(details.getByRole('button', { name: 'Save details' })).toBeEnabled()

    await details.getByRole('button', { name: 'Save details' }).click()
    await expect(page.getByText('Details saved')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL v2: settings' })).toBeVisible()
    await expect(details.getByRole('alert')).toHaveCount(0)
    // One failed attempt and one that worked: the failure was never repeated behind the user's back.
    expect(api.count('UpdateDeploymentDetails')).toBe(2)
  })

  test('creating a deployment meets a GraphQL error: the form shows it, keeps every choice, and creates it once on the next try', async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    const api = await faultyApi(page)
    api.fail('CreateDeployment', (n) => (n === 1 ? graphqlError('The platform could not reserve a namespace. Try again.') : undefined))

    await page.getByRole('link', { name: 'New deployment' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'New deployment' })).toBeVisible({ timeout: 15_000 })
    await page.getByLabel('Name', { exact: true }).fill('Payments Sync')
    await page.getByLabel('Description').fill('Settles card payments every hour.')
    await page.getByRole('radio', { name: /Kubernetes/ }).check()
    await page.getByLabel('Airflow version').selectOption('2.9.3')
    await page.getByRole('button', { name: 'Create deployment' }).click()

    await expect(main(page).getByRole('alert')).toContainText('The platform could not reserve a namespace. Try again.')
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Payments Sync')
    await expect(page.getByLabel('Description')).toHaveValue('Settles card payments every hour.')
    await expect(page.getByRole('radio', { name: /Kubernetes/ })).toBeChecked()
    await expect(page.getByLabel('Airflow version')).toHaveValue('2.9.3')
    expect(api.count('CreateDeployment')).toBe(1)

    await page.getByRole('button', { name: 'Create deployment' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Payments Sync' })).toBeVisible({ timeout: 15_000 })
    expect(api.count('CreateDeployment')).toBe(2)
  })

  test('scaling fails with HTTP 500: the error is shown, the new size is kept, and saving again works', ERRORS_ARE_THE_POINT, async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    await openCustomerEtl(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configure' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: resources' })).toBeVisible({ timeout: 15_000 })
    const api = await faultyApi(page)
    api.fail('UpdateDeploymentResources', (n) => (n === 1 ? serverError() : undefined))

    await page.getByRole('spinbutton', { name: 'Workers AU' }).fill('20')
    await page.getByRole('spinbutton', { name: 'Worker count' }).fill('4')
    await page.getByRole('button', { name: /^Review changes/ }).click()
    const review = page.getByRole('dialog', { name: 'Review changes to Customer ETL' })
    await review.getByRole('button', { name: 'Save changes' }).click()

    await expect(main(page).getByRole('alert').filter({ hasText: 'HTTP 500' })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('spinbutton', { name: 'Workers AU' })).toHaveValue('20')
    await expect(page.getByRole('spinbutton', { name: 'Worker count' })).toHaveValue('4')
    expect(api.count('UpdateDeploymentResources')).toBe(1)

    await page.getByRole('button', { name: /^Review changes/ }).click()
    await review.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText(/^Saved: Customer ETL is deploying at/)).toBeVisible({ timeout: 15_000 })
    expect(api.count('UpdateDeploymentResources')).toBe(2)
  })
})

test.describe('offline', () => {
  test('offline: a banner says so and a save says why it failed; back online the banner goes, the screen refreshes by itself and what was typed can be saved', OFFLINE_ERRORS, async ({ page, context, request }) => {
    await signInAs(page, 'editor@example.com')
    await openCustomerEtl(page)
    await openSettings(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible({ timeout: 15_000 })
    const deploymentId = /deployments\/([^/?]+)/.exec(page.url())?.[1] ?? ''
    const banner = page.getByRole('status').filter({ hasText: 'You are offline' })
    await expect(banner).toBeHidden()

    await context.setOffline(true)
    await expect(banner).toBeVisible()
    const details = page.getByRole('region', { name: 'Details' })
    await details.getByLabel('Description').fill('Hourly loads, written offline.')
    await details.getByRole('button', { name: 'Save details' }).click()
    await expect(details.getByRole('alert')).toContainText('You are offline. Check your connection')
    await expect(details.getByLabel('Description')).toHaveValue('Hourly loads, written offline.')

    // Someone else renames the deployment meanwhile.
    await renameDeployment(request, deploymentId, 'Customer ETL (renamed)')

    await context.setOffline(false)
    await expect(banner).toBeHidden()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL (renamed): settings' })).toBeVisible({ timeout: 15_000 })
    await expect(details.getByLabel('Name', { exact: true })).toHaveValue('Customer ETL (renamed)')
    await expect(details.getByLabel('Description')).toHaveValue('Hourly loads, written offline.')

    await details.getByRole('button', { name: 'Save details' }).click()
    await expect(page.getByText('Details saved')).toBeVisible({ timeout: 15_000 })
    await expect(details.getByRole('alert')).toHaveCount(0)
    // Saving the description did not undo the rename made elsewhere.
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL (renamed): settings' })).toBeVisible()
  })
})

test.describe('latency', () => {
  test('with 3 s on every answer, screens show loading states, then content, and a slow save is sent once however often it is pressed', async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    const api = await faultyApi(page)
    api.delay(3000)

    await openCustomerEtl(page)
    await expect(page.getByRole('status').filter({ hasText: 'Loading deployment…' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible({ timeout: 15_000 })
    await openSettings(page)
    await expect(page.getByRole('status').filter({ hasText: 'Loading settings…' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible({ timeout: 15_000 })

    const details = page.getByRole('region', { name: 'Details' })
    const name = details.getByLabel('Name', { exact: true })
    const save = details.getByRole('button', { name: 'Save details' })
    await name.fill('Customer ETL (slow)')
    await save.dblclick()
    // Busy while the answer takes its time; Enter in the form cannot send it again either.
    await expect(save).toBeDisabled()
    await name.press('Enter')
    await expect(page.getByText('Details saved')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL (slow): settings' })).toBeVisible()
    expect(api.count('UpdateDeploymentDetails')).toBe(1)
  })
})

test.describe('WebSocket', () => {
  test('the live tail rides out a dropped socket and an offline spell: records keep arriving afterwards, none twice', OFFLINE_ERRORS, async ({ page, context, request }) => {
    await signInAs(page, 'viewer@example.com')
    await openCustomerEtl(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs' }).click()
    await page.getByLabel('Time range').selectOption({ label: 'Last 5 minutes' })
    const list = page.getByRole('list', { name: 'Log records' })
    await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByText('Live', { exact: true })).toBeVisible()
    const newest = async () => (await shownTimes(list)).at(-1) ?? ''
    // Records arriving over the socket: it is up before it is dropped.
    const first = await newest()
    await expect.poll(newest, { timeout: 25_000 }).not.toBe(first)

    // The server drops the socket: the tail reconnects and carries on from the last record.
    const dropped = await request.post(`${MOCK_API_URL}/__test/drop-sockets`)
    expect(((await dropped.json()) as { dropped: number }).dropped).toBeGreaterThan(0)
    await expect(page.getByText(/Reconnected 1×/)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText('Live', { exact: true })).toBeVisible()
    const afterDrop = await newest()
    await expect.poll(newest, { timeout: 20_000 }).not.toBe(afterDrop)

    // The network goes. No close may ever reach the page (Chromium's offline mode
    // freezes an open socket), yet the tail must not say "Live" over silence.
    await context.setOffline(true)
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
    await expect(page.getByText('Reconnecting…')).toBeVisible({ timeout: 15_000 })
    const atOffline = await newest()

    await context.setOffline(false)
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeHidden()
    await expect(page.getByText(/Reconnected [2-9]×/)).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText('Live', { exact: true })).toBeVisible()
    await expect.poll(newest, { timeout: 20_000 }).not.toBe(atOffline)
    const times = await shownTimes(list)
    expect(new Set(times).size).toBe(times.length)
    expect([...times].sort()).toEqual(times)
  })
})

/** The times of the log rows in sight, in order (records of one release have unique timestamps). */
async function shownTimes(list: Locator): Promise<string[]> {
  return list.getByRole('listitem').getByRole('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
}

/** Renames a deployment as the admin, straight through the mock API. */
async function renameDeployment(request: APIRequestContext, deploymentUuid: string, label: string): Promise<void> {
  const signIn = await request.post(GRAPHQL_URL, {
    data: {
      query: 'mutation ($identity: String!, $password: String!) { createToken(identity: $identity, password: $password) { token { value } } }',
      variables: { identity: 'admin@example.com', password: 'demo' },
    },
  })
  const token = ((await signIn.json()) as { data: { createToken: { token: { value: string } } } }).data.createToken.token.value
  const renamed = await request.post(GRAPHQL_URL, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      query: 'mutation ($id: Uuid!, $payload: JSON) { updateDeployment(deploymentUuid: $id, payload: $payload) { id label } }',
      variables: { id: deploymentUuid, payload: { label } },
    },
  })
  expect(((await renamed.json()) as { data: { updateDeployment: { label: string } } }).data.updateDeployment.label).toBe(label)
}
