// MSW handlers of the one fake backend, for the browser demo and for tests:
// Houston's GraphQL at `*/v1`, its graphql-ws subscriptions at `*/ws` (ws and wss),
// and Prometheus's query API at `*/api/v1/query(_range)`.
import { makeServer, handleProtocols } from 'graphql-ws'
import { delay, http, HttpResponse, ws, type WebSocketHandler } from 'msw'
import type { Houston } from './houston'
import { handleQuery, handleQueryRange, promHttpStatus, type PromOptions, type PromResponse } from './prometheus'
import { bearerToken, graphqlWsOptions, parseGraphQLRequest, prometheusOptionsFor, promParams, requestError } from './transport'

export interface HandlerOptions {
  /** Delay before each HTTP answer, to show loading states. */
  latencyMs?: number
  /** End each subscription after this long; default 600 s, as Houston. */
  subscriptionMaxMs?: number
  /** Which releases and sizes Prometheus knows; default: Houston's deployments. */
  prometheus?: PromOptions
  /** Prometheus's clock for instant queries without `time` (ms); default Date.now. */
  now?: () => number
}

const json = (body: unknown, status = 200) =>
  new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

export function createHandlers(houston: Houston, opts: HandlerOptions = {}) {
  const latency = async () => {
    if (opts.latencyMs) await delay(opts.latencyMs)
  }
  const prom = opts.prometheus ?? prometheusOptionsFor(houston)
  const now = opts.now ?? Date.now

  const prometheus = (handle: (p: URLSearchParams, now: number, o: PromOptions) => PromResponse) =>
    async ({ request }: { request: Request }) => {
      await latency()
      const body = request.method === 'POST' ? await request.text() : null
      const result = handle(promParams(request.url, request.headers.get('content-type'), body), now(), prom)
      return json(result, promHttpStatus(result))
    }

  const server = makeServer(graphqlWsOptions<unknown>(houston, { subscriptionMaxMs: opts.subscriptionMaxMs }))
  // One link for ws:// and wss://. A pattern with a scheme (`ws://*/ws`) never matches in
  // Chromium: MSW parses it with the browser's URL, which turns the `*` host into `%2A`.
  const subscriptions: WebSocketHandler = ws.link('*/ws').addEventListener('connection', ({ client, info }) => {
    let onMessage: ((data: string) => Promise<void>) | null = null
    let closed: ((code?: number, reason?: string) => Promise<void>) | null = null
    let open = true
    const finish = (code?: number, reason?: string) => {
      if (!open) return
      open = false
      void closed?.(code, reason)
    }
    closed = server.opened(
      {
        // The browser's WebSocket offers its subprotocols; graphql-ws checks that its own is among them.
        protocol: handleProtocols(info.protocols ?? []) || '',
        send: (data) => {
          if (open) client.send(data)
        },
        close: (code, reason) => {
          client.close(code, reason)
          finish(code, reason)
        },
        onMessage: (cb) => {
          onMessage = cb
        },
      },
      { client },
    )
    client.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') {
        client.close(4400, 'Binary messages are not supported')
        return
      }
      onMessage?.(event.data).catch((error: unknown) => {
        client.close(4500, error instanceof Error ? error.message : 'Internal error')
      })
    })
    client.addEventListener('close', (event) => finish(event.code, event.reason))
  })

  return [
    http.post('*/v1', async ({ request }) => {
      await latency()
      let body: unknown
      try {
        body = await request.json()
      } catch {
        return json(requestError('The request body is not valid JSON.'), 400)
      }
      const parsed = parseGraphQLRequest(body)
      if (!parsed.ok) return json(requestError(parsed.error), 400)
      const result = await houston.execute({ ...parsed.value, token: bearerToken(request.headers.get('authorization')) })
      return json(result)
    }),
    http.get('*/api/v1/query_range', prometheus(handleQueryRange)),
    http.post('*/api/v1/query_range', prometheus(handleQueryRange)),
    http.get('*/api/v1/query', prometheus(handleQuery)),
    http.post('*/api/v1/query', prometheus(handleQuery)),
    subscriptions,
  ]
}
