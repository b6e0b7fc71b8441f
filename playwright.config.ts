import { defineConfig, devices } from '@playwright/test'
import type { E2EOptions } from './e2e/support/fixtures'
import {
  CHROMIUM_PATH,
  chromiumProblem,
  DIST_DIR,
  MOCK_API_PORT,
  MOCK_API_URL,
  NGINX_PORT,
  NGINX_URL,
  PREVIEW_PORT,
  PREVIEW_URL,
} from './e2e/support/environment'

const ci = !!process.env.CI

// Playwright starts the web servers before the global setup runs; without a
// browser the run is going to stop there, so do not start them at all.
const webServersWanted = chromiumProblem() === undefined

export default defineConfig<E2EOptions>({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // One folder per preview port: Playwright empties its output folder when it
  // starts, so two runs side by side (see E2E_PREVIEW_PORT) must not share one.
  outputDir: `test-results/${PREVIEW_PORT}`,
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: 2,
  // A journey makes several cold loads of the production build and axe scans;
  // on this 2-core machine one took 29.5 s of Playwright's default 30. The
  // budget is for time, not for an answer: each wait has its own timeout.
  timeout: 60_000,
  // A hung run ends well inside CI's 90 minutes. The whole run took 12.6 to
  // 14.9 minutes here: the old limit of 15 left no room for a slower machine.
  globalTimeout: ci ? 25 * 60_000 : undefined,
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: PREVIEW_URL,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: ci ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // The built app in demo mode: MSW in the page, state in localStorage.
      name: 'demo',
      testIgnore: ['node-server/**', 'nginx/**'],
      use: { backend: 'demo' },
    },
    {
      // The same build talking to `npm run mock-api` over HTTP and WebSocket.
      // One backend shared by every test, reset before each: one at a time.
      name: 'node-server',
      testDir: 'e2e/node-server',
      workers: 1,
      use: { backend: 'node-server', serviceWorkers: 'block' },
    },
    {
      // The build served by Debian's nginx with deploy/'s configuration and
      // its Content-Security-Policy, against the mock API; shares its state.
      name: 'nginx',
      testDir: 'e2e/nginx',
      workers: 1,
      dependencies: ['node-server'],
      use: { backend: 'nginx', baseURL: NGINX_URL, serviceWorkers: 'block' },
    },
  ],
  webServer: webServersWanted
    ? [
        {
          name: 'preview',
          // vite preview would serve 404s from a missing dist/ until the wait times out.
          command: `test -f ${DIST_DIR}/index.html || { echo 'No build in ${DIST_DIR}/: run npm run build (npm run test:e2e does).' >&2; exit 1; }; npx vite preview --outDir ${DIST_DIR} --port ${PREVIEW_PORT} --strictPort`,
          url: PREVIEW_URL,
          reuseExistingServer: !ci,
        },
        {
          name: 'nginx',
          command: 'bash e2e/nginx/serve.sh',
          env: { E2E_DIST: DIST_DIR, E2E_NGINX_PORT: String(NGINX_PORT), E2E_MOCK_API_PORT: String(MOCK_API_PORT) },
          url: `${NGINX_URL}/config.json`,
          reuseExistingServer: !ci,
        },
        {
          name: 'mock-api',
          command: 'npm run mock-api',
          env: { HOUSTON_TEST_HOOKS: '1', PORT: String(MOCK_API_PORT) },
          url: `${MOCK_API_URL}/v1`,
          reuseExistingServer: !ci,
        },
      ]
    : [],
})
