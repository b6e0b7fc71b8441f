/**
 * A Prometheus-compatible fake for the console's metrics panels: the HTTP API
 * `/api/v1/query_range` and `/api/v1/query` with Prometheus's exact JSON
 * shapes and `bad_data` errors (HTTP 400), over deterministic series of the
 * domain's metrics (see ./model.ts: METRICS, METRIC_NAMES).
 *
 * Supported PromQL (anything else is a `bad_data` error):
 * - selectors `name{label="v", label!="v", label=~"a|b", label!~"re"}`, with
 *   or without the metric name, optionally with a range `[5m]` (an instant
 *   query then returns the raw samples as a matrix);
 * - `rate(selector[range])` and `increase(selector[range])`, extrapolated as
 *   Prometheus does;
 * - `sum`, `avg`, `max`, `min`, `count`, each with an optional
 *   `by (labels)` or `without (labels)` before or after the argument, nested
 *   freely (`max(sum by (pod) (rate(x[5m])))`).
 * Not supported: binary operators, number literals, offset, subqueries and
 * every other function.
 *
 * Series exist for a release named by the selector (`release="r"`,
 * `deployment="r"`, a regex that lists names `release=~"a|b"`, or
 * `namespace="astronomer-r"`); a selector that names none reads the releases
 * `options.releases` lists. Samples sit on a 15 s scrape grid.
 */
import { lastScrape, releaseSeries, SCRAPE_INTERVAL_S, seededProfile, type Labels, type ProfileLookup, type Series } from './model'
import { matches, parse, parseDuration, PromQLError, selectorsOf, type Expr, type SelectorExpr } from './promql'

export { METRIC_NAMES, METRICS, SCRAPE_INTERVAL_S, seededProfile, releaseSeries } from './model'
export type { MetricName, ReleaseProfile, ProfileLookup, Series } from './model'
export { parse as parsePromQL, PromQLError } from './promql'

export interface PromOptions {
  /** Releases that exist, for selectors that name none. */
  releases?: () => readonly string[]
  /** What a release runs (its sizing and status); default: a profile seeded by its name. */
  profile?: ProfileLookup
}

export type PromMetric = Record<string, string>
export type PromSample = [number, string]
export interface PromMatrixResult {
  resultType: 'matrix'
  result: { metric: PromMetric; values: PromSample[] }[]
}
export interface PromVectorResult {
  resultType: 'vector'
  result: { metric: PromMetric; value: PromSample }[]
}
export interface PromSuccess<D = PromMatrixResult | PromVectorResult> {
  status: 'success'
  data: D
}
export interface PromError {
  status: 'error'
  errorType: 'bad_data'
  error: string
}
export type PromResponse = PromSuccess | PromError

/** Prometheus answers 400 to bad_data. */
export const promHttpStatus = (r: PromResponse): 200 | 400 => (r.status === 'success' ? 200 : 400)

/** Prometheus refuses range queries of more points per series than this. */
export const MAX_POINTS = 11_000
/** How far back an instant selector looks for a sample. */
const LOOKBACK_S = 300

class BadData extends Error {}

function badData(message: string): PromError {
  return { status: 'error', errorType: 'bad_data', error: message }
}

const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

function parseTime(params: URLSearchParams, name: string, fallback?: number): number {
  const text = params.get(name)
  if ((text === null || text === '') && fallback !== undefined) return fallback
  const raw = text ?? ''
  if (FLOAT.test(raw)) return Number(raw)
  const t = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : Number.NaN
  if (Number.isNaN(t)) throw new BadData(`invalid parameter "${name}": cannot parse "${raw}" to a valid timestamp`)
  return t / 1000
}

function parseStep(params: URLSearchParams): number {
  const raw = params.get('step') ?? ''
  if (FLOAT.test(raw)) return Number(raw)
  const d = parseDuration(raw)
  if (d === null) throw new BadData(`invalid parameter "step": cannot parse "${raw}" to a valid duration`)
  return d
}

function parseQuery(params: URLSearchParams): Expr {
  try {
    return parse(params.get('query') ?? '')
  } catch (e) {
    if (e instanceof PromQLError) throw new BadData(`invalid parameter "query": ${e.message}`)
    throw e
  }
}

const PLAIN_LIST = /^[A-Za-z0-9_.-]+(\|[A-Za-z0-9_.-]+)*$/

/** The releases a selector names; null when it names none. */
function releasesNamed(sel: SelectorExpr): Set<string> | null {
  let named = null as Set<string> | null
  for (const m of sel.matchers) {
    let values: string[] = []
    if ((m.label === 'release' || m.label === 'deployment') && m.op === '=') values = [m.value]
    else if ((m.label === 'release' || m.label === 'deployment') && m.op === '=~' && PLAIN_LIST.test(m.value)) values = m.value.split('|')
    else if (m.label === 'namespace' && m.op === '=' && m.value.startsWith('astronomer-')) values = [m.value.slice('astronomer-'.length)]
    else continue
    const next = new Set(values)
    named = named ? new Set([...named].filter((r) => next.has(r))) : next
  }
  return named
}

function select(sel: SelectorExpr, options: PromOptions): Series[] {
  const releases = releasesNamed(sel) ?? new Set(options.releases?.() ?? [])
  const out: Series[] = []
  for (const release of releases) {
    if (!release) continue
    const profile = options.profile?.(release) ?? seededProfile(release)
    for (const s of releaseSeries(release, profile)) {
      if (sel.matchers.every((m) => matches(m, s.labels[m.label] ?? ''))) out.push(s)
    }
  }
  return out
}

interface Row {
  labels: Labels
  values: (number | undefined)[]
}

const withoutLabels = (labels: Labels, drop: readonly string[]): Labels =>
  Object.fromEntries(Object.entries(labels).filter(([k]) => !drop.includes(k)))

const withoutName = (labels: Labels): Labels => withoutLabels(labels, ['__name__'])

/** The first and last scrape in (t - range, t], or null with fewer than two. */
function window(s: Series, t: number, range: number): [number, number] | null {
  const last = lastScrape(s, t)
  let first = lastScrape(s, t - range)
  if (first <= t - range) first += SCRAPE_INTERVAL_S
  return last > first ? [first, last] : null
}

/** Prometheus's extrapolatedRate for a counter without resets (ours never reset). */
function extrapolated(s: Series, t: number, range: number, isRate: boolean): number | undefined {
  const w = window(s, t, range)
  if (!w) return undefined
  const [first, last] = w
  const firstValue = s.at(first)
  const delta = s.at(last) - firstValue
  const sampled = last - first
  const count = sampled / SCRAPE_INTERVAL_S + 1
  const average = sampled / (count - 1)
  const threshold = average * 1.1
  let toStart = first - (t - range)
  const toEnd = t - last
  if (s.kind === 'counter' && delta > 0 && firstValue >= 0) {
    const toZero = sampled * (firstValue / delta)
    if (toZero < toStart) toStart = toZero
  }
  let interval = sampled
  interval += toStart < threshold ? toStart : average / 2
  interval += toEnd < threshold ? toEnd : average / 2
  const value = delta * (interval / sampled)
  return isRate ? value / range : value
}

function groupKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0000${labels[k] ?? ''}`)
    .join('\u0001')
}

function evaluate(expr: Expr, steps: readonly number[], selected: Map<SelectorExpr, Series[]>): Row[] {
  switch (expr.kind) {
    case 'selector': {
      const series = selected.get(expr) ?? []
      return series.map((s) => ({
        labels: s.labels,
        values: steps.map((t) => {
          const at = lastScrape(s, t)
          return t - at <= LOOKBACK_S ? s.at(at) : undefined
        }),
      }))
    }
    case 'call': {
      const series = selected.get(expr.arg) ?? []
      const range = expr.arg.range
      return series.map((s) => ({ labels: withoutName(s.labels), values: steps.map((t) => extrapolated(s, t, range, expr.fn === 'rate')) }))
    }
    case 'aggregate': {
      const rows = evaluate(expr.arg, steps, selected)
      const groups = new Map<string, { labels: Labels; members: Row[] }>()
      for (const row of rows) {
        let labels: Record<string, string> = {}
        if (expr.grouping?.mode === 'by') {
          for (const l of expr.grouping.labels) {
            const v = row.labels[l]
            if (v !== undefined && v !== '') labels[l] = v
          }
        } else if (expr.grouping?.mode === 'without') {
          labels = { ...withoutLabels(row.labels, ['__name__', ...expr.grouping.labels]) }
        }
        const key = groupKey(labels)
        const group = groups.get(key) ?? { labels, members: [] }
        group.members.push(row)
        groups.set(key, group)
      }
      return [...groups.values()].map(({ labels, members }) => ({
        labels,
        values: steps.map((_, i) => {
          let n = 0
          let sum = 0
          let max = Number.NEGATIVE_INFINITY
          let min = Number.POSITIVE_INFINITY
          for (const m of members) {
            const v = m.values[i]
            if (v === undefined) continue
            n++
            sum += v
            if (v > max) max = v
            if (v < min) min = v
          }
          if (n === 0) return undefined
          switch (expr.op) {
            case 'sum':
              return sum
            case 'avg':
              return sum / n
            case 'max':
              return max
            case 'min':
              return min
            case 'count':
              return n
          }
        }),
      }))
    }
  }
}

/** A float as Prometheus writes it (Go's strconv 'f', -1). */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (v === Number.POSITIVE_INFINITY) return '+Inf'
  if (v === Number.NEGATIVE_INFINITY) return '-Inf'
  const s = String(v)
  if (!s.includes('e')) return s
  if (Math.abs(v) >= 1) return BigInt(Math.round(v)).toString()
  return v.toFixed(20).replace(/0+$/, '')
}

const secondsOut = (t: number) => Math.round(t * 1000) / 1000

function sortByLabels<T extends { metric: PromMetric }>(rows: T[]): T[] {
  const keyed = rows.map((r) => ({ r, k: groupKey(r.metric) }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
  return keyed.map(({ r }) => r)
}

function selectAll(expr: Expr, options: PromOptions): Map<SelectorExpr, Series[]> {
  return new Map(selectorsOf(expr).map((sel) => [sel, select(sel, options)]))
}

function run<T>(body: () => T): T | PromError {
  try {
    return body()
  } catch (e) {
    if (e instanceof BadData) return badData(e.message)
    throw e
  }
}

/** `GET /api/v1/query_range?query=&start=&end=&step=`; `now` (ms) is not needed (the range is explicit), kept for symmetry with handleQuery. */
export function handleQueryRange(params: URLSearchParams, now: number, options: PromOptions = {}): PromResponse {
  return run((): PromSuccess<PromMatrixResult> => {
    const start = parseTime(params, 'start')
    const end = parseTime(params, 'end')
    if (end < start) throw new BadData('invalid parameter "end": end timestamp must not be before start time')
    const step = parseStep(params)
    if (!(step > 0)) throw new BadData('invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer')
    if ((end - start) / step > MAX_POINTS) {
      throw new BadData('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)')
    }
    const expr = parseQuery(params)
    if (expr.kind === 'selector' && expr.range !== null) {
      throw new BadData('invalid parameter "query": invalid expression type "range vector" for range query, must be Scalar or instant Vector')
    }
    const steps: number[] = []
    for (let t = start; t <= end; t += step) steps.push(t)
    const rows = evaluate(expr, steps, selectAll(expr, options))
    const result = rows.flatMap((row) => {
      const values: PromSample[] = []
      row.values.forEach((v, i) => {
        const t = steps[i]
        if (v !== undefined && t !== undefined) values.push([secondsOut(t), formatSampleValue(v)])
      })
      return values.length > 0 ? [{ metric: { ...row.labels }, values }] : []
    })
    return { status: 'success', data: { resultType: 'matrix', result: sortByLabels(result) } }
  })
}

/** `GET /api/v1/query?query=&time=`: `time` defaults to `now` (ms). */
export function handleQuery(params: URLSearchParams, now: number, options: PromOptions = {}): PromResponse {
  return run((): PromSuccess => {
    const t = parseTime(params, 'time', now / 1000)
    const expr = parseQuery(params)
    const selected = selectAll(expr, options)
    if (expr.kind === 'selector' && expr.range !== null) {
      const range = expr.range
      const result = (selected.get(expr) ?? []).flatMap((s) => {
        const values: PromSample[] = []
        for (let at = lastScrape(s, t); at > t - range; at -= SCRAPE_INTERVAL_S) values.unshift([secondsOut(at), formatSampleValue(s.at(at))])
        return values.length > 0 ? [{ metric: { ...s.labels }, values }] : []
      })
      return { status: 'success', data: { resultType: 'matrix', result: sortByLabels(result) } }
    }
    const rows = evaluate(expr, [t], selected)
    const result = rows.flatMap((row) => {
      const v = row.values[0]
      return v === undefined ? [] : [{ metric: { ...row.labels }, value: [secondsOut(t), formatSampleValue(v)] satisfies PromSample }]
    })
    return { status: 'success', data: { resultType: 'vector', result: sortByLabels(result) } }
  })
}
