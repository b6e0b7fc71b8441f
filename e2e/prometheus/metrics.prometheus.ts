import { expect, expectNoSeriousA11yViolations, signInAs, test } from '../support/fixtures'
import { EXPORTER_URL, PROMETHEUS_URL } from './environment'

/** The value the exporter exports now for a metric of a release (the sum over its series). */
async function exported(metric: string, release: string): Promise<number> {
  const text = await (await fetch(`${EXPORTER_URL}/metrics`)).text()
  const values = text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`) && line.includes(`release="${release}"`))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)))
  if (values.length === 0) throw new Error(`the exporter exports no ${metric} for ${release}`)
  return values.reduce((a, b) => a + b, 0)
}

test.beforeEach(async ({ context }) => {
  // Demo mode for GraphQL, the real Prometheus for metrics.
  await context.route(
    (url) => url.pathname === '/config.json',
    async (route) => {
      const response = await route.fetch()
      const shipped = (await response.json()) as Record<string, unknown>
      await route.fulfill({ json: { ...shipped, graphqlUrl: null, metricsUrl: PROMETHEUS_URL } })
    },
  )
  // Prometheus has scraped the exporter for 20 s, so that even the newest step-aligned point of a range has samples for rate() behind it.
  await expect
    .poll(
      async () => {
        const res = await fetch(`${PROMETHEUS_URL}/api/v1/query?query=${encodeURIComponent('count(count_over_time(airflow_dagbag_size[1m]) >= 20)')}`)
        const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } }
        return Number(body.data?.result?.[0]?.value[1] ?? 0)
      },
      { timeout: 60_000, message: 'Prometheus scrapes the exporter' },
    )
    .toBeGreaterThan(0)
})

test("the metrics panels show the exporter's values through a real Prometheus", async ({ page }) => {
  test.setTimeout(90_000)
  await signInAs(page, 'viewer@example.com')
  await page.getByRole('link', { name: 'Customer ETL' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: metrics' })).toBeVisible()
  await page.getByLabel('Time range').selectOption({ label: 'Last 15 minutes' })
  const release = (await page.getByRole('main').locator('code').first().textContent()) ?? ''
  expect(release).toMatch(/^[a-z]+-[a-z]+-\d{4}$/)

  // DAG bag size: a gauge that the exporter holds steady through the day.
  const dags = await exported('airflow_dagbag_size', release)
  await expect(page.getByRole('region', { name: 'DAG bag size' }).getByRole('definition')).toHaveText(String(dags), { timeout: 20_000 })

  // Expected pods and the quotas' hard limits are constants of the deployment's size.
  const expectedPods = await exported('kube_deployment_spec_replicas', release)
  await expect(page.getByRole('term').filter({ hasText: 'Pods expected' }).locator('..').getByRole('definition')).toHaveText(String(expectedPods))
  const podsQuota = page.getByRole('region', { name: 'Pods quota' })
  const hardPods = Number(
    (await (await fetch(`${EXPORTER_URL}/metrics`)).text())
      .split('\n')
      .find((l) => l.startsWith('kube_resourcequota{') && l.includes(`release="${release}"`) && l.includes('resource="pods"') && l.includes('type="hard"'))
      ?.split(' ')
      .at(-1),
  )
  await expect(podsQuota.getByRole('term').filter({ hasText: 'Hard limit' }).locator('..').getByRole('definition')).toHaveText(String(hardPods))

  // Rates come through too (rate() over the 1 s scrapes).
  await expect(page.getByRole('region', { name: 'Scheduler heartbeat' }).getByRole('definition')).toHaveText(/\/min$/, { timeout: 20_000 })
  await expect(page.getByRole('region', { name: 'CPU usage' }).getByRole('definition').first()).toHaveText(/cores$/)
  await expectNoSeriousA11yViolations(page)

  // Switching range asks Prometheus again, with a coarser step.
  await page.getByLabel('Time range').selectOption({ label: 'Last 6 hours' })
  await expect(page).toHaveURL(/range=6h/)
  await expect(page.getByText(/One point every 2 min/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'DAG bag size' }).getByRole('definition')).toHaveText(String(dags), { timeout: 20_000 })
  await page.reload()
  await expect(page.getByRole('region', { name: 'DAG bag size' }).getByRole('definition')).toHaveText(String(dags), { timeout: 20_000 })
})
