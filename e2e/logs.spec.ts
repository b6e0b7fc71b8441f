import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

test('a viewer filters scheduler logs for ERROR and opens a permalink on the same record', async ({ page, context }) => {
  test.setTimeout(90_000)
  await signInAs(page, 'viewer@example.com')
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: logs' })).toBeVisible()
  const list = page.getByRole('list', { name: 'Log records' })
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })

  await page.getByLabel('Component').selectOption({ label: 'Scheduler' })
  await page.getByLabel('Search the loaded records').fill('ERROR')
  await expect(page).toHaveURL(/q=ERROR/)
  await page.getByLabel('Only matching records').check()
  await expect(page.getByText(/^\d[\d,]* matching records?$/)).toBeVisible({ timeout: 15_000 })
  await expect(page).toHaveURL(/component=scheduler/)
  await expect(page).toHaveURL(/q=ERROR/)
  const rows = list.getByRole('listitem')
  await expect(rows.first()).toBeVisible()
  for (const text of await rows.allTextContents()) {
    expect(text).toContain('Scheduler')
    expect(text.toLowerCase()).toContain('error')
  }
  // Matches are marked, and the live tail runs.
  await expect(list.locator('mark').first()).toBeVisible()
  await expect(page.getByText('Live', { exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // Next match moves through every loaded record and counts them.
  await page.getByRole('button', { name: 'Next match' }).click()
  await expect(page.getByText(/^\d[\d,]* of \d[\d,]* matching records?$/)).toBeVisible()

  // The permalink of a record, opened in a new page, lands on that record, in
  // sight even in a window too short for the filters and the whole list.
  const row = rows.nth(1)
  const time = await row.getByRole('time').textContent()
  const link = row.getByRole('link', { name: /Link to the record of/ })
  const href = await link.getAttribute('href')
  expect(href).toMatch(/line=/)
  const other = await context.newPage()
  await other.setViewportSize({ width: 1280, height: 640 })
  await other.goto(href ?? '/')
  await expect(other.getByRole('heading', { level: 1, name: 'Customer ETL: logs' })).toBeVisible()
  await expect(other.getByText(/Selected record:/)).toContainText(time ?? 'missing', { timeout: 15_000 })
  const landed = other.getByRole('list', { name: 'Log records' }).getByRole('listitem').filter({ hasText: time ?? 'missing' })
  await expect(landed).toBeInViewport()
  await expect(landed.getByRole('link', { name: /Link to the record of/ })).toHaveAttribute('aria-current', 'true')
  await expect(other.getByText('Fixed range: live tail is off.')).toBeVisible()
  await expectNoSeriousA11yViolations(other)

  // The same view after a reload: the state is the URL's and the server's.
  await other.reload()
  await expect(other.getByText(/Selected record:/)).toContainText(time ?? 'missing', { timeout: 15_000 })
  await expect(landed).toBeInViewport()
  await expect(other.getByLabel('Component')).toHaveValue('scheduler')
  await expect(other.getByLabel('Search the loaded records')).toHaveValue('ERROR')
})

test('live tail: pause, resume, jump to newest, and a download of exactly what is shown', async ({ page }) => {
  test.setTimeout(90_000)
  await signInAs(page, 'viewer@example.com')
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Logs' }).click()
  await page.getByLabel('Time range').selectOption({ label: 'Last 5 minutes' })
  const list = page.getByRole('list', { name: 'Log records' })
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 })
  await expect(page.getByText('Live', { exact: true })).toBeVisible()

  // Scrolled up, the reader stays put while records arrive.
  await page.getByRole('region', { name: /Log records of/ }).evaluate((el) => {
    el.scrollTop = 0
  })
  await expect(page.getByRole('button', { name: 'Jump to newest' })).toBeVisible()
  const firstTime = await list.getByRole('listitem').first().getByRole('time').textContent()
  await page.waitForTimeout(1500)
  await expect(list.getByRole('listitem').first().getByRole('time')).toHaveText(firstTime ?? '')
  await page.getByRole('button', { name: 'Jump to newest' }).click()
  await expect(page.getByRole('button', { name: 'Jump to newest' })).toBeHidden()

  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByText('Paused', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(page.getByText('Live', { exact: true })).toBeVisible()

  await page.getByLabel('Level').selectOption({ label: 'Warning and above' })
  const shown = Number((await page.getByText(/shown of [\d,]+ loaded/).textContent())?.match(/^([\d,]+) shown/)?.[1]?.replace(/,/g, ''))
  expect(shown).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Pause' }).click()
  await expectNoSeriousA11yViolations(page)
  const downloadPromise = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download shown' }).click()
  const download = await downloadPromise
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8'))
  expect(text).not.toContain('\u001b')
  const records = text.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}T/.test(l))
  const nowShown = Number((await page.getByText(/shown of [\d,]+ loaded/).textContent())?.match(/^([\d,]+) shown/)?.[1]?.replace(/,/g, ''))
  expect(records).toHaveLength(nowShown)
  expect(records.every((l) => !/ INFO - | DEBUG - /.test(l))).toBe(true)
})
