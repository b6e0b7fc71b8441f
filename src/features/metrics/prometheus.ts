// Prometheus's HTTP query API (`/api/v1/query_range`, `/api/v1/query`): one
// zod schema for its JSON, one error type that carries Prometheus's own
// `error` text, and the fetchers the metrics hooks call.
import { z } from 'zod'

const sampleSchema = z.tuple([z.number(), z.string()])
const metricSchema = z.record(z.string(), z.string())

const dataSchema = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('matrix'), result: z.array(z.object({ metric: metricSchema, values: z.array(sampleSchema) })) }),
  z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: metricSchema, value: sampleSchema })) }),
  z.object({ resultType: z.literal('scalar'), result: sampleSchema }),
  z.object({ resultType: z.literal('string'), result: sampleSchema }),
])

export const promResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('success'), data: dataSchema, warnings: z.array(z.string()).optional() }),
  z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
])
export type PromResponse = z.infer<typeof promResponseSchema>
export type PromData = Extract<PromResponse, { status: 'success' }>['data']

/** Prometheus refused a query or failed to run it; `message` is its own `error` text. */
export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly errorType: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'PrometheusError'
  }
}

/** One line of a chart: its labels and points (value null where Prometheus had none, or NaN). */
export interface PromSeries {
  metric: Record<string, string>
  points: { t: number; v: number | null }[]
}

/** A sample value as Prometheus writes it ("1.5", "NaN", "+Inf"). */
export function sampleValue(text: string): number | null {
  if (text === '+Inf') return Number.POSITIVE_INFINITY
  if (text === '-Inf') return Number.NEGATIVE_INFINITY
  const v = Number(text)
  return Number.isFinite(v) ? v : null
}

/** Series of a successful answer, with times in ms; instant answers become one-point series. */
export function seriesOf(data: PromData): PromSeries[] {
  switch (data.resultType) {
    case 'matrix':
      return data.result.map((r) => ({ metric: r.metric, points: r.values.map(([t, v]) => ({ t: Math.round(t * 1000), v: sampleValue(v) })) }))
    case 'vector':
      return data.result.map((r) => ({ metric: r.metric, points: [{ t: Math.round(r.value[0] * 1000), v: sampleValue(r.value[1]) }] }))
    case 'scalar':
    case 'string':
      return [{ metric: {}, points: [{ t: Math.round(data.result[0] * 1000), v: sampleValue(data.result[1]) }] }]
  }
}

/** Reads Prometheus's answer, whatever the HTTP status: its JSON says what went wrong better than the status does. */
export async function readPromResponse(response: Response): Promise<PromData> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new PrometheusError(`Prometheus answered HTTP ${response.status} without a JSON body: is the metrics URL a Prometheus server?`, 'bad_response', response.status)
  }
  const parsed = promResponseSchema.safeParse(body)
  if (!parsed.success) {
    throw new PrometheusError(`Prometheus answered in an unexpected shape (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}).`, 'bad_response', response.status)
  }
  if (parsed.data.status === 'error') throw new PrometheusError(parsed.data.error, parsed.data.errorType, response.status)
  return parsed.data.data
}

function endpoint(baseUrl: string, path: string, params: Record<string, string>): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`, globalThis.location?.origin ?? 'http://localhost')
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return url.toString()
}

async function get(url: string, signal?: AbortSignal): Promise<PromData> {
  let response: Response
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new Error(`Prometheus could not be reached (${error instanceof Error ? error.message : String(error)}).`)
  }
  return readPromResponse(response)
}

export interface RangeRequest {
  query: string
  /** Unix seconds. */
  start: number
  end: number
  /** Seconds. */
  step: number
}

export function queryRange(baseUrl: string, r: RangeRequest, signal?: AbortSignal): Promise<PromData> {
  return get(endpoint(baseUrl, '/api/v1/query_range', { query: r.query, start: String(r.start), end: String(r.end), step: String(r.step) }), signal)
}

export function queryInstant(baseUrl: string, query: string, time?: number, signal?: AbortSignal): Promise<PromData> {
  return get(endpoint(baseUrl, '/api/v1/query', { query, ...(time === undefined ? {} : { time: String(time) }) }), signal)
}

/** A label matcher value, quoted as PromQL wants it. */
export const promString = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
