// @vitest-environment jsdom
// The MSW handlers in the environment the console's tests use (jsdom, whose
// WebSocket MSW intercepts).
import { createClient, type Client } from 'graphql-ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestBackend, signIn } from './node'

const { houston, server } = createTestBackend({ subscriptionMaxMs: 1_500 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const ORIGIN = 'http://localhost'

async function post(body: string, token?: string) {
  return fetch(`${ORIGIN}/v1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  })
}

function client(url: string, token: string, on: Parameters<typeof createClient>[0]['on'] = {}): Client {
  return createClient({ url, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, on })
}

async function deployment(token: string): Promise<{ id: string; releaseName: string }> {
  const res = await post(JSON.stringify({ query: '{ deployments { id releaseName } }' }), token)
  const body = (await res.json()) as { data: { deployments: { id: string; releaseName: string }[] } }
  const dep = body.data.deployments[0]
  if (!dep) throw new Error('no deployment')
  return dep
}

describe('GraphQL over HTTP at */v1', () => {
  it('executes with the bearer token and returns GraphQL errors with 200', async () => {
    const token = await signIn(houston, 'viewer@example.com')
    const ok = await post(JSON.stringify({ query: 'query Me { self { user { emails { address } } } }', operationName: 'Me' }), token)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ data: { self: { user: { emails: [{ address: 'viewer@example.com' }] } } } })

    const anonymous = await post(JSON.stringify({ query: '{ self { isAdmin } }' }))
    expect(anonymous.status).toBe(200)
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED')
  })

  it('refuses a malformed body with 400', async () => {
    expect((await post('not json')).status).toBe(400)
    expect((await post(JSON.stringify({ query: 42 }))).status).toBe(400)
    expect((await post(JSON.stringify({ query: '{ authConfig { localEnabled } }', variables: [] }))).status).toBe(400)
  })
})

describe('Prometheus at */api/v1', () => {
  it('serves query_range and query, GET and form POST, with bad_data as 400', async () => {
    const token = await signIn(houston, 'admin@example.com')
    const { releaseName } = await deployment(token)
    const end = Math.floor(Date.now() / 1000)
    const range = await fetch(
      `${ORIGIN}/api/v1/query_range?${new URLSearchParams({ query: `sum(rate(airflow_ti_successes{release="${releaseName}"}[5m]))`, start: String(end - 300), end: String(end), step: '60' })}`,
    )
    expect(range.status).toBe(200)
    expect(await range.json()).toMatchObject({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {} }] } })

    const instant = await fetch(`${ORIGIN}/api/v1/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: `airflow_executor_running_tasks{deployment="${releaseName}"}` }).toString(),
    })
    expect(await instant.json()).toMatchObject({ status: 'success', data: { resultType: 'vector', result: [{ metric: { release: releaseName } }] } })

    const bad = await fetch(`${ORIGIN}/api/v1/query_range?query=up&start=10&end=1&step=1`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "end": end timestamp must not be before start time' })
  })
})

describe('graphql-ws at ws(s)://*/ws', () => {
  it.each(['ws://localhost/ws', 'wss://console.example.com/ws'])('streams log records over %s and completes at the maximum', async (url) => {
    const token = await signIn(houston, 'admin@example.com')
    const dep = await deployment(token)
    const c = client(url, token)
    const seen: { timestamp: string; release: string }[] = []
    await new Promise<void>((resolve, reject) => {
      c.subscribe<{ log: { timestamp: string; release: string } }>(
        {
          query: 'subscription Tail($id: Uuid!, $since: DateTime) { log(deploymentUuid: $id, timestamp: $since) { timestamp release } }',
          variables: { id: dep.id, since: new Date(Date.now() - 1_000).toISOString() },
        },
        { next: (r) => (r.data ? seen.push(r.data.log) : reject(new Error(JSON.stringify(r.errors)))), error: reject, complete: resolve },
      )
    })
    await c.dispose()
    expect(seen.length).toBeGreaterThan(3)
    for (const r of seen) expect(r.release).toBe(dep.releaseName)
  })

  it('closes with 4403 when the token in connection_init is refused', async () => {
    const code = await new Promise<number>((resolve) => {
      const c = client('ws://localhost/ws', 'expired-or-made-up', { closed: (e) => resolve((e as CloseEvent).code) })
      c.subscribe({ query: '{ authConfig { localEnabled } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined })
    })
    expect(code).toBe(4403)
  })
})
