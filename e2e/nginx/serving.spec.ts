import type { Page } from '@playwright/test'
import { expect, signInAs, test } from '../support/fixtures'

/** Collects every Content-Security-Policy violation the page reports. */
async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}

test('nginx serves the page, config and assets with the right caching and a strict CSP', async ({ request, baseURL }) => {
  const index = await request.get(`${baseURL}/`)
  expect(index.status()).toBe(200)
  expect(index.headers()['cache-control']).toBe('no-cache')
  const csp = index.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-eval')
  expect(csp).toMatch(/script-src 'self';/)

  const config = await request.get(`${baseURL}/config.json`)
  expect(config.headers()['cache-control']).toBe('no-cache')
  expect(await config.json()).toMatchObject({ graphqlUrl: expect.stringContaining('/v1') })

  const asset = /\/assets\/[^"]+\.js/.exec(await index.text())?.[0]
  expect(asset).toBeTruthy()
  const assetResponse = await request.get(`${baseURL}${asset ?? ''}`)
  expect(assetResponse.headers()['cache-control']).toContain('immutable')

  const deepLink = await request.get(`${baseURL}/workspaces/anything/deployments/else/logs?line=3`)
  expect(deepLink.status()).toBe(200)
  expect(await deepLink.text()).toContain('<div id="root">')
})

test('the console runs under the CSP with no violation, and deep links survive a reload', async ({ page }) => {
  const violations = await recordCspViolations(page)
  await signInAs(page, 'admin@example.com')
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const [link, path, heading] of [
    ['Configure', /\/configure$/, /Customer ETL/],
    ['Deployment settings', /\/settings$/, 'Customer ETL: settings'],
    ['Logs', /\/logs$/, /Customer ETL|Logs/],
    ['Metrics', /\/metrics$/, /Customer ETL|Metrics/],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click()
    // The address first: the previous page's heading would match the looser patterns.
    await expect(page).toHaveURL(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  }
  const settings = `${new URL(page.url()).pathname.replace(/\/metrics$/, '')}/settings`
  await page.goto(settings)
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible()
  // index.html preloads config.json (before the modules have loaded) and the console takes that answer: one request a load.
  // The workspace list too is asked for once, though the header's menus that show it load after the first paint.
  const configRequests: string[] = []
  let workspaceLists = 0
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/config.json') configRequests.push(r.url())
    if (r.method() === 'POST' && /"operationName":"Workspaces"/.test(r.postData() ?? '')) workspaceLists += 1
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible()
  await expect(page.getByRole('banner').getByRole('button', { name: /Switch workspace/, expanded: false })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(configRequests).toHaveLength(1)
  expect(workspaceLists).toBe(1)
  expect(await violations()).toEqual([])
})
