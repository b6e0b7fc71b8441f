// @vitest-environment node
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { renderMetrics, startExporter } from './exporter'
import { METRICS } from './model'

const NOW = Date.parse('2025-05-01T12:00:00.000Z')
const RELEASES = ['lunar-orbit-1234', 'solar-wind-0042']
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\} (-?[0-9.]+(?:e[+-]?\d+)?|NaN|[+-]Inf)$/

function samples(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line)
    if (m) out.set(`${m[1]}{${m[2]}}`, Number(m[3]))
  }
  return out
}

describe('renderMetrics', () => {
  it('writes valid text exposition: HELP and TYPE once before each family, one line per series', () => {
    const text = renderMetrics(RELEASES, NOW)
    expect(text.endsWith('\n')).toBe(true)
    const typed = new Map<string, string>()
    const seen = new Set<string>()
    for (const line of text.trimEnd().split('\n')) {
      const type = /^# TYPE (\S+) (counter|gauge)$/.exec(line)
      if (type?.[1] && type[2]) {
        expect(typed.has(type[1])).toBe(false)
        typed.set(type[1], type[2])
        continue
      }
      if (line.startsWith('# HELP ')) continue
      const m = SAMPLE.exec(line)
      expect(m, line).not.toBeNull()
      expect(typed.has(m?.[1] ?? ''), `${m?.[1]} has no TYPE before its samples`).toBe(true)
      expect(seen.has(`${m?.[1]}{${m?.[2]}}`), `duplicate ${line}`).toBe(false)
      seen.add(`${m?.[1]}{${m?.[2]}}`)
    }
    for (const metric of METRICS) expect(typed.get(metric.name), metric.name).toBe(metric.kind)
    for (const release of RELEASES) expect(text).toContain(`release="${release}"`)
  })

  it('advances counters with time', () => {
    const before = samples(renderMetrics(RELEASES, NOW))
    const after = samples(renderMetrics(RELEASES, NOW + 60_000))
    const counters = new Set<string>(METRICS.filter((m) => m.kind === 'counter').map((m) => m.name))
    let grew = 0
    for (const [key, value] of before) {
      if (!counters.has(key.slice(0, key.indexOf('{')))) continue
      const later = after.get(key) ?? Number.NaN
      expect(later, key).toBeGreaterThanOrEqual(value)
      if (later > value) grew++
    }
    expect(grew).toBeGreaterThan(10)
  })
})

describe('startExporter', () => {
  it('serves /metrics over HTTP, by default for the demo seed', async () => {
    const server = await startExporter({ port: 0, now: () => NOW })
    try {
      const { port } = server.address() as AddressInfo
      const res = await fetch(`http://127.0.0.1:${port}/metrics`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
      const text = await res.text()
      expect(text).toMatch(/^airflow_executor_running_tasks\{release="[a-z]+-[a-z]+-\d{4}"/m)
      expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
