// The fake backend as a real HTTP + WebSocket server, for e2e runs and for
// pointing a console build at: Houston's GraphQL at /v1, graphql-ws
// subscriptions at /ws, Prometheus's query API at /api/v1/query(_range).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { handleProtocols } from 'graphql-ws'
import { useServer, type Extra } from 'graphql-ws/use/ws'
import { WebSocketServer } from 'ws'
import { createHouston, type Houston } from '../houston'
import type { SeedName } from '../houston/state'
import { readSdl } from '../sdl'
import { handleQuery, handleQueryRange, promHttpStatus } from '../prometheus'
import { bearerToken, graphqlWsOptions, parseGraphQLRequest, prometheusOptionsFor, promParams, requestError } from '../transport'

export interface MockServerOptions {
  host?: string
  /** 0 picks a free port. */
  port?: number
  seed?: SeedName
  /** False: a platform without Astronomer Units (deployments sized in CPU and memory). */
  auEnabled?: boolean
  /** Delay before each GraphQL and Prometheus answer. */
  latencyMs?: number
  /** Serve POST /__test/reset and POST /__test/drop-sockets. */
  testHooks?: boolean
  /** End each subscription after this long; default 600 s, as Houston. */
  subscriptionMaxMs?: number
  now?: () => number
  sdl?: string
}

export interface MockServer {
  url: string
  wsUrl: string
  port: number
  houston: Houston
  /** Closes every WebSocket abruptly (no close frame); returns how many. */
  dropSockets(): number
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'The request body is larger than 1 MiB.'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Answers JSON, gzipped when the client accepts it and it is worth it (a first page of logs is megabytes), as Houston's ingress does. */
function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  const vary = [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', ')
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8', Vary: vary }
  const accepted = req.headers['accept-encoding']
  if (text.length > 1024 && typeof accepted === 'string' && /\bgzip\b/.test(accepted)) {
    const zipped = gzipSync(text, { level: 4 })
    res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': zipped.length })
    res.end(zipped)
    return
  }
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin
  if (!origin || !LOCAL_ORIGIN.test(origin)) return
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type')
  res.setHeader('Access-Control-Max-Age', '600')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const houston = createHouston({
    sdl: options.sdl ?? readSdl(),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.auEnabled === undefined ? {} : { auEnabled: options.auEnabled }),
  })
  const now = options.now ?? Date.now
  const prom = prometheusOptionsFor(houston)
  const latency = async () => {
    if (options.latencyMs) await sleep(options.latencyMs)
  }
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => handleProtocols(protocols) })

  const dropSockets = () => {
    let n = 0
    for (const socket of wss.clients) {
      socket.terminate()
      n++
    }
    return n
  }

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname.replace(/\/+$/, '') || '/'
    const method = req.method ?? 'GET'
    cors(req, res)
    if (method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }

    if (path === '/v1') {
      if (method === 'GET') return send(req, res, 200, { status: 'ok', service: 'fake-houston', seed: options.seed ?? 'demo', graphql: '/v1', subscriptions: '/ws' })
      if (method !== 'POST') throw new HttpError(405, `${method} is not allowed on /v1.`)
      const text = await readBody(req)
      await latency()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return send(req, res, 400, requestError('The request body is not valid JSON.'))
      }
      const parsed = parseGraphQLRequest(body)
      if (!parsed.ok) return send(req, res, 400, requestError(parsed.error))
      const result = await houston.execute({ ...parsed.value, token: bearerToken(req.headers.authorization) })
      return send(req, res, 200, result)
    }

    if (path === '/api/v1/query_range' || path === '/api/v1/query') {
      if (method !== 'GET' && method !== 'POST') throw new HttpError(405, `${method} is not allowed on ${path}.`)
      const body = method === 'POST' ? await readBody(req) : null
      await latency()
      const params = promParams(req.url ?? '/', req.headers['content-type'] ?? null, body)
      const result = path === '/api/v1/query' ? handleQuery(params, now(), prom) : handleQueryRange(params, now(), prom)
      return send(req, res, promHttpStatus(result), result)
    }

    if (options.testHooks && method === 'POST' && path === '/__test/reset') {
      houston.reset()
      return send(req, res, 200, { reset: true })
    }
    if (options.testHooks && method === 'POST' && path === '/__test/drop-sockets') {
      return send(req, res, 200, { dropped: dropSockets() })
    }
    throw new HttpError(404, `Nothing is served at ${path}.`)
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500
      if (status === 500) console.error(error)
      if (res.headersSent) {
        res.end()
        return
      }
      send(req, res, status, requestError(error instanceof Error ? error.message : String(error)))
    })
  })

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const origin = req.headers.origin
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    if (path !== '/ws') return refuse('404 Not Found')
    if (origin && !LOCAL_ORIGIN.test(origin)) return refuse('403 Forbidden')
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  const subscriptions = useServer(graphqlWsOptions<Extra>(houston, { subscriptionMaxMs: options.subscriptionMaxMs }), wss)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8871, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const host = options.host ?? '127.0.0.1'

  return {
    url: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}/ws`,
    port,
    houston,
    dropSockets,
    async close() {
      for (const socket of wss.clients) socket.close(1001, 'Server shutting down')
      await subscriptions.dispose()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
