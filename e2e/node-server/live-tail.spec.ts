import type { Locator } from '@playwright/test'
import { MOCK_API_URL } from '../support/environment'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from '../support/fixtures'

/** The times of the rows in sight, in order (records of one release have unique timestamps). */
async function shownTimes(list: Locator): Promise<string[]> {
  return list.getByRole('listitem').getByRole('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
}

// With reduced motion the rows settle at once, which once made the view stop
// following the newest (the demo logs journey covers full motion).
test.use({ reducedMotion: 'reduce' })
test('live tail survives a dropped connection: records keep arriving, none twice', async ({ page, request }) => {
  test.setTimeout(90_000)
  await signInAs(page, 'viewer@example.com')
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs' }).click()
  await page.getByLabel('Time range').selectOption({ label: 'Last 5 minutes' })
  const list = page.getByRole('list', { name: 'Log records' })
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })
  await expect(page.getByText('Live', { exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // Records stream in over the WebSocket while the view follows the newest.
  const newest = async () => (await shownTimes(list)).at(-1) ?? ''
  const before = await newest()
  await expect.poll(newest, { timeout: 25_000 }).not.toBe(before)

  const dropped = await request.post(`${MOCK_API_URL}/__test/drop-sockets`)
  expect(((await dropped.json()) as { dropped: number }).dropped).toBeGreaterThan(0)
  const atDrop = await newest()

  // The stream comes back and continues from the last record seen.
  await expect(page.getByText(/Reconnected \d+×/)).toBeVisible({ timeout: 20_000 })
  await expect.poll(newest, { timeout: 15_000 }).not.toBe(atDrop)
  const times = await shownTimes(list)
  expect(new Set(times).size).toBe(times.length)
  expect([...times].sort()).toEqual(times)
  await expect(page.getByText('Live', { exact: true })).toBeVisible()

  // After a reload the view is the server's again, and live.
  await page.reload()
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })
  await expect(page.getByText('Live', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Time range')).toHaveValue('5m')
})
