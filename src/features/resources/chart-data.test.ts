import { describe, expect, it } from 'vitest'
import { defaultSizing, type Sizing } from '@/lib/au'
import { PLATFORM } from '../../../mocks/houston/platform'
import { breakdown, impactRows, segmentsOf, seriesIn } from './chart-data'

const celery = defaultSizing(PLATFORM, 'CeleryExecutor')
const k8s = defaultSizing(PLATFORM, 'KubernetesExecutor')
const local = defaultSizing(PLATFORM, 'LocalExecutor')
const bigWorkers: Sizing = { ...celery, components: { ...celery.components, workers: { au: 20, replicas: 3, terminationGracePeriodSeconds: 600 } } }

describe('chart data', () => {
  it('splits a sizing into components and extra capacity', () => {
    expect(segmentsOf(PLATFORM, bigWorkers)).toEqual({ scheduler: 5, webserver: 5, workers: 60, statsd: 2, pgbouncer: 2, flower: 2, redis: 2 })
    expect(segmentsOf(PLATFORM, k8s)).toEqual({ scheduler: 5, webserver: 5, statsd: 2, pgbouncer: 2, extra: 10 })
  })

  it('draws the workspace now and after, with the other deployments first', () => {
    const rows = impactRows(PLATFORM, { usedBefore: 187, currentAu: 28 }, celery, bigWorkers)
    expect(rows.map((r) => [r.name, r.others, r.workers, r.total])).toEqual([
      ['Now', 159, 10, 187],
      ['After saving', 159, 60, 237],
    ])
    expect(impactRows(PLATFORM, { usedBefore: 28, currentAu: 28 }, celery, null)).toEqual([
      { name: 'Now', scheduler: 5, webserver: 5, workers: 10, statsd: 2, pgbouncer: 2, flower: 2, redis: 2, total: 28 },
    ])
  })

  it('orders deployments largest first and sums what it leaves out', () => {
    const result = breakdown(
      PLATFORM,
      [
        { id: 'a', label: 'Alpha', sizing: local },
        { id: 'b', label: 'Beta', sizing: bigWorkers },
        { id: 'c', label: 'Gamma', sizing: k8s },
        { id: 'd', label: 'Delta', sizing: local },
        { id: 'x', label: 'Broken', sizing: null },
      ],
      2,
    )
    expect(result.rows.map((r) => [r.name, r.total])).toEqual([
      ['Beta', 78],
      ['Gamma', 24],
    ])
    expect(result.rest).toEqual({ count: 2, au: 28 })
    expect(result.unreadable).toBe(1)
    expect(result.total).toBe(78 + 24 + 14 + 14)
    expect(seriesIn(result.rows)).toEqual(['scheduler', 'webserver', 'statsd', 'pgbouncer', 'workers', 'flower', 'redis', 'extra'])
  })
})
