// Benchmark of the lists at scale: the built console in Chromium against
// `npm run mock-api` with SEED=large (a "Scale Lab" workspace of 1,000
// deployments, 10,000 extra users), signed in as admin@example.com.
//
//   npm run bench:large       (builds first), or
//   npx vite build --outDir dist && npx tsx e2e/bench/bench-large.ts
//
// Options (environment): BENCH_DIST (default dist), BENCH_PREVIEW_PORT (4392),
// BENCH_API_PORT (8892), BENCH_KEYSTROKES (20), BENCH_ONLY (deployments or
// users: one list only), BENCH_PROFILE (1: print where the time goes while
// typing), CHROMIUM_PATH.
//
// For each list it prints the time from navigation start (a cold load in a
// fresh browser context) to the first rows painted, then types BENCH_KEYSTROKES
// single characters into its search box, each replacing the previous search,
// and prints the median and worst time from the keystroke to the updated rows
// painted. Both are measured inside the page: the keydown event's timestamp,
// then a MutationObserver on the list (the search box, the table caption and
// the pager's status line left out) and the frame painted after its last change.
// Typing starts once the page has settled (no request in flight, no DOM change
// for a second). The deployments filter runs in the browser; the users search
// asks the server (a GraphQL query per keystroke), so its figure includes the
// round trip, and the script prints where that time went.
//
// Before the browser starts, the script sends the fake API the console's own
// users query with WARM_UP_SEARCHES other phrases: a freshly started Node
// server runs its code unoptimised for its first requests (20 to 40 ms a
// search, then 5 to 10), which no long-running Houston does. The console
// itself gets no warm-up: its first keystroke counts like the others.
import { cpus, loadavg } from 'node:os'
import { chromium, type Browser, type Page } from '@playwright/test'
import { print } from 'graphql'
import { AdminUsersDocument } from '../../src/gql/graphql'
import { SEED_IDS } from '../../mocks/houston/seed'
import { CHROMIUM, configFor, createSession, median, ms, printTable, requireBuild, SESSION_KEY, startMockApi, startPreview, type Server } from './support'

const DIST = process.env.BENCH_DIST ?? 'dist'
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 4392)
const API_PORT = Number(process.env.BENCH_API_PORT ?? 8892)
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 20)
/** One character each: consecutive searches match different rows, so every keystroke changes the list. */
const CHARACTERS = ['1', 'a', '2', 'e', '3', 'o', '4', 'i', '5', 'u', '6', 'r', '7', 's', '8', 't', '9', 'n', '0', 'l']
const TARGET_MS = 100
/** Searches the script sends the fake API before measuring: none of them is one the benchmark types. */
const WARM_UP_SEARCHES = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'm', 'p', 'q', 'v', 'w', 'x', 'y', 'z', 'ed', 'an', 'ri', 'la']
/** One list only: deployments or users. */
const ONLY = process.env.BENCH_ONLY
const PROFILE = Boolean(process.env.BENCH_PROFILE)

requireBuild(DIST)

interface Scenario {
  key: 'deployments' | 'users'
  title: string
  path: string
  /** A rendered row of the list. */
  rows: string
  /** Changes here are not the list's rows. */
  ignore: string
  /** The GraphQL query that brings the rows. */
  operation: string
  /** How long the list must stay unchanged after a keystroke before its last change counts as the answer. */
  quietMs: number
  serverSide: boolean
}

interface Sample {
  char: string
  /** keydown → the frame painted after the list's last change */
  total: number
  /** keydown → the frame painted after the list's first change */
  first: number
  /** list changes (MutationObserver batches) */
  changes: number
  /** keydown → the GraphQL request sent, then its answer, then the frame painted (server-side searches) */
  request?: { wait: number; answer: number; render: number }
  matches: boolean
}

interface PageBench {
  firstRowsDom: number | null
  firstRowsPaint: number | null
  keydownAt: number | null
  firstPaint: number | null
  lastPaint: number | null
  lastMutation: number
  changes: number
}

// A string, not a function: tsx adds a helper to functions that the page does not have.
function pageScript(session: string, scenario: Scenario): string {
  return `
    localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)});
    const b = (window.__bench = { operations: [], firstRowsDom: null, firstRowsPaint: null, keydownAt: null, firstPaint: null, lastPaint: null, lastMutation: 0, changes: 0 });
    const ROWS = ${JSON.stringify(scenario.rows)};
    // Which GraphQL operation each request carries, to find it in the resource timing.
    const realFetch = window.fetch;
    window.fetch = function (input, init) {
      const name = typeof init?.body === 'string' ? /"operationName":"(\\w+)"/.exec(init.body)?.[1] : undefined;
      if (name) b.operations.push({ name, start: performance.now() });
      return realFetch.apply(this, arguments);
    };
    const IGNORE = ${JSON.stringify(scenario.ignore)};
    // The frame painted after now: a task queued from requestAnimationFrame runs once that frame is done.
    const afterPaint = (done) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
    const elementOf = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const observer = new MutationObserver((records) => {
      if (b.firstRowsDom === null && document.querySelector(ROWS)) {
        b.firstRowsDom = performance.now();
        afterPaint((t) => (b.firstRowsPaint = t));
      }
      if (b.keydownAt === null) return;
      if (records.every((r) => elementOf(r.target)?.closest(IGNORE) || !elementOf(r.target)?.closest('main'))) return;
      b.changes += 1;
      b.lastMutation = performance.now();
      const first = b.changes === 1;
      afterPaint((t) => {
        if (first) b.firstPaint = t;
        b.lastPaint = t;
      });
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true, characterData: true }));
    // Any change at all (a chart animating included): typing starts once the page has settled.
    b.lastActivity = 0;
    const activity = new MutationObserver(() => (b.lastActivity = performance.now()));
    document.addEventListener('DOMContentLoaded', () => activity.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true }));
    document.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'search' && (e.key.length === 1 || e.key === 'Backspace')) {
        Object.assign(b, { keydownAt: e.timeStamp, firstPaint: null, lastPaint: null, lastMutation: e.timeStamp, changes: 0 });
      }
    }, true);
  `
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  args?: { name?: string }
}

/** The renderer main thread's style, layout and paint time while typing, from a devtools.timeline trace. */
function printRendererWork(events: readonly TraceEvent[]) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const totals = new Map<string, number>()
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue
    if (!RENDERER_WORK.has(e.name)) continue
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000)
  }
  console.log(`renderer main thread while typing (ms, over ${KEYSTROKES} keystrokes):`)
  for (const [name, total] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${Math.round(total).toString().padStart(6)}  ${name}`)
}
const RENDERER_WORK = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'CommitLoad', 'HitTest', 'EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'ParseHTML', 'MajorGC', 'MinorGC'])

/** Where the main thread's time goes while typing: the top functions by self time (BENCH_PROFILE=1, best on a build with --minify false). */
async function startProfile(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  // And the renderer's own work (style, layout, paint), which the JS profile shows only as "(program)".
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' })
  return async () => {
    const traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
    await cdp.send('Tracing.end')
    await traced
    printRendererWork(events)
    const { profile } = await cdp.send('Profiler.stop')
    const self = new Map<string, number>()
    const dt = new Map<number, number>()
    profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)))
    for (const node of profile.nodes) {
      const f = node.callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000)
    }
    console.log('top self time while typing (ms):')
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${Math.round(v).toString().padStart(6)}  ${k}`)
  }
}

const readBench = (page: Page) => page.evaluate<PageBench>('window.__bench')

/**
 * The newest request for a GraphQL operation sent after `after` (ms since navigation start): when it was sent and
 * when its answer had arrived, from the browser's resource timing (CORS preflight included, as in production).
 */
const operationTiming = (page: Page, operation: string, after: number) =>
  page.evaluate<{ start: number; end: number } | null>(
    `(() => {
      const sent = window.__bench.operations.filter((o) => o.name === ${JSON.stringify(operation)} && o.start >= ${after}).at(-1);
      if (!sent) return null;
      const entry = performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/v1') && Math.abs(e.startTime - sent.start) < 50)
        .sort((a, b) => Math.abs(a.startTime - sent.start) - Math.abs(b.startTime - sent.start))[0];
      return entry && entry.responseEnd > 0 ? { start: entry.startTime, end: entry.responseEnd } : null;
    })()`,
  )

async function run(browser: Browser, origin: string, api: { url: string; wsUrl: string }, session: string, scenario: Scenario) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } })
  await context.route(
    (url) => url.pathname === '/config.json',
    (route) => route.fulfill({ json: configFor(api) }),
  )
  await context.addInitScript({ content: pageScript(session, scenario) })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e.message))
  await page.goto(`${origin}${scenario.path}`)
  await page.locator(scenario.rows).first().waitFor({ timeout: 120_000 })
  await page.waitForFunction('window.__bench.firstRowsPaint !== null')
  const loaded = await readBench(page)
  const query = await operationTiming(page, scenario.operation, 0)
  const rowsAtStart = await page.locator(scenario.rows).count()
  // The rest of the page (the AU breakdown chart of the workspace, say) finishes loading before typing starts:
  // no request in flight and no change in the DOM for a second.
  await page.waitForLoadState('networkidle')
  await page.waitForFunction('performance.now() - window.__bench.lastActivity > 1000', undefined, { timeout: 60_000, polling: 100 })

  const search = page.locator('main input[type="search"]')
  await search.focus()
  const samples: Sample[] = []
  const profiler = PROFILE ? await startProfile(page) : null
  for (let i = 0; i < KEYSTROKES; i++) {
    const char = CHARACTERS[i % CHARACTERS.length] ?? 'a'
    // Select what is there, so the keystroke replaces it: one new search per keystroke.
    await page.evaluate('document.querySelector(\'main input[type="search"]\').select()')
    await page.keyboard.press(char)
    await page.waitForFunction(
      `(() => {
        const b = window.__bench, now = performance.now();
        return b.keydownAt !== null && b.lastPaint !== null && now - b.lastMutation > ${scenario.quietMs} || now - (b.keydownAt ?? now) > 15000;
      })()`,
      undefined,
      { timeout: 30_000, polling: 50 },
    )
    const b = await readBench(page)
    if (b.keydownAt === null || b.lastPaint === null || b.firstPaint === null) {
      console.error(`  keystroke "${char}": the list did not change`)
      continue
    }
    const firstRow = (await page.locator(scenario.rows).first().textContent({ timeout: 5000 }).catch(() => null)) ?? ''
    const sample: Sample = {
      char,
      total: b.lastPaint - b.keydownAt,
      first: b.firstPaint - b.keydownAt,
      changes: b.changes,
      matches: firstRow.toLowerCase().includes(char),
    }
    if (scenario.serverSide) {
      const request = await operationTiming(page, scenario.operation, b.keydownAt)
      if (request) sample.request = { wait: request.start - b.keydownAt, answer: request.end - request.start, render: b.lastPaint - request.end }
    }
    samples.push(sample)
  }
  if (profiler) await profiler()
  await context.close()
  return { loaded, query, rowsAtStart, samples }
}

function report(scenario: Scenario, result: Awaited<ReturnType<typeof run>>) {
  const { loaded, query, rowsAtStart, samples } = result
  const totals = samples.map((s) => s.total)
  const worst = Math.max(...totals)
  const rows: [string, string][] = [
    ['time to first rows (navigation start → first rows painted)', ms(loaded.firstRowsPaint ?? Number.NaN)],
    [`  of which ${scenario.operation} sent → answered`, query ? `${ms(query.end - query.start)} (sent at ${ms(query.start)})` : 'not found'],
    ['rows in the DOM at first', String(rowsAtStart)],
    [`keystroke → updated rows painted, median of ${samples.length}`, ms(median(totals))],
    [`keystroke → updated rows painted, worst of ${samples.length}`, ms(worst)],
    ['keystrokes whose first row matched the search', `${samples.filter((s) => s.matches).length} of ${samples.length}`],
  ]
  const requests = samples.flatMap((s) => (s.request ? [s.request] : []))
  if (scenario.serverSide) {
    rows.push(
      ['  the fake API warmed with searches sent by this script', `${WARM_UP_SEARCHES.length} (none by the console)`],
      ['  searched on the server: GraphQL requests sent', `${requests.length} of ${samples.length} keystrokes`],
      ['  median keystroke → request sent', ms(median(requests.map((r) => r.wait)))],
      ['  median request sent → answer received', ms(median(requests.map((r) => r.answer)))],
      ['  median answer → rows painted', ms(median(requests.map((r) => r.render)))],
    )
  }
  rows.push(['target (under 100 ms per keystroke)', median(totals) < TARGET_MS && worst < TARGET_MS ? 'met' : 'MISSED'])
  printTable(scenario.title, rows)
  console.log(`  per keystroke (ms): ${samples.map((s) => `${s.char}:${Math.round(s.total)}`).join(' ')}`)
  if (scenario.serverSide) {
    const split = (s: Sample) => (s.request ? `${s.char}:${[s.request.wait, s.request.answer, s.request.render].map(Math.round).join('+')}` : `${s.char}:?`)
    console.log(`  per keystroke, to the request + the answer + to the rows painted (ms): ${samples.map(split).join(' ')}`)
  }
}

const scenarios: Scenario[] = [
  {
    key: 'deployments',
    title: 'Scale Lab workspace: 1,000 deployments, filtered in the browser',
    path: `/workspaces/${SEED_IDS.scaleLab}`,
    rows: 'main section[aria-labelledby="deployments-heading"] tbody tr:not([aria-hidden])',
    ignore: '[role="search"], caption',
    operation: 'WorkspaceOverview',
    quietMs: 400,
    serverSide: false,
  },
  {
    key: 'users',
    title: 'System users: 10,000+ users, searched on the server, 50 a page',
    path: '/admin/users',
    rows: 'main tbody tr',
    ignore: '[role="search"], caption, nav[aria-label="Pages of users"]',
    operation: 'AdminUsers',
    quietMs: 1000,
    serverSide: true,
  },
]

/** The console's users query, sent by this script, so the fake API's search code is warm (see the top). */
async function warmUp(apiUrl: string, token: string) {
  const query = print(AdminUsersDocument)
  for (const searchPhrase of WARM_UP_SEARCHES) {
    const response = await fetch(`${apiUrl}/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query, operationName: 'AdminUsers', variables: { user: { searchPhrase }, cursor: null, take: 51 } }),
    })
    const answer = (await response.json()) as { errors?: { message: string }[] }
    if (answer.errors) throw new Error(`warming the API up failed: ${answer.errors.map((e) => e.message).join('; ')}`)
  }
}

const servers: Server[] = []
let browser: Browser | null = null
try {
  const api = await startMockApi(API_PORT, { SEED: 'large' })
  servers.push(api)
  const preview = await startPreview(DIST, PREVIEW_PORT)
  servers.push(preview)
  const stored = await createSession(api.url, 'admin@example.com')
  const session = JSON.stringify(stored)
  if (!ONLY || ONLY === 'users') await warmUp(api.url, stored.token)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  })
  console.log(
    `Large-data benchmark: the build in ${DIST}/ on vite preview, \`npm run mock-api\` with SEED=large, Chromium ${browser.version()}, ` +
      `${cpus().length} cores (load average ${loadavg()[0]?.toFixed(2) ?? '?'})`,
  )
  for (const scenario of scenarios.filter((s) => !ONLY || s.key === ONLY)) report(scenario, await run(browser, preview.url, api, session, scenario))
} finally {
  await browser?.close()
  for (const server of servers.reverse()) await server.stop()
}
