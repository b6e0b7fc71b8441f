// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  formatSampleValue,
  handleQuery,
  handleQueryRange,
  METRIC_NAMES,
  promHttpStatus,
  releaseSeries,
  seededProfile,
  type PromMatrixResult,
  type PromResponse,
  type PromVectorResult,
} from './index'
import { parsePromQL } from './index'

const NOW = Date.parse('2025-05-01T12:00:00.000Z')
const END = NOW / 1000
const R = 'lunar-orbit-1234'

function range(query: string, extra: Record<string, string> = {}): PromResponse {
  return handleQueryRange(new URLSearchParams({ query, start: String(END - 3600), end: String(END), step: '60', ...extra }), NOW)
}

function matrix(r: PromResponse): PromMatrixResult['result'] {
  if (r.status !== 'success' || r.data.resultType !== 'matrix') throw new Error(`expected a matrix, got ${JSON.stringify(r).slice(0, 300)}`)
  return r.data.result
}

function vector(r: PromResponse): PromVectorResult['result'] {
  if (r.status !== 'success' || r.data.resultType !== 'vector') throw new Error(`expected a vector, got ${JSON.stringify(r).slice(0, 300)}`)
  return r.data.result
}

function errorOf(r: PromResponse): string {
  if (r.status !== 'error') throw new Error('expected an error')
  expect(r.errorType).toBe('bad_data')
  expect(promHttpStatus(r)).toBe(400)
  expect(Object.keys(r).sort()).toEqual(['error', 'errorType', 'status'])
  return r.error
}

const numbers = (values: [number, string][]) => values.map(([, v]) => Number(v))

describe('series', () => {
  it('serves every domain metric for a release, with release, deployment and namespace labels', () => {
    const names = new Set(releaseSeries(R).map((s) => s.metric))
    for (const name of [
      'airflow_scheduler_heartbeat',
      'airflow_executor_running_tasks',
      'airflow_executor_queued_tasks',
      'airflow_ti_successes',
      'airflow_ti_failures',
      'airflow_dagbag_size',
      'airflow_zombies_killed',
      'pgbouncer_pools_client_active_connections',
      'pgbouncer_pools_client_waiting_connections',
      'kube_resourcequota',
      'kube_pod_container_status_running',
      'kube_deployment_spec_replicas',
      'kube_pod_container_status_waiting_reason',
      'container_cpu_usage_seconds_total',
      'container_memory_working_set_bytes',
      'container_spec_memory_limit_bytes',
      'container_network_receive_bytes_total',
      'container_network_transmit_bytes_total',
    ]) {
      expect(names.has(name as never), name).toBe(true)
      expect(METRIC_NAMES).toContain(name)
    }
    for (const s of releaseSeries(R)) {
      expect(s.labels).toMatchObject({ release: R, deployment: R, namespace: `astronomer-${R}`, __name__: s.metric })
    }
  })

  it('keeps counters monotonic, scrape after scrape', () => {
    for (const s of releaseSeries(R).filter((x) => x.kind === 'counter')) {
      let prev = -1
      for (let t = END - 6 * 3600; t <= END; t += 15) {
        const v = s.at(t)
        expect(v, s.metric).toBeGreaterThanOrEqual(prev)
        prev = v
      }
    }
  })

  it('is deterministic', () => {
    expect(range(`airflow_executor_running_tasks{release="${R}"}`)).toEqual(range(`airflow_executor_running_tasks{release="${R}"}`))
  })
})

describe('query_range', () => {
  it('returns a Prometheus matrix for a selector', () => {
    const r = range(`airflow_executor_running_tasks{release="${R}"}`)
    expect(promHttpStatus(r)).toBe(200)
    const [series, ...rest] = matrix(r)
    expect(rest).toEqual([])
    expect(series?.metric).toEqual({ __name__: 'airflow_executor_running_tasks', release: R, deployment: R, namespace: `astronomer-${R}` })
    expect(series?.values).toHaveLength(61)
    expect(series?.values[0]).toEqual([END - 3600, expect.stringMatching(/^\d+$/)])
    expect(series?.values.at(-1)?.[0]).toBe(END)
  })

  it('keys series by the release or deployment label, or a regex list of them', () => {
    const byRelease = matrix(range(`airflow_dagbag_size{release="${R}"}`))
    const byDeployment = matrix(range(`airflow_dagbag_size{deployment="${R}"}`))
    expect(byDeployment).toEqual(byRelease)
    const both = matrix(range('airflow_dagbag_size{release=~"lunar-orbit-1234|solar-wind-0042"}'))
    expect(both.map((s) => s.metric.release)).toEqual(['lunar-orbit-1234', 'solar-wind-0042'])
    expect(matrix(range('airflow_dagbag_size{release="a", deployment="b"}'))).toEqual([])
    // Without a release, only the releases the server was told about exist.
    expect(matrix(range('airflow_dagbag_size'))).toEqual([])
    const known = handleQueryRange(new URLSearchParams({ query: 'airflow_dagbag_size', start: String(END - 60), end: String(END), step: '60' }), NOW, {
      releases: () => [R, 'other-one-0001'],
    })
    expect(matrix(known)).toHaveLength(2)
  })

  it('computes rate() from the counter: it matches the counter growth', () => {
    const [rate] = matrix(range(`rate(airflow_ti_successes{release="${R}"}[5m])`))
    const [inc] = matrix(range(`increase(airflow_ti_successes{release="${R}"}[1h])`, { start: String(END), end: String(END) }))
    expect(rate?.metric).toEqual({ release: R, deployment: R, namespace: `astronomer-${R}` })
    for (const v of numbers(rate?.values ?? [])) expect(v).toBeGreaterThan(0)
    const counter = releaseSeries(R).find((s) => s.metric === 'airflow_ti_successes')
    if (!counter || !inc) throw new Error('missing')
    const grown = counter.at(END - ((END - counter.offset) % 15)) - counter.at(END - 3600 - ((END - 3600 - counter.offset) % 15))
    expect(Number(inc.values[0]?.[1])).toBeCloseTo(grown, -1)
  })

  it('aggregates with sum, sum by, max, avg', () => {
    const quota = matrix(range(`sum by (resource, type) (kube_resourcequota{release="${R}"})`))
    expect(quota.map((s) => s.metric)).toEqual([
      { resource: 'limits.cpu', type: 'hard' },
      { resource: 'limits.cpu', type: 'used' },
      { resource: 'limits.memory', type: 'hard' },
      { resource: 'limits.memory', type: 'used' },
      { resource: 'pods', type: 'hard' },
      { resource: 'pods', type: 'used' },
    ])
    const hardPods = numbers(quota[4]?.values ?? [])
    const usedPods = numbers(quota[5]?.values ?? [])
    usedPods.forEach((u, i) => expect(u).toBeLessThanOrEqual(hardPods[i] ?? 0))

    const cpu = `rate(container_cpu_usage_seconds_total{release="${R}"}[5m])`
    const total = matrix(range(`sum(${cpu})`))
    expect(total).toHaveLength(1)
    expect(total[0]?.metric).toEqual({})
    const perPod = matrix(range(cpu))
    const summed = perPod.reduce((acc, s) => acc + Number(s.values[0]?.[1]), 0)
    expect(Number(total[0]?.values[0]?.[1])).toBeCloseTo(summed, 9)
    const max = Number(matrix(range(`max(${cpu})`))[0]?.values[0]?.[1])
    const avg = Number(matrix(range(`avg(${cpu})`))[0]?.values[0]?.[1])
    expect(max).toBeCloseTo(Math.max(...perPod.map((s) => Number(s.values[0]?.[1]))), 9)
    expect(avg).toBeCloseTo(summed / perPod.length, 9)
    expect(matrix(range(`sum(${cpu}) by (component)`)).map((s) => Object.keys(s.metric))).toEqual(
      matrix(range(`sum by (component) (${cpu})`)).map((s) => Object.keys(s.metric)),
    )
  })

  it('reports running pods against the expected ones from the profile', () => {
    const profile = seededProfile(R)
    const expected = Object.values(profile.sizing.components).reduce((n, c) => n + (c?.replicas ?? 0), 0)
    const [spec] = matrix(range(`sum(kube_deployment_spec_replicas{release="${R}"})`))
    expect(numbers(spec?.values ?? [])[0]).toBe(expected)
    const [running] = matrix(range(`sum(kube_pod_container_status_running{release="${R}"})`))
    for (const v of numbers(running?.values ?? [])) expect(v).toBeLessThanOrEqual(expected)
  })

  it('answers bad queries and parameters with bad_data, as Prometheus does', () => {
    expect(errorOf(handleQueryRange(new URLSearchParams({ start: '1', end: '2', step: '1' }), NOW))).toBe(
      'invalid parameter "query": 1:1: parse error: no expression found in input',
    )
    expect(errorOf(range('up', { end: String(END - 7200) }))).toBe('invalid parameter "end": end timestamp must not be before start time')
    expect(errorOf(range('up', { step: '0' }))).toMatch(/^invalid parameter "step": zero or negative query resolution step widths are not accepted/)
    expect(errorOf(range('up', { step: 'often' }))).toBe('invalid parameter "step": cannot parse "often" to a valid duration')
    expect(errorOf(range('up', { start: 'yesterday' }))).toBe('invalid parameter "start": cannot parse "yesterday" to a valid timestamp')
    expect(errorOf(range('up', { step: '0.3' }))).toBe(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    )
    expect(errorOf(range('up{release="x"}[5m]'))).toMatch(/invalid expression type "range vector" for range query/)
    for (const bad of ['irate(up[5m])', 'up / 2', 'rate(up)', 'sum(up[5m])', 'up{release="x"', 'foo(up)', '{}', 'up offset 5m', 'histogram_quantile(0.9, up)']) {
      expect(errorOf(range(bad)), bad).toMatch(/^invalid parameter "query": \d+:\d+: parse error: /)
    }
  })

  it('accepts RFC 3339 times and duration steps', () => {
    const r = handleQueryRange(
      new URLSearchParams({ query: `airflow_dagbag_size{release="${R}"}`, start: '2025-05-01T11:00:00Z', end: '2025-05-01T12:00:00Z', step: '15m' }),
      NOW,
    )
    expect(matrix(r)[0]?.values.map(([t]) => t)).toEqual([END - 3600, END - 2700, END - 1800, END - 900, END])
  })
})

describe('query', () => {
  it('returns a vector at time, defaulting to now', () => {
    const r = handleQuery(new URLSearchParams({ query: `sum by (component) (kube_pod_container_status_running{release="${R}"})` }), NOW)
    const result = vector(r)
    expect(result.length).toBeGreaterThan(3)
    for (const s of result) expect(s.value).toEqual([END, expect.stringMatching(/^[01]$/)])
  })

  it('returns raw samples as a matrix for a range selector', () => {
    const [s] = matrix(handleQuery(new URLSearchParams({ query: `airflow_scheduler_heartbeat{release="${R}"}[1m]`, time: String(END) }), NOW))
    expect(s?.values).toHaveLength(4)
    const ts = s?.values.map(([t]) => t) ?? []
    expect(ts[3]).toBeLessThanOrEqual(END)
    expect(ts[0]).toBeGreaterThan(END - 60)
  })
})

describe('helpers', () => {
  it('formats floats like Go', () => {
    expect(formatSampleValue(1)).toBe('1')
    expect(formatSampleValue(0.25)).toBe('0.25')
    expect(formatSampleValue(1e21)).toBe('1000000000000000000000')
    expect(formatSampleValue(1e-7)).toBe('0.0000001')
    expect(formatSampleValue(Number.NaN)).toBe('NaN')
    expect(formatSampleValue(Number.POSITIVE_INFINITY)).toBe('+Inf')
  })

  it('parses the subset', () => {
    expect(parsePromQL('sum by (a) (rate(x{b=~"c|d"}[5m]))')).toMatchObject({ kind: 'aggregate', op: 'sum', grouping: { mode: 'by', labels: ['a'] } })
  })
})
