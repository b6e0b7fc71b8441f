// What the fake backend's two transports (MSW in the browser and in tests,
// node:http for e2e) share: reading a GraphQL request, the bearer token, the
// graphql-ws server options, Prometheus parameters, and the link from
// Houston's deployments to the metrics they have.
import { execute, getOperationAST, OperationTypeNode, parse, subscribe, validate } from 'graphql'
import type { ServerOptions } from 'graphql-ws'
import type { Houston } from './houston'
import { sizingOf } from './houston/sizing'
import type { PromOptions } from './prometheus'

export interface GraphQLRequest {
  query: string
  variables: Record<string, unknown> | null
  operationName: string | null
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A GraphQL-over-HTTP POST body, or why it is not one (the transports answer 400). */
export function parseGraphQLRequest(body: unknown): Parsed<GraphQLRequest> {
  if (!isRecord(body)) return { ok: false, error: 'The request body must be a JSON object with a "query".' }
  const { query, variables, operationName } = body
  if (typeof query !== 'string' || query.trim() === '') return { ok: false, error: 'The request body has no "query" string.' }
  if (variables !== undefined && variables !== null && !isRecord(variables)) return { ok: false, error: '"variables" must be an object.' }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return { ok: false, error: '"operationName" must be a string.' }
  }
  return { ok: true, value: { query, variables: variables ?? null, operationName: operationName ?? null } }
}

/** The JSON Houston answers a request it could not read with. */
export const requestError = (message: string) => ({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] })

/** `Bearer <t>` (or a bare token, as Houston also accepts) to the token; null when absent. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null
  const value = header.trim()
  if (value === '') return null
  const m = /^Bearer\s+(.+)$/i.exec(value)
  return (m ? m[1] : value)?.trim() || null
}

/** Whether a request is a mutation (the demo saves its state after each). */
export function isMutation(req: { query: string; operationName?: string | null }): boolean {
  try {
    return getOperationAST(parse(req.query), req.operationName)?.operation === OperationTypeNode.MUTATION
  } catch {
    return false
  }
}

/**
 * Ends an async iterable after `ms`, as the real Houston ends long
 * subscriptions: the consumer sees it complete, the source is returned.
 */
export function endAfter<T>(source: AsyncIterable<T>, ms: number): AsyncIterableIterator<T> {
  const it = source[Symbol.asyncIterator]()
  let expired = false
  let expire: (() => void) | null = null
  const expiry = new Promise<IteratorResult<T>>((resolve) => {
    expire = () => resolve({ value: undefined, done: true })
  })
  const timer = setTimeout(() => {
    expired = true
    expire?.()
    void it.return?.()
  }, ms)
  if (typeof timer === 'object' && 'unref' in timer) timer.unref()
  const stop = async (): Promise<IteratorResult<T>> => {
    clearTimeout(timer)
    expired = true
    expire?.()
    await it.return?.()
    return { value: undefined, done: true }
  }
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (expired) return { value: undefined, done: true }
      const r = await Promise.race([it.next(), expiry])
      if (r.done) clearTimeout(timer)
      return r
    },
    return: stop,
    async throw(error: unknown) {
      await stop()
      throw error
    },
    [Symbol.asyncIterator]: () => iterator,
  }
  return iterator
}

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> =>
  typeof v === 'object' && v !== null && Symbol.asyncIterator in v

export interface GraphQLWsOptions {
  /** End each subscription after this long (Houston ends long ones); default 600 s. */
  subscriptionMaxMs?: number
}

/**
 * graphql-ws server options over Houston: the token comes in the
 * `connection_init` payload as `{ authorization: 'Bearer …' }` (never in the
 * URL). A token that Houston refuses closes the socket with 4403 Forbidden;
 * without a token the socket opens and operations answer UNAUTHENTICATED.
 */
export function graphqlWsOptions<E>(houston: Houston, options: GraphQLWsOptions = {}): ServerOptions<Record<string, unknown> | undefined, E> {
  const maxMs = options.subscriptionMaxMs ?? 600_000
  const tokenOf = (params: Record<string, unknown> | undefined | null) =>
    bearerToken(params?.authorization ?? params?.Authorization ?? params?.token)
  return {
    schema: houston.schema,
    // graphql's own functions from the copy Houston's schema was built with: under Vitest,
    // graphql-ws (external) and our code (inlined) would otherwise load two copies of graphql.
    parse,
    validate,
    execute,
    subscribe,
    onConnect: (ctx) => {
      const token = tokenOf(ctx.connectionParams)
      return token === null || houston.contextFor(token).viewer !== null
    },
    context: (ctx) => houston.contextFor(tokenOf(ctx.connectionParams)),
    onOperation: (_ctx, _id, _payload, _args, result) => (isAsyncIterable(result) ? endAfter(result, maxMs) : result),
  }
}

const FORM = 'application/x-www-form-urlencoded'

/** Prometheus reads parameters from the URL and, for a form POST, from the body too. */
export function promParams(url: string, contentType: string | null, body: string | null): URLSearchParams {
  const params = new URL(url, 'http://localhost').searchParams
  if (body && contentType?.toLowerCase().startsWith(FORM)) {
    for (const [k, v] of new URLSearchParams(body)) params.append(k, v)
  }
  return params
}

/** Metrics for Houston's deployments: their releases, sized and in the status Houston holds. */
export function prometheusOptionsFor(houston: Houston): PromOptions {
  const deployments = () => houston.contextFor(null).store.deployments()
  return {
    releases: () => deployments().map((d) => d.releaseName),
    profile: (release) => {
      const dep = deployments().find((d) => d.releaseName === release)
      return dep ? { sizing: sizingOf(dep.config, dep.properties), status: dep.status } : null
    },
  }
}
