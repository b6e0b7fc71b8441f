// Deployment logs, served from the deterministic generator in mocks/logs.
import { DEFAULT_WINDOW_MS, type LogRecord, logVolume, queryLogs, streamLogs } from '../../logs/index'
import { requireDeployment } from '../authz'
import type { HoustonContext } from '../context'
import { badInput } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { hostileLogSuffix } from '../seed-hostile'
import type { DeploymentRecord } from '../state'
import { compareVersions } from '../versions'
import { deploymentById } from './lookup'

/** The components whose pods this deployment runs: its executor and Airflow version decide. */
export function logComponents(dep: DeploymentRecord): string[] {
  const out = ['scheduler', 'webserver']
  if (dep.config.executor === 'CeleryExecutor') out.push('workers')
  if (compareVersions(dep.airflowVersion, '2.2.0') >= 0) out.push('triggerer')
  return out
}

interface LogArgs {
  deploymentUuid: string
  component?: string | null
  timestamp?: string | null
  search?: string | null
  until?: string | null
}

function logSource(ctx: HoustonContext, args: LogArgs) {
  const dep = deploymentById(ctx, args.deploymentUuid)
  requireDeployment(ctx, dep, 'deployment.logs.get', "read this deployment's logs")
  const components = logComponents(dep)
  if (args.component && !components.includes(args.component)) {
    throw badInput('component', `${dep.label} runs no ${args.component}: its components are ${components.join(', ')}.`)
  }
  for (const [name, value] of [['timestamp', args.timestamp], ['until', args.until]] as const) {
    if (value && Number.isNaN(Date.parse(value))) throw badInput(name, `${name} must be an ISO 8601 date and time, got "${value}".`)
  }
  const { ratePerSecond, limit } = logVolume()
  return {
    release: dep.releaseName,
    components,
    component: args.component ?? null,
    since: args.timestamp ?? null,
    search: args.search?.trim() || null,
    ratePerSecond,
    limit,
  }
}

/** Maps a stream, and stops it at once when the consumer leaves (even while it waits for a record). */
function mapStream<T, U>(source: AsyncIterableIterator<T>, map: (t: T) => U, stop: () => void): AsyncIterableIterator<U> {
  const close = async (): Promise<IteratorResult<U>> => {
    stop()
    await source.return?.()
    return { value: undefined, done: true }
  }
  const iterator: AsyncIterableIterator<U> = {
    next: async () => {
      const r = await source.next()
      return r.done ? { value: undefined, done: true } : { value: map(r.value), done: false }
    },
    return: close,
    throw: async (error: unknown) => {
      await close()
      throw error
    },
    [Symbol.asyncIterator]: () => iterator,
  }
  return iterator
}

/** Under the hostile seed, one record in a few ends with a string of the hostile corpus; null otherwise. */
function seasoning(ctx: HoustonContext): ((record: LogRecord) => LogRecord) | null {
  if (ctx.store.state.seed !== 'hostile') return null
  return (record) => {
    const suffix = hostileLogSuffix(record.id)
    return suffix === null ? record : { ...record, message: `${record.message} ${suffix}` }
  }
}

function query(ctx: HoustonContext, args: LogArgs): LogRecord[] {
  const source = logSource(ctx, args)
  const now = ctx.now()
  const until = args.until ? Math.min(Date.parse(args.until), now) : now
  // A window that ends before it starts holds nothing (queryLogs would read a missing `since` as an hour back).
  if (source.since !== null && Date.parse(source.since) >= until) return []
  const records = queryLogs({ ...source, since: source.since ?? new Date(until - DEFAULT_WINDOW_MS).toISOString(), now: until })
  const season = seasoning(ctx)
  return season ? records.map(season) : records
}

export const logResolvers: Resolvers = {
  Query: {
    logs: (_parent, args, ctx) => query(ctx, args),
    deploymentLogs: (_parent, args, ctx) => query(ctx, args),
  },
  Subscription: {
    log: {
      subscribe: (_parent, args, ctx) => {
        const source = logSource(ctx, args)
        const abort = new AbortController()
        const season = seasoning(ctx)
        return mapStream(
          streamLogs({ ...source, now: ctx.now, signal: abort.signal }),
          (log) => ({ log: season ? season(log) : log }),
          () => abort.abort(),
        )
      },
    },
  },
}
