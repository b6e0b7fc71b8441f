import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

test('metrics panels render the seeded series of the deployment and switch range', async ({ page }) => {
  test.setTimeout(90_000)
  await signInAs(page, 'viewer@example.com')
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: metrics' })).toBeVisible()
  const release = await page.getByRole('main').locator('code').first().textContent()
  expect(release).toMatch(/^[a-z]+-[a-z]+-\d{4}$/)

  for (const group of ['Status', 'Tasks', 'Scheduler', 'Database', 'Quotas', 'Usage']) {
    await expect(page.getByRole('heading', { level: 2, name: group })).toBeVisible()
  }
  // The DAG bag size the (seeded) Prometheus holds for this release right now.
  const expected = await page.evaluate(async (r) => {
    const res = await fetch(`/api/v1/query?query=${encodeURIComponent(`max(airflow_dagbag_size{release="${r ?? ''}"})`)}`)
    const body = (await res.json()) as { data: { result: { value: [number, string] }[] } }
    return body.data.result[0]?.value[1] ?? 'none'
  }, release)
  const dagbag = page.getByRole('region', { name: 'DAG bag size' })
  await expect(dagbag.getByRole('definition')).toHaveText(expected, { timeout: 15_000 })
  await expect(page.getByRole('region', { name: 'Running and queued tasks' }).getByRole('term')).toHaveText(['Running', 'Queued'])
  await expect(page.getByRole('region', { name: 'Memory usage' }).getByRole('definition').first()).toHaveText(/\d (MiB|GiB)$/)
  await expect(page.getByRole('region', { name: 'Usage as a share of limits' }).getByRole('definition').first()).toHaveText(/%$/)
  await expect(page.getByRole('region', { name: 'CPU usage' }).getByRole('definition').first()).toHaveText(/cores$/)
  await expect(page.getByRole('region', { name: 'Task successes and failures' }).getByRole('definition').first()).toHaveText(/\/min$/)
  await expectNoSeriousA11yViolations(page)

  await page.getByLabel('Time range').selectOption({ label: 'Last 7 days' })
  await expect(page).toHaveURL(/range=7d/)
  await expect(page.getByText(/One point every 60 min/)).toBeVisible()
  await expect(dagbag.getByRole('definition')).toHaveText(/^\d+$/)

  // Only the chosen groups, kept in the URL across a reload.
  await page.getByRole('checkbox', { name: 'Usage' }).click()
  await expect(page.getByRole('checkbox', { name: 'Usage' })).not.toBeChecked()
  await page.getByRole('checkbox', { name: 'Quotas' }).click()
  await expect(page).toHaveURL(/panels=status%2Ctasks%2Cscheduler%2Cdatabase(&|$)/)
  await expect(page.getByRole('heading', { level: 2, name: 'Usage' })).toBeHidden()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: metrics' })).toBeVisible()
  await expect(page.getByLabel('Time range')).toHaveValue('7d')
  await expect(page.getByRole('checkbox', { name: 'Usage' })).not.toBeChecked()
  await expect(page.getByRole('heading', { level: 2, name: 'Quotas' })).toBeHidden()
  await expect(page.getByRole('region', { name: 'DAG bag size' }).getByRole('definition')).toHaveText(/^\d+$/, { timeout: 15_000 })
  await expectNoSeriousA11yViolations(page)
})
