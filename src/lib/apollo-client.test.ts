import { gql } from '@apollo/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApolloClient } from './apollo-client'
import type { ResolvedConfig } from './runtime-config'

const CONFIG: ResolvedConfig = {
  demo: false,
  graphqlUrl: 'http://houston.test/v1',
  graphqlWsUrl: null,
  metricsUrl: 'http://prometheus.test',
  grafanaUrlTemplate: null,
  kibanaUrlTemplate: null,
}

const READ = gql`
  query Answer {
    answer
  }
`
const WRITE = gql`
  mutation Change {
    change
  }
`

type Reply = { status: number; body: unknown } | 'network-down'

/** A fetch that answers in turn with `replies` (the last one over and over) and records what was asked. */
function fakeFetch(replies: Reply[]) {
  const asked: string[] = []
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { operationName?: string }
    asked.push(body.operationName ?? '')
    const reply = replies[Math.min(asked.length - 1, replies.length - 1)] ?? 'network-down'
    if (reply === 'network-down') return Promise.reject(new TypeError('Failed to fetch'))
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
    return Promise.resolve(new Response(text, { status: reply.status, headers: { 'content-type': 'application/json' } }))
  })
  return { fetch, asked }
}

const ok = (data: unknown): Reply => ({ status: 200, body: { data } })
const http500: Reply = { status: 500, body: 'upstream connect error' }

describe('createApolloClient', () => {
  beforeEach(() => {
    // No jitter: every backoff delay is 0 ms, so the retries run at once.
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('retries a read that fails with HTTP 500 or on the network, and returns the answer that follows', async () => {
    const { fetch, asked } = fakeFetch([http500, 'network-down', ok({ answer: 42 })])
    vi.stubGlobal('fetch', fetch)
    const client = createApolloClient(CONFIG, { onUnauthenticated: vi.fn() })
    const result = await client.query({ query: READ, fetchPolicy: 'network-only' })
    expect(result.data).toEqual({ answer: 42 })
    expect(asked).toEqual(['Answer', 'Answer', 'Answer'])
  })

  it('gives up on a read after five attempts', async () => {
    const { fetch, asked } = fakeFetch([http500])
    vi.stubGlobal('fetch', fetch)
    const client = createApolloClient(CONFIG, { onUnauthenticated: vi.fn() })
    await expect(client.query({ query: READ, fetchPolicy: 'network-only' })).rejects.toThrow(/status code 500/)
    expect(asked).toHaveLength(5)
  })

  it('does not retry a read the server refused with a GraphQL error or a 4xx', async () => {
    const { fetch, asked } = fakeFetch([{ status: 200, body: { data: null, errors: [{ message: 'Not allowed.', extensions: { code: 'FORBIDDEN' } }] } }, { status: 400, body: 'bad request' }])
    vi.stubGlobal('fetch', fetch)
    const client = createApolloClient(CONFIG, { onUnauthenticated: vi.fn() })
    await expect(client.query({ query: READ, fetchPolicy: 'network-only' })).rejects.toThrow('Not allowed.')
    await expect(client.query({ query: READ, fetchPolicy: 'network-only' })).rejects.toThrow(/status code 400/)
    expect(asked).toEqual(['Answer', 'Answer'])
  })

  it('sends a mutation once, whatever the failure', async () => {
    for (const failure of [http500, 'network-down'] as const) {
      const { fetch, asked } = fakeFetch([failure, ok({ change: true })])
      vi.stubGlobal('fetch', fetch)
      const client = createApolloClient(CONFIG, { onUnauthenticated: vi.fn() })
      await expect(client.mutate({ mutation: WRITE })).rejects.toThrow()
      expect(asked).toEqual(['Change'])
    }
  })

  it('signs the user out when the server says the session is over, in a GraphQL answer or a 401 body', async () => {
    const expired = { data: null, errors: [{ message: 'Your session has expired.', extensions: { code: 'UNAUTHENTICATED' } }] }
    for (const reply of [{ status: 200, body: expired }, { status: 401, body: expired }]) {
      vi.stubGlobal('fetch', fakeFetch([reply]).fetch)
      const onUnauthenticated = vi.fn()
      const client = createApolloClient(CONFIG, { onUnauthenticated })
      await expect(client.query({ query: READ, fetchPolicy: 'network-only' })).rejects.toThrow()
      expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    }
  })
})
