// Where the e2e run finds its browser and its servers. Shared by
// playwright.config.ts, the global setup and the fixtures so that a port or a
// path is written once.
import { accessSync, constants, statSync } from 'node:fs'

/** Debian's Chromium: Playwright's own browser downloads are not reachable here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Overridable so that two checkouts (or two people) can run e2e side by side. */
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4173)
export const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}`

/** The fake Houston run as a real server (`npm run mock-api`) for the node-server project. */
export const MOCK_API_PORT = Number(process.env.E2E_MOCK_API_PORT ?? 8871)
/** The production build the preview server serves. */
export const DIST_DIR = process.env.E2E_DIST ?? 'dist'

/** nginx serving the build with deploy/'s configuration (the nginx project). */
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? 4180)
export const NGINX_URL = `http://127.0.0.1:${NGINX_PORT}`

export const MOCK_API_URL = `http://127.0.0.1:${MOCK_API_PORT}`

/** What `/config.json` says in the node-server project; keys not named here keep public/config.json's value. */
export const NODE_SERVER_CONFIG = {
  graphqlUrl: `${MOCK_API_URL}/v1`,
  graphqlWsUrl: `ws://127.0.0.1:${MOCK_API_PORT}/ws`,
  metricsUrl: MOCK_API_URL,
} as const

const INSTALL_COMMAND = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'

/** Why Chromium cannot be launched from CHROMIUM_PATH, or undefined when it can. */
export function chromiumProblem(path: string = CHROMIUM_PATH): string | undefined {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file')
    accessSync(path, constants.X_OK)
    return undefined
  } catch {
    const where = process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${path} is not an executable file.`
      : `No Chromium at ${path}.`
    return [
      `${where} The e2e tests drive Debian's Chromium (never \`npx playwright install\`: its download host is unreachable).`,
      `Install it (as root):  ${INSTALL_COMMAND}`,
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
    ].join('\n')
  }
}
