// The metrics screens against a real Prometheus (Debian's package) that
// scrapes the fake Airflow exporter every second. GraphQL stays on the demo
// backend (MSW in the page); config.json's metricsUrl is pointed at Prometheus.
//
//   npx vite build --outDir dist && npx playwright test -c e2e/prometheus/playwright.config.ts
import { defineConfig, devices } from '@playwright/test'
import type { E2EOptions } from '../support/fixtures'
import { CHROMIUM_PATH, chromiumProblem, DIST_DIR } from '../support/environment'
import { EXPORTER_PORT, EXPORTER_URL, PROM_PREVIEW_PORT, PROM_PREVIEW_URL, PROMETHEUS_PORT, PROMETHEUS_URL } from './environment'

const ci = !!process.env.CI
const webServersWanted = chromiumProblem() === undefined

export default defineConfig<E2EOptions>({
  testDir: '.',
  // Not *.spec.ts, so that the main e2e config (testDir e2e) never picks this run up without its Prometheus.
  testMatch: '*.prometheus.ts',
  globalSetup: '../support/global-setup.ts',
  outputDir: '../../test-results/prometheus',
  forbidOnly: ci,
  retries: 0,
  workers: 1,
  globalTimeout: ci ? 5 * 60_000 : undefined,
  reporter: [['list'], ['../support/summary-reporter.ts']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: PROM_PREVIEW_URL,
    backend: 'demo',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: ci ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'prometheus' }],
  webServer: webServersWanted
    ? [
        {
          name: 'exporter',
          command: 'npx tsx mocks/prometheus/exporter.ts',
          cwd: '../..',
          env: { EXPORTER_PORT: String(EXPORTER_PORT) },
          url: `${EXPORTER_URL}/metrics`,
          reuseExistingServer: !ci,
        },
        {
          name: 'prometheus',
          command: 'bash e2e/prometheus/run-prometheus.sh',
          cwd: '../..',
          env: {
            PROMETHEUS_PORT: String(PROMETHEUS_PORT),
            EXPORTER_PORT: String(EXPORTER_PORT),
            CORS_ORIGIN: PROM_PREVIEW_URL.replace(/\./g, '\\.'),
          },
          url: `${PROMETHEUS_URL}/-/ready`,
          reuseExistingServer: !ci,
        },
        {
          name: 'preview',
          command: `test -f ${DIST_DIR}/index.html || { echo 'No build in ${DIST_DIR}/: run npm run build first.' >&2; exit 1; }; npx vite preview --outDir ${DIST_DIR} --port ${PROM_PREVIEW_PORT} --strictPort`,
          cwd: '../..',
          url: PROM_PREVIEW_URL,
          reuseExistingServer: !ci,
        },
      ]
    : [],
})
