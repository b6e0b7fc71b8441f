// What the benchmark scripts share: the fake Houston started as `npm run mock-api`
// in its own process, the built console served by `vite preview`, and a session
// token from the API's `createToken`, to put where the console keeps it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { StoredSession } from '../../src/lib/session-store'

/** Debian's Chromium: Playwright's and Lighthouse's own browser downloads are not reachable here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Where src/lib/session-store.ts keeps the session. */
export const SESSION_KEY = 'console.session'

export function requireBuild(dist: string): void {
  if (!existsSync(`${dist}/index.html`)) {
    console.error(`No build in ${dist}/: run \`npx vite build --outDir ${dist}\` first (or set BENCH_DIST).`)
    process.exit(1)
  }
}

export async function waitForUrl(url: string, ms: number, child?: ChildProcess): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} exited with code ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer within ${ms} ms`)
}

export interface Server {
  url: string
  stop: () => Promise<void>
}

/** Runs a command in its own process group, so that stopping it stops npm's and npx's children too. */
export function startGroup(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, ...env } })
  // Pass the server's errors on, but not npm's warnings about this machine's npm configuration.
  createInterface({ input: child.stderr ?? process.stdin }).on('line', (line) => {
    if (!line.startsWith('npm warn')) console.error(line)
  })
  return child
}

export async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return // already gone
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
}

/** `npm run mock-api` on 127.0.0.1:port: the same server the node-server e2e project talks to. */
export async function startMockApi(port: number, env: Record<string, string> = {}): Promise<Server & { wsUrl: string }> {
  const child = startGroup('npm', ['run', '--silent', 'mock-api'], { PORT: String(port), ...env })
  const url = `http://127.0.0.1:${port}`
  try {
    // The large seed (10,000 users, 1,000 deployments) takes a few seconds to build.
    await waitForUrl(`${url}/v1`, 120_000, child)
  } catch (error) {
    await stopGroup(child)
    throw error
  }
  return { url, wsUrl: `ws://127.0.0.1:${port}/ws`, stop: () => stopGroup(child) }
}

/** `vite preview` of a build, which serves index.html for the console's deep links. */
export async function startPreview(dist: string, port: number): Promise<Server> {
  const child = startGroup('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {})
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForUrl(url, 60_000, child)
  } catch (error) {
    await stopGroup(child)
    throw error
  }
  return { url, stop: () => stopGroup(child) }
}

/** What `/config.json` says when the console talks to the mock API. */
export function configFor(api: { url: string; wsUrl: string }) {
  return { graphqlUrl: `${api.url}/v1`, graphqlWsUrl: api.wsUrl, metricsUrl: api.url, grafanaUrlTemplate: null, kibanaUrlTemplate: null }
}

interface CreateTokenAnswer {
  data?: { createToken: { token: { value: string; payload: { exp: number } } | null } }
  errors?: { message: string }[]
}

/** Signs in through the API, as the sign-in page does, and returns what the console stores. */
export async function createSession(apiUrl: string, email: string, password = 'demo'): Promise<StoredSession> {
  const response = await fetch(`${apiUrl}/v1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation Bench($identity: String!, $password: String!) { createToken(identity: $identity, password: $password) { token { value payload { exp } } } }',
      variables: { identity: email, password },
    }),
  })
  const answer = (await response.json()) as CreateTokenAnswer
  const token = answer.data?.createToken.token
  if (!token) throw new Error(`createToken for ${email} failed: ${answer.errors?.map((e) => e.message).join('; ') ?? response.statusText}`)
  return { token: token.value, expiresAt: token.payload.exp }
}

export const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export function printTable(title: string, rows: readonly (readonly [string, string])[]): void {
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log(`\n${title}`)
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
}
