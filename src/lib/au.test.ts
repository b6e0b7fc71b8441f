import { describe, expect, it } from 'vitest'
import { PLATFORM } from '../../mocks/houston/platform'
import {
  checkSizing,
  defaultSizing,
  deploymentResources,
  formatCpu,
  formatMemory,
  pgbouncerConnections,
  resourceQuota,
  resourcesToAu,
  type Sizing,
  sizingFromConfig,
  sizingToConfig,
  totalAu,
} from './au'

const withComponent = (s: Sizing, name: keyof Sizing['components'], patch: Partial<NonNullable<Sizing['components'][typeof name]>>): Sizing => ({
  ...s,
  components: { ...s.components, [name]: { ...s.components[name], ...patch } },
})

describe('defaults per executor', () => {
  it.each([
    // scheduler 5 + webserver 5 + statsd 2 + pgbouncer 2
    ['LocalExecutor', 14, { cpu: 1400, memory: 14 * 384, pods: 4 }],
    // + workers 10 + flower 2 + redis 2
    ['CeleryExecutor', 28, { cpu: 2800, memory: 28 * 384, pods: 7 }],
    // Local set + 10 extra AU
    ['KubernetesExecutor', 24, { cpu: 2400, memory: 24 * 384, pods: 4 + 10 }],
  ] as const)('%s totals %i AU', (executor, au, resources) => {
    const s = defaultSizing(PLATFORM, executor)
    expect(totalAu(PLATFORM, s)).toBe(au)
    expect(deploymentResources(PLATFORM, s)).toEqual(resources)
    expect(checkSizing(PLATFORM, s)).toEqual([])
  })
})

describe('ResourceQuota doubles components and adds extra capacity once', () => {
  it('for Kubernetes with extra capacity', () => {
    const s = defaultSizing(PLATFORM, 'KubernetesExecutor')
    expect(resourceQuota(PLATFORM, s)).toEqual({ cpu: 2 * 1400 + 1000, memory: 2 * 14 * 384 + 10 * 384, pods: 2 * 4 + 10 })
  })
  it('for Celery with 3 workers of 20 AU', () => {
    const s = withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { au: 20, replicas: 3 })
    // scheduler 5, webserver 5, statsd 2, pgbouncer 2, workers 60, flower 2, redis 2 = 78 AU over 9 pods
    expect(totalAu(PLATFORM, s)).toBe(78)
    expect(resourceQuota(PLATFORM, s)).toEqual({ cpu: 2 * 7800, memory: 2 * 78 * 384, pods: 18 })
  })
})

describe('checks at each limit', () => {
  const celery = defaultSizing(PLATFORM, 'CeleryExecutor')
  it.each([
    ['scheduler at its limit', withComponent(celery, 'scheduler', { au: 30 }), []],
    ['scheduler over its limit', withComponent(celery, 'scheduler', { au: 31 }), [['scheduler.au', 'ABOVE_LIMIT', 30]]],
    ['scheduler at zero', withComponent(celery, 'scheduler', { au: 0 }), [['scheduler.au', 'BELOW_MINIMUM', 1]]],
    ['half an AU', withComponent(celery, 'webserver', { au: 2.5 }), [['webserver.au', 'NOT_A_WHOLE_NUMBER', 3]]],
    ['10 workers', withComponent(celery, 'workers', { replicas: 10 }), []],
    ['11 workers', withComponent(celery, 'workers', { replicas: 11 }), [['workers.replicas', 'ABOVE_LIMIT', 10]]],
    ['grace period at its limit', withComponent(celery, 'workers', { terminationGracePeriodSeconds: 36000 }), []],
    ['grace period over', withComponent(celery, 'workers', { terminationGracePeriodSeconds: 36001 }), [['workers.terminationGracePeriodSeconds', 'ABOVE_LIMIT', 36000]]],
    ['pgbouncer changed', withComponent(celery, 'pgbouncer', { au: 3 }), [['pgbouncer.au', 'ABOVE_LIMIT', 2]]],
  ] as const)('%s', (_name, sizing, expected) => {
    expect(checkSizing(PLATFORM, sizing).map((p) => [p.field, p.code, p.nearest])).toEqual(expected)
  })

  it('refuses a pod above maxPodAu even where the component limit is higher', () => {
    const platform = { ...PLATFORM, components: PLATFORM.components.map((c) => (c.name === 'scheduler' ? { ...c, au: { ...c.au, limit: 50 } } : c)) }
    const s = withComponent(defaultSizing(platform, 'LocalExecutor'), 'scheduler', { au: 36 })
    expect(checkSizing(platform, s).map((p) => p.code)).toEqual(['ABOVE_MAX_POD_AU'])
  })

  it('explains why extra capacity cannot go below the Kubernetes default', () => {
    const s = { ...defaultSizing(PLATFORM, 'KubernetesExecutor'), extraAu: 5 }
    expect(checkSizing(PLATFORM, s)).toEqual([{ field: 'extraAu', code: 'BELOW_MINIMUM', message: 'Extra capacity cannot go below 10 AU.', nearest: 10 }])
  })

  it('caps extra capacity at maxExtraAu', () => {
    expect(checkSizing(PLATFORM, { ...defaultSizing(PLATFORM, 'KubernetesExecutor'), extraAu: 400 })).toEqual([])
    expect(checkSizing(PLATFORM, { ...defaultSizing(PLATFORM, 'KubernetesExecutor'), extraAu: 401 })[0]?.nearest).toBe(400)
  })

  it('offers no extra capacity to Local and Celery', () => {
    expect(checkSizing(PLATFORM, { ...celery, extraAu: 1 })[0]?.code).toBe('ABOVE_LIMIT')
  })
})

describe('the workspace quota', () => {
  const s = defaultSizing(PLATFORM, 'CeleryExecutor') // 28 AU
  it.each([
    [100, 72, true],
    [100, 73, false],
    [28, 0, true],
    [20, 0, false],
  ])('quota %i with %i used elsewhere: fits=%s', (quotaAu, usedByOthersAu, fits) => {
    const problems = checkSizing(PLATFORM, s, { quotaAu, usedByOthersAu })
    expect(problems.length === 0).toBe(fits)
  })
  it('says how much is left', () => {
    const [problem] = checkSizing(PLATFORM, s, { quotaAu: 100, usedByOthersAu: 90 })
    expect(problem?.message).toBe('This needs 28 AU but the workspace has 10 AU left of its 100 AU quota.')
    expect(problem?.nearest).toBe(10)
  })
})

describe('Houston config round trip', () => {
  it('writes millicpu and MiB and reads the same sizing back', () => {
    const s = withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { au: 20, replicas: 3, terminationGracePeriodSeconds: 900 })
    const { config, properties } = sizingToConfig(PLATFORM, s)
    expect(config.workers).toEqual({ resources: { limits: { cpu: 2000, memory: 7680 }, requests: { cpu: 2000, memory: 7680 } }, replicas: 3, terminationGracePeriodSeconds: 900 })
    expect(sizingFromConfig(PLATFORM, config, properties)).toEqual(s)
  })
  it('rounds odd stored resources up to the AU that covers them', () => {
    expect(resourcesToAu(450, 100, PLATFORM.astroUnit)).toBe(5)
    expect(resourcesToAu(100, 400, PLATFORM.astroUnit)).toBe(2)
  })
})

describe('pgbouncer and formatting', () => {
  it('sizes connections from the total AU', () => {
    expect(pgbouncerConnections(PLATFORM, defaultSizing(PLATFORM, 'LocalExecutor'))).toEqual({ clientConnections: 70, databaseConnections: 7 })
  })
  it.each([
    [500, '0.5 CPU'],
    [1000, '1 CPU'],
    [2800, '2.8 CPU'],
    [150, '0.15 CPU'],
  ])('formatCpu(%i) = %s', (m, s) => expect(formatCpu(m)).toBe(s))
  it.each([
    [384, '384 MiB'],
    [1920, '1.88 GiB'],
    [3072, '3 GiB'],
    [10752, '10.5 GiB'],
  ])('formatMemory(%i) = %s', (m, s) => expect(formatMemory(m)).toBe(s))
})
