// Task usage: runs per workspace, per deployment and per day, over a range kept
// in the URL; system admins export what is shown as CSV, and the file's rows
// and total must match the page's.
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const FILE_NAME = /^task-usage-[a-z0-9-]+-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''))

/** The total the page states ("Total: 12,345 task runs, …"). */
async function pageTotal(page: Page): Promise<number> {
  const text = await page.getByText(/^Total: [\d,]+ task runs?/).textContent()
  return number(/Total: ([\d,]+)/.exec(text ?? '')?.[1] ?? '')
}

/** Labels and numbers of the table's rows (its total row left out). */
async function tableRows(page: Page, name: RegExp): Promise<{ label: string; runs: number }[]> {
  const table = page.getByRole('table', { name })
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') })
  await expect(rows.first()).toBeVisible()
  const out: { label: string; runs: number }[] = []
  for (const row of await rows.all()) {
    const label = (await row.getByRole('rowheader').textContent()) ?? ''
    if (label !== 'Total') out.push({ label, runs: number(await row.getByRole('cell').last().textContent()) })
  }
  return out
}

async function exportCsv(page: Page): Promise<{ download: Download; rows: string[][] }> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  const path = await download.path()
  return { download, rows: parseCsv(await readFile(path, 'utf8')) }
}

// Toasts appear at once with reduced motion, so axe never judges one mid-fade.
test.use({ reducedMotion: 'reduce' })

test('a system admin exports task usage as CSV, and the file’s rows and totals match the chart', async ({ page }) => {
  await signInAs(page, 'admin@example.com')
  await nav(page).getByRole('link', { name: 'Platform task usage' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Platform task usage' })).toBeVisible()
  const chart = page.getByRole('img', { name: /^Task runs per workspace in the platform/ })
  await expect(chart).toBeVisible()

  let total90 = 0
  await test.step('the platform, last 90 days: per workspace', async () => {
    const total = await pageTotal(page)
    expect(total).toBeGreaterThan(0)
    await expect(chart).toHaveAccessibleName(new RegExp(`${total.toLocaleString('en-US')} task runs in total`))
    const shown = await tableRows(page, /Task runs per workspace/)
    expect(shown.map((r) => r.label)).toEqual(['Data Platform', 'Marketing Analytics', 'ML Research', 'Platform Sandbox'])
    expect(shown.reduce((s, r) => s + r.runs, 0)).toBe(total)
    await expectNoSeriousA11yViolations(page)

    const { download, rows } = await exportCsv(page)
    expect(download.suggestedFilename()).toMatch(FILE_NAME)
    expect(rows[0]).toEqual(['Workspace', 'Task runs'])
    const body = rows.slice(1, -1)
    expect(body.map((r) => r[0])).toEqual(shown.map((r) => r.label))
    expect(body.map((r) => Number(r[1]))).toEqual(shown.map((r) => r.runs))
    expect(rows.at(-1)).toEqual(['Total', String(total)])
    expect(body.reduce((s, r) => s + Number(r[1]), 0)).toBe(total)
    total90 = total
  })

  await test.step('the range is kept in the URL across a reload, and the export follows it', async () => {
    await page.getByLabel('Time range').selectOption({ label: 'Last 30 days' })
    await expect(page).toHaveURL(/\?days=30$/)
    await page.reload()
    await expect(page.getByLabel('Time range')).toHaveValue('30')
    await expect(page.getByText(/^Total: [\d,]+ task runs?/)).not.toContainText(total90.toLocaleString('en-US'))
    const total = await pageTotal(page)
    expect(total).toBeLessThan(total90)
    const { rows } = await exportCsv(page)
    expect(rows.at(-1)).toEqual(['Total', String(total)])
    expect(rows.slice(1, -1).reduce((s, r) => s + Number(r[1]), 0)).toBe(total)
  })

  await test.step('a workspace per deployment, then a deployment per day, each exported', async () => {
    await page.getByRole('link', { name: 'Data Platform' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform: task usage' })).toBeVisible()
    await expect(page).toHaveURL(/\/task-usage\?days=30$/)
    const wsTotal = await pageTotal(page)
    const { rows: wsRows } = await exportCsv(page)
    expect(wsRows[0]).toEqual(['Deployment', 'Release name', 'Task runs'])
    expect(wsRows.slice(1, -1)).toHaveLength(6)
    expect(wsRows.at(-1)).toEqual(['Total', '', String(wsTotal)])

    await page.getByRole('link', { name: 'Customer ETL' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: task usage' })).toBeVisible()
    await expect(page.getByRole('img', { name: /^Task runs per day in Customer ETL/ })).toBeVisible()
    const depTotal = await pageTotal(page)
    const etlRow = wsRows.find((r) => r[0] === 'Customer ETL')
    expect(Number(etlRow?.[2])).toBe(depTotal)
    const { rows } = await exportCsv(page)
    expect(rows[0]).toEqual(['Date', 'Task runs'])
    const days = rows.slice(1, -1)
    expect(days).toHaveLength(30)
    expect(days.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0] ?? ''))).toBe(true)
    expect(rows.at(-1)).toEqual(['Total', String(depTotal)])
    expect(days.reduce((s, r) => s + Number(r[1]), 0)).toBe(depTotal)
    await expectNoSeriousA11yViolations(page)
  })
})

test('a workspace viewer sees the task usage of their workspace and deployments, but cannot export, nor see the platform’s', async ({ page }) => {
  await signInAs(page, 'viewer@example.com')
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  await nav(page).getByRole('link', { name: 'Task usage', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform: task usage' })).toBeVisible()
  await page.reload()
  const shown = await tableRows(page, /Task runs per deployment/)
  expect(shown).toHaveLength(6)
  expect(shown.reduce((s, r) => s + r.runs, 0)).toBe(await pageTotal(page))
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0)
  await expectNoSeriousA11yViolations(page)

  await expect(nav(page).getByRole('link', { name: 'Platform task usage' })).toHaveCount(0)
  await page.goto('/admin/task-usage')
  await expect(page.getByRole('heading', { level: 1, name: "You don't have access" })).toBeVisible()
})
