import { describe, expect, it } from 'vitest'
import { chartData, formatValue, groupsFromParam, groupsToParam, latestValue, metricsSearchSchema, panelsFor, rangeBounds, rateWindow, RANGE_SECONDS, stepFor, METRIC_RANGES } from './panels'
import type { PromSeries } from './prometheus'

describe('stepFor', () => {
  it.each([
    ['15m', 15],
    ['1h', 15],
    ['6h', 120],
    ['24h', 300],
    ['7d', 3600],
    ['14d', 7200],
  ] as const)('%s -> %i s', (range, step) => {
    expect(stepFor(RANGE_SECONDS[range])).toBe(step)
  })

  it.each(METRIC_RANGES)('keeps %s at or under 300 points per series', (range) => {
    const { start, end, step } = rangeBounds(range, Date.UTC(2024, 4, 1, 12, 7, 31))
    expect(Math.floor((end - start) / step) + 1).toBeLessThanOrEqual(300)
    expect((end - start) % step).toBe(0)
    expect(end).toBe(Math.floor(Date.UTC(2024, 4, 1, 12, 7, 31) / 1000))
  })

  it.each([
    [15, '5m'],
    [300, '5m'],
    [3600, '1h'],
    [7200, '2h'],
  ])('rate window for a %i s step is %s', (step, window) => expect(rateWindow(step)).toBe(window))
})

describe('search params', () => {
  it('falls back on bad input and keeps the chosen groups in order', () => {
    expect(metricsSearchSchema.parse({ range: '2y', refresh: 'sometimes' })).toEqual({ range: '1h', panels: '' })
    expect(groupsFromParam('usage,bogus,status')).toEqual(['status', 'usage'])
    expect(groupsFromParam('')).toHaveLength(6)
    expect(groupsToParam(['usage', 'status'])).toBe('status,usage')
    expect(groupsToParam(groupsFromParam(''))).toBe('')
  })
})

describe('panelsFor', () => {
  it('selects every query by the release label', () => {
    for (const panel of panelsFor('lunar-orbit-1234', 15)) {
      for (const q of panel.queries) expect(q.promql).toContain('release="lunar-orbit-1234"')
    }
  })
  it('covers the six groups of the domain', () => {
    expect(new Set(panelsFor('r', 15).map((p) => p.group))).toEqual(new Set(['status', 'tasks', 'scheduler', 'database', 'quotas', 'usage']))
  })
})

const series = (metric: Record<string, string>, values: [number, number | null][]): PromSeries => ({ metric, points: values.map(([t, v]) => ({ t, v })) })

describe('chartData', () => {
  const [heartbeat] = panelsFor('r', 15).filter((p) => p.id === 'heartbeat')
  const [containers] = panelsFor('r', 15).filter((p) => p.id === 'containers')
  const [saturation] = panelsFor('r', 15).filter((p) => p.id === 'saturation')
  if (!heartbeat || !containers || !saturation) throw new Error('panels missing')

  it('scales a per-second rate to per minute', () => {
    const data = chartData(heartbeat, new Map([['heartbeat', [series({}, [[1000, 0.2], [2000, 0.25]])]]]))
    expect(data.rows).toEqual([{ t: 1000, heartbeat: 12 }, { t: 2000, heartbeat: 15 }])
    expect(latestValue(data, 'heartbeat')).toBe(15)
  })

  it('splits lines by a label', () => {
    const data = chartData(containers, new Map([['waiting', [series({ reason: 'CrashLoopBackOff' }, [[1000, 1]]), series({ reason: 'ImagePullBackOff' }, [[1000, 0]])]]]))
    expect(data.lines.map((l) => l.label)).toEqual(['Waiting: CrashLoopBackOff', 'Waiting: ImagePullBackOff'])
  })

  it('computes ratios point by point, with gaps where a point is missing', () => {
    const data = chartData(
      saturation,
      new Map([
        ['cpuUsed', [series({}, [[1000, 1], [2000, 2]])]],
        ['cpuLimit', [series({}, [[1000, 4]])]],
      ]),
    )
    expect(data.lines.map((l) => l.key)).toEqual(['cpu'])
    expect(data.rows).toEqual([{ t: 1000, cpu: 0.25 }, { t: 2000, cpu: null }])
  })

  it('has no lines without data', () => {
    expect(chartData(heartbeat, new Map()).lines).toEqual([])
  })
})

describe('formatValue', () => {
  it.each([
    [0.256, 'percent', '25.6%'],
    [1.5, 'cores', '1.5 cores'],
    [0.045, 'cores', '0.045 cores'],
    [1536, 'bytes', '1.5 KiB'],
    [3 * 1024 ** 3, 'bytes', '3 GiB'],
    [250_000, 'bytesPerSecond', '244 KiB/s'],
    [12, 'perMinute', '12/min'],
    [0.5, 'perMinute', '0.5/min'],
    [23, 'count', '23'],
    [2.345, 'count', '2.35'],
    [null, 'count', '—'],
  ] as const)('%s %s -> %s', (v, unit, text) => expect(formatValue(v, unit)).toBe(text))
})
