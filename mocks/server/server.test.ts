// @vitest-environment node
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient, type Client, type ExecutionResult } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startMockServer, type MockServer } from './app'

let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ port: 0, testHooks: true, subscriptionMaxMs: 2_500 })
})

afterAll(async () => {
  await server.close()
})

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token: string | null = null): Promise<{ status: number; body: ExecutionResult<T> }> {
  const res = await fetch(`${server.url}/v1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return { status: res.status, body: (await res.json()) as ExecutionResult<T> }
}

async function signIn(email = 'admin@example.com'): Promise<string> {
  const { body } = await gql<{ createToken: { token: { value: string } } }>(
    'mutation ($identity: String!, $password: String!) { createToken(identity: $identity, password: $password) { token { value } } }',
    { identity: email, password: 'demo' },
  )
  const token = body.data?.createToken.token.value
  if (!token) throw new Error(JSON.stringify(body.errors))
  return token
}

async function firstDeployment(token: string): Promise<{ id: string; releaseName: string }> {
  const { body } = await gql<{ deployments: { id: string; releaseName: string }[] }>('{ deployments { id releaseName } }', {}, token)
  const dep = body.data?.deployments[0]
  if (!dep) throw new Error(JSON.stringify(body.errors))
  return dep
}

function wsClient(token: string | null, extra: Partial<Parameters<typeof createClient>[0]> = {}): Client {
  return createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    ...extra,
  })
}

interface LogEvent {
  log: { id: string; timestamp: string; component: string; release: string; message: string }
}

const LOG_SUBSCRIPTION = 'subscription ($id: Uuid!, $since: DateTime) { log(deploymentUuid: $id, timestamp: $since) { id timestamp component release message } }'

describe('HTTP', () => {
  it('serves GraphQL at /v1 with the bearer token, errors with HTTP 200', async () => {
    const anonymous = await gql<unknown>('{ self { user { id } } }')
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')

    const token = await signIn()
    const self = await gql<{ self: { user: { emails: { address: string }[] } } }>('{ self { user { emails { address } } } }', {}, token)
    expect(self.status).toBe(200)
    expect(self.body.data?.self.user.emails[0]?.address).toBe('admin@example.com')
  })

  it('gzips a large answer for a client that accepts it, and only then', async () => {
    const token = await signIn()
    const body = JSON.stringify({ query: '{ workspaces { id label description createdAt updatedAt } deployments { id label releaseName description } }' })
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }
    const zipped = await fetch(`${server.url}/v1`, { method: 'POST', headers: { ...headers, 'Accept-Encoding': 'gzip' }, body })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(((await zipped.json()) as ExecutionResult<{ deployments: unknown[] }>).data?.deployments.length).toBeGreaterThan(0)
    const plain = await fetch(`${server.url}/v1`, { method: 'POST', headers: { ...headers, 'Accept-Encoding': 'identity' }, body })
    expect(plain.headers.get('content-encoding')).toBeNull()
  })

  it('answers a malformed body with 400 and a health document to GET /v1', async () => {
    const bad = await fetch(`${server.url}/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":' })
    expect(bad.status).toBe(400)
    const noQuery = await fetch(`${server.url}/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"variables":{}}' })
    expect(noQuery.status).toBe(400)
    const health = await fetch(`${server.url}/v1`)
    expect(await health.json()).toMatchObject({ status: 'ok' })
  })

  it('allows localhost origins through CORS, with Authorization', async () => {
    const preflight = await fetch(`${server.url}/v1`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    const foreign = await fetch(`${server.url}/v1`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it("serves Prometheus's query API for Houston's deployments, GET and form POST", async () => {
    const token = await signIn()
    const { releaseName } = await firstDeployment(token)
    const end = Math.floor(Date.now() / 1000)
    const query = `sum by (type) (kube_resourcequota{release="${releaseName}", resource="pods"})`
    const params = new URLSearchParams({ query, start: String(end - 600), end: String(end), step: '60' })
    const get = await fetch(`${server.url}/api/v1/query_range?${params}`)
    expect(get.status).toBe(200)
    const body = (await get.json()) as { status: string; data: { resultType: string; result: { metric: Record<string, string> }[] } }
    expect(body.status).toBe('success')
    expect(body.data.resultType).toBe('matrix')
    expect(body.data.result.map((r) => r.metric.type)).toEqual(['hard', 'used'])

    const post = await fetch(`${server.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: `airflow_dagbag_size{release="${releaseName}"}` }),
    })
    expect(((await post.json()) as { data: { resultType: string } }).data.resultType).toBe('vector')

    const bad = await fetch(`${server.url}/api/v1/query_range?query=rate(x)&start=1&end=2&step=1`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ status: 'error', errorType: 'bad_data' })
  })

  it('resets state on POST /__test/reset', async () => {
    const token = await signIn()
    const created = await gql<{ createWorkspace: { id: string } }>('mutation { createWorkspace(label: "Reset me") { id } }', {}, token)
    expect(created.body.errors).toBeUndefined()
    const reset = await fetch(`${server.url}/__test/reset`, { method: 'POST' })
    expect(reset.status).toBe(200)
    const fresh = await signIn()
    const { body } = await gql<{ workspaces: { label: string }[] }>('{ workspaces { label } }', {}, fresh)
    expect(body.data?.workspaces.map((w) => w.label)).not.toContain('Reset me')
  })
})

describe('graphql-ws at /ws', () => {
  it('streams a deployment log, then Houston ends the subscription after its maximum', async () => {
    const token = await signIn()
    const dep = await firstDeployment(token)
    const client = wsClient(token)
    const events: LogEvent[] = []
    const started = Date.now()
    await new Promise<void>((resolve, reject) => {
      client.subscribe<LogEvent>(
        { query: LOG_SUBSCRIPTION, variables: { id: dep.id, since: new Date(Date.now() - 2_000).toISOString() } },
        {
          next: (r) => {
            if (r.errors) reject(new Error(JSON.stringify(r.errors)))
            if (r.data) events.push(r.data)
          },
          error: reject,
          complete: resolve,
        },
      )
    })
    await client.dispose()
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000)
    expect(events.length).toBeGreaterThan(5)
    for (const e of events) expect(e.log.release).toBe(dep.releaseName)
    const stamps = events.map((e) => Date.parse(e.log.timestamp))
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps)
  })

  it('answers an unauthenticated subscription with UNAUTHENTICATED, and refuses a bad token with 4403', async () => {
    const token = await signIn()
    const dep = await firstDeployment(token)
    const anonymous = wsClient(null)
    const result = await new Promise<unknown>((resolve) => {
      anonymous.subscribe({ query: LOG_SUBSCRIPTION, variables: { id: dep.id } }, { next: resolve, error: resolve, complete: () => resolve('complete') })
    })
    await anonymous.dispose()
    expect(JSON.stringify(result)).toMatch(/UNAUTHENTICATED/)

    const closed = new Promise<number>((resolve) => {
      const refused = wsClient('not-a-token', { on: { closed: (e) => resolve((e as { code: number }).code) } })
      refused.subscribe({ query: LOG_SUBSCRIPTION, variables: { id: dep.id } }, { next: () => undefined, error: () => undefined, complete: () => undefined })
    })
    expect(await closed).toBe(4403)
  })

  it('drops every socket abruptly on POST /__test/drop-sockets', async () => {
    const token = await signIn()
    const dep = await firstDeployment(token)
    const client = wsClient(token)
    const closed = new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)))
    const first = new Promise<void>((resolve, reject) => {
      client.subscribe({ query: LOG_SUBSCRIPTION, variables: { id: dep.id, since: new Date(Date.now() - 1_000).toISOString() } }, {
        next: () => resolve(),
        error: () => undefined,
        complete: () => undefined,
      })
      setTimeout(() => reject(new Error('no log record')), 5_000)
    })
    await first
    const res = await fetch(`${server.url}/__test/drop-sockets`, { method: 'POST' })
    expect(((await res.json()) as { dropped: number }).dropped).toBeGreaterThanOrEqual(1)
    expect(await closed).toBe(1006)
    await client.dispose()
  })
})

describe('npm run mock-api', () => {
  it('prints its address when ready and stops cleanly on SIGTERM', async () => {
    const here = dirname(fileURLToPath(import.meta.url))
    const main = join(here, 'main.ts')
    const tsx = join(here, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const child = spawn(process.execPath, [tsx, main], { env: { ...process.env, PORT: '0', HOUSTON_TEST_HOOKS: '' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const ready = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /^Fake Houston listening on (http:\/\/127\.0\.0\.1:\d+) \(GraphQL \/v1, subscriptions \/ws\)$/m.exec(out)
        if (m?.[1]) resolve(m[1])
      })
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)))
      setTimeout(() => reject(new Error(`not ready: ${out}`)), 20_000)
    })
    const health = await fetch(`${ready}/v1`)
    expect(health.status).toBe(200)
    // Test hooks exist only with HOUSTON_TEST_HOOKS=1.
    expect((await fetch(`${ready}/__test/reset`, { method: 'POST' })).status).toBe(404)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})

describe('a server for a platform without AU', () => {
  it('reports auEnabled false in deploymentConfig (HOUSTON_AU=off)', async () => {
    const noAu = await startMockServer({ port: 0, auEnabled: false })
    const post = async <T>(query: string, token?: string) => {
      const res = await fetch(`${noAu.url}/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      })
      return (await res.json()) as ExecutionResult<T>
    }
    try {
      const signedIn = await post<{ createToken: { token: { value: string } } }>('mutation { createToken(identity: "editor@example.com", password: "demo") { token { value } } }')
      const config = await post<{ deploymentConfig: { auEnabled: boolean } }>('{ deploymentConfig }', signedIn.data?.createToken.token.value)
      expect(config.data?.deploymentConfig.auEnabled).toBe(false)
    } finally {
      await noAu.close()
    }
  })
})
