// Benchmark of the logs screen at scale: the built console in Chromium, on
// the fake Houston served as a real HTTP + WebSocket server in this process,
// made to produce 100,000 records for the initial load and then about 2,000
// new records a second over the `log` subscription for 30 seconds.
//
//   npx vite build --outDir dist && npx tsx e2e/bench/bench-logs.ts
//
// Options (environment): BENCH_DIST (default dist), BENCH_SECONDS (30),
// BENCH_RATE_PER_COMPONENT (125) and BENCH_COPIES (5): Customer ETL runs four
// components, each present in about 82 % of its slots, so 4 × 125 × 0.82 ≈ 410
// distinct records a second, each sent 5 times under its own id ≈ 2,050/s
// (one release's millisecond timestamps cap distinct records at 1,000/s);
// BENCH_INITIAL (100000), BENCH_PREVIEW_PORT (4391), CHROMIUM_PATH.
//
// Prints: time to first render (navigation start to the first log row, which
// is the window's newest half minute, and to the whole window loaded), frames over 50 ms and the longest frame while
// streaming, records received, and the JS heap at the end (after a GC).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { setLogVolume } from '../../mocks/logs/index'
import { SEED_IDS } from '../../mocks/houston/seed'
import { startMockServer } from '../../mocks/server/app'

const DIST = process.env.BENCH_DIST ?? 'dist'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const RATE = Number(process.env.BENCH_RATE_PER_COMPONENT ?? 125)
const COPIES = Number(process.env.BENCH_COPIES ?? 5)
const INITIAL = Number(process.env.BENCH_INITIAL ?? 100_000)
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4391)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`No build in ${DIST}/: run \`npx vite build --outDir ${DIST}\` first (or set BENCH_DIST).`)
  process.exit(1)
}

async function waitForUrl(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${ms} ms`)
}

const restoreVolume = setLogVolume({ ratePerSecond: RATE, limit: INITIAL, copies: COPIES })
const api = await startMockServer({ port: 0 })
let preview: ChildProcess | null = null
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--enable-precise-memory-info'],
})

try {
  preview = spawn('npx', ['vite', 'preview', '--outDir', DIST, '--port', String(PREVIEW_PORT), '--strictPort'], { stdio: 'ignore', detached: true })
  const origin = `http://127.0.0.1:${PREVIEW_PORT}`
  await waitForUrl(origin, 30_000)

  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } })
  await context.route(
    (url) => url.pathname === '/config.json',
    (route) => route.fulfill({ json: { graphqlUrl: `${api.url}/v1`, graphqlWsUrl: api.wsUrl, metricsUrl: api.url, grafanaUrlTemplate: null, kibanaUrlTemplate: null } }),
  )
  // Frame timing and the first log row, measured inside the page from navigation start.
  // (Strings, not functions: tsx adds a helper to functions that the page does not have.)
  await context.addInitScript({
    content: `
      window.__bench = { frames: [], firstRow: null, recording: false };
      let last = 0;
      const tick = (t) => {
        if (window.__bench.recording && last > 0) window.__bench.frames.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const observer = new MutationObserver(() => {
        if (window.__bench.firstRow === null && document.querySelector('[aria-label="Log records"] [role="listitem"]')) {
          window.__bench.firstRow = performance.now();
          observer.disconnect();
        }
      });
      document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
    `,
  })

  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e.message))
  await page.goto(`${origin}/sign-in`)
  await page.getByLabel('Email', { exact: true }).fill('viewer@example.com')
  await page.getByLabel('Password', { exact: true }).fill('demo')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 })

  const logsUrl = `${origin}/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/logs?range=5m`
  const started = Date.now()
  await page.goto(logsUrl)
  await page.locator('[aria-label="Log records"] [role="listitem"]').first().waitFor({ timeout: 120_000 })
  const loadedText = page.getByText(/shown of [\d,]+ loaded/)
  const count = async () => Number((await loadedText.textContent())?.match(/of ([\d,]+) loaded/)?.[1]?.replace(/,/g, '') ?? 0)
  const dropped = async () => Number((await page.getByText(/dropped so far/).textContent({ timeout: 100 }).catch(() => null))?.match(/([\d,]+) dropped so far/)?.[1]?.replace(/,/g, '') ?? 0)
  const firstRowMs = await page.evaluate<number | null>('window.__bench.firstRow')
  const wallToFirstRow = Date.now() - started
  // The window's newest half minute is shown first; streaming is measured once the rest is in too.
  await page.getByText(/shown of [\d,]+ loaded/).filter({ hasNotText: 'loading older records' }).waitFor({ timeout: 120_000 })
  const windowMs = await page.evaluate<number>('performance.now()')
  // The initial `logs` answers: the two largest GraphQL responses of the page load.
  const queryMs = await page.evaluate<number[]>(
    "performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/v1')).map((e) => e.responseEnd - e.requestStart).sort((a, b) => b - a).slice(0, 2)",
  )
  const initialCount = await count()
  await page.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 })

  // Stream for the benchmark's duration, recording every frame.
  const receivedBefore = initialCount + (await dropped())
  await page.evaluate('window.__bench.frames = []; window.__bench.recording = true')
  const newestBefore = await page.locator('[aria-label="Log records"] [role="listitem"] time').last().getAttribute('datetime')
  if (process.env.BENCH_PROFILE) {
    // Where the main thread's time goes while streaming: the top functions by self time.
    const prof = await context.newCDPSession(page)
    await prof.send('Profiler.enable')
    await prof.send('Profiler.start')
    await page.waitForTimeout(SECONDS * 1000)
    const { profile } = await prof.send('Profiler.stop')
    const self = new Map<string, number>()
    const dt = new Map<number, number>()
    profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)))
    for (const node of profile.nodes) {
      const f = node.callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000)
    }
    console.log('top self time (ms):')
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${Math.round(v).toString().padStart(6)}  ${k}`)
  } else await page.waitForTimeout(SECONDS * 1000)
  const frames = await page.evaluate<number[]>('window.__bench.recording = false; window.__bench.frames')
  const newestAfter = await page.locator('[aria-label="Log records"] [role="listitem"] time').last().getAttribute('datetime')
  const receivedAfter = (await count()) + (await dropped())
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
  const over50 = frames.filter((f) => f > 50).length
  const longest = Math.max(0, ...frames)
  const sorted = [...frames].sort((a, b) => a - b)
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0
  const received = receivedAfter - receivedBefore

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const rows: [string, string][] = [
    ['initial records loaded', initialCount.toLocaleString('en-US')],
    ['time to first render (navigation start → first log row)', `${Math.round(firstRowMs ?? wallToFirstRow)} ms`],
    ['time to the whole window loaded (newest half minute, then the rest)', `${Math.round(windowMs)} ms`],
    ['  the server answering its two largest queries', queryMs.map((q) => `${Math.round(q)} ms`).join(' and ')],
    ['streaming', `${SECONDS} s`],
    ['records received while streaming', `${received.toLocaleString('en-US')} (${Math.round(received / SECONDS).toLocaleString('en-US')}/s)`],
    ['records held at the end (cap 100,000)', (await count()).toLocaleString('en-US')],
    ['frames while streaming', frames.length.toLocaleString('en-US')],
    ['frames over 50 ms', `${over50} (${((over50 / Math.max(1, frames.length)) * 100).toFixed(1)} %)`],
    ['longest frame', `${Math.round(longest)} ms`],
    ['95th percentile frame', `${Math.round(p95)} ms`],
    ['JS heap at the end (after GC)', mb(heap)],
    ['view kept following the newest', newestAfter && newestBefore && newestAfter > newestBefore ? 'yes' : 'NO'],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log(`\nLogs benchmark: ${INITIAL.toLocaleString('en-US')} records, then ~${Math.round(RATE * 4 * 0.82 * COPIES).toLocaleString('en-US')}/s for ${SECONDS} s (Chromium ${browser.version()})`)
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
  await context.close()
} finally {
  await browser.close()
  if (preview?.pid) {
    try {
      process.kill(-preview.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  await api.close()
  restoreVolume()
}
