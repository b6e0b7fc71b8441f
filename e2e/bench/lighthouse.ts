// Lighthouse (performance, desktop preset) on the production build served as in
// production: Debian's nginx with deploy/'s configuration (gzip, cache headers,
// CSP, config.json on disk) via e2e/nginx/serve.sh, in front of `npm run mock-api`.
// Chromium is Debian's, started by chrome-launcher; nothing is downloaded.
//
//   npm run bench:lighthouse   (builds first), or
//   npx vite build --outDir dist && npx tsx e2e/bench/lighthouse.ts
//
// Options (environment): BENCH_DIST (default dist), BENCH_NGINX_PORT (4393),
// BENCH_API_PORT (8893), BENCH_RUNS (3 runs a page; the run with the median
// score is reported), BENCH_REPORT_DIR (write each reported run's report there,
// HTML and JSON), BENCH_PAGES (only the pages whose name contains it, e.g.
// "overview"), CHROMIUM_PATH.
//
// Signed-in pages need a session: the script asks the mock API's createToken for
// one and writes it where the console keeps it (localStorage, through the
// Chrome DevTools Protocol) before each run; Lighthouse is told not to reset
// storage, so the script empties the HTTP cache itself: every run is a cold load.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { chromium as playwrightChromium, type Browser } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig, generateReport, type Result } from 'lighthouse'
import { SEED_IDS } from '../../mocks/houston/seed'
import { CHROMIUM, createSession, ms, requireBuild, SESSION_KEY, startGroup, startMockApi, stopGroup, waitForUrl, type Server } from './support'

const DIST = process.env.BENCH_DIST ?? 'dist'
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 4393)
const API_PORT = Number(process.env.BENCH_API_PORT ?? 8893)
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const REPORT_DIR = process.env.BENCH_REPORT_DIR
const TARGET = 0.95

requireBuild(DIST)

const workspace = `/workspaces/${SEED_IDS.dataPlatform}`
const deployment = `${workspace}/deployments/${SEED_IDS.customerEtl}`
const ALL_PAGES: { name: string; path: string; signedIn: boolean }[] = [
  { name: 'sign-in', path: '/sign-in', signedIn: false },
  { name: 'workspace overview (Data Platform)', path: workspace, signedIn: true },
  { name: 'deployment configure (Customer ETL)', path: `${deployment}/configure`, signedIn: true },
  { name: 'deployment logs (Customer ETL)', path: `${deployment}/logs`, signedIn: true },
]
const PAGES = ALL_PAGES.filter((p) => p.name.includes(process.env.BENCH_PAGES ?? ''))

/** The production serving of e2e/nginx/serve.sh: a copy of the build with a config.json naming the mock API. */
async function startNginx(): Promise<Server> {
  const child = startGroup('bash', ['e2e/nginx/serve.sh'], { E2E_DIST: DIST, E2E_NGINX_PORT: String(NGINX_PORT), E2E_MOCK_API_PORT: String(API_PORT) })
  const url = `http://127.0.0.1:${NGINX_PORT}`
  try {
    await waitForUrl(`${url}/config.json`, 30_000, child)
  } catch (error) {
    await stopGroup(child)
    throw error
  }
  return { url, stop: () => stopGroup(child) }
}

/** Puts the session where the console reads it (or takes it away), and empties the HTTP cache. */
async function prepare(cdp: Browser, origin: string, session: string | null): Promise<void> {
  const context = cdp.contexts()[0]
  if (!context) throw new Error('Chromium has no default context')
  const page = await context.newPage()
  // A small same-origin document, so that the app does not start (and read the session) here.
  await page.goto(`${origin}/config.json`)
  // (A string, not a function: tsx adds a helper to functions that the page does not have.)
  await page.evaluate(
    session === null ? `localStorage.removeItem(${JSON.stringify(SESSION_KEY)})` : `localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)})`,
  )
  const client = await context.newCDPSession(page)
  await client.send('Network.clearBrowserCache')
  await client.detach()
  await page.close()
}

interface Figures {
  score: number
  lcp: number
  fcp: number
  tbt: number
  cls: number
  /** Lighthouse's measure of how fast this machine was during the run (higher is faster). */
  benchmarkIndex: number
  lhr: Result
}

function figuresOf(lhr: Result): Figures {
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  return {
    score: lhr.categories.performance?.score ?? 0,
    lcp: value('largest-contentful-paint'),
    fcp: value('first-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lhr,
  }
}

/** What Lighthouse says would help most, for a page under the target. */
function opportunities(lhr: Result): string[] {
  return Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && (a.metricSavings?.LCP ?? 0) + (a.metricSavings?.FCP ?? 0) + (a.metricSavings?.TBT ?? 0) > 0)
    .map((a) => ({ title: a.title, lcp: a.metricSavings?.LCP ?? 0, fcp: a.metricSavings?.FCP ?? 0, tbt: a.metricSavings?.TBT ?? 0, shown: a.displayValue ?? '' }))
    .sort((a, b) => b.lcp + b.fcp + b.tbt - (a.lcp + a.fcp + a.tbt))
    .slice(0, 5)
    .map((o) => `${o.title}${o.shown ? ` (${o.shown})` : ''}: saves LCP ${ms(o.lcp)}, FCP ${ms(o.fcp)}, TBT ${ms(o.tbt)}`)
}

const servers: Server[] = []
let chrome: chromeLauncher.LaunchedChrome | null = null
let cdp: Browser | null = null
try {
  const api = await startMockApi(API_PORT)
  servers.push(api)
  const nginx = await startNginx()
  servers.push(nginx)
  const session = JSON.stringify(await createSession(api.url, 'admin@example.com'))
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] })
  cdp = await playwrightChromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
  console.log(
    `Lighthouse ${RUNS > 1 ? `(median of ${RUNS} runs a page) ` : ''}on the build in ${DIST}/ served by nginx (deploy/), \`npm run mock-api\` behind it, ` +
      `desktop preset, Chromium ${cdp.version()}, ${cpus().length} cores (load average ${loadavg()[0]?.toFixed(2) ?? '?'})`,
  )

  const width = Math.max(...PAGES.map((p) => p.name.length))
  let met = 0
  const warnings = new Set<string>()
  const indexes: number[] = []
  for (const target of PAGES) {
    const runs: Figures[] = []
    for (let i = 0; i < RUNS; i++) {
      await prepare(cdp, nginx.url, target.signedIn ? session : null)
      const result = await lighthouse(
        `${nginx.url}${target.path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true },
        desktopConfig,
      )
      if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`)
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${target.path}: ${result.lhr.runtimeError.message}`)
      if (result.lhr.finalDisplayedUrl !== `${nginx.url}${target.path}`) {
        throw new Error(`${target.path} ended on ${result.lhr.finalDisplayedUrl}: was the session refused?`)
      }
      runs.push(figuresOf(result.lhr))
      indexes.push(result.lhr.environment.benchmarkIndex)
      for (const warning of result.lhr.runWarnings) warnings.add(typeof warning === 'string' ? warning : String(warning))
    }
    const median = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)] ?? runs[0]
    if (!median) continue
    if (median.score >= TARGET) met++
    console.log(
      `  ${target.name.padEnd(width)}  score ${median.score.toFixed(2)}  LCP ${ms(median.lcp)}  FCP ${ms(median.fcp)}  TBT ${ms(median.tbt)}  CLS ${median.cls.toFixed(3)}` +
        (RUNS > 1 ? `  (scores ${runs.map((r) => r.score.toFixed(2)).join(', ')})` : ''),
    )
    if (median.score < TARGET) for (const line of opportunities(median.lhr)) console.log(`      ${line}`)
    if (REPORT_DIR) {
      mkdirSync(REPORT_DIR, { recursive: true })
      const file = join(REPORT_DIR, `${PAGES.indexOf(target) + 1}-${target.name.split(' ').slice(0, 2).join('-')}`)
      writeFileSync(`${file}.html`, generateReport(median.lhr, 'html'))
      writeFileSync(`${file}.json`, JSON.stringify(median.lhr))
    }
  }
  const sortedIndexes = [...indexes].sort((a, b) => a - b)
  console.log(`  Lighthouse's benchmark index of this machine during the runs: ${Math.round(sortedIndexes[0] ?? 0)} to ${Math.round(sortedIndexes.at(-1) ?? 0)}`)
  for (const warning of warnings) console.log(`  Lighthouse warned: ${warning}`)
  console.log(`${met} of ${PAGES.length} pages met the ${TARGET} target`)
} finally {
  await cdp?.close().catch(() => undefined)
  chrome?.kill()
  for (const server of servers.reverse()) await server.stop()
}
