import { describe, expect, it } from 'vitest'
import { PLATFORM } from '../../mocks/houston/platform'
import {
  checkSizing,
  componentAuRange,
  componentCpuRange,
  componentMemoryRange,
  componentResources,
  componentsOn,
  componentTotals,
  extraResources,
  replicasRangeOn,
  resourceImpact,
  runsOn,
  strategiesOf,
  withCustomResources,
  withExtraCapacity,
  withStrategy,
  workspaceResources,
  defaultSizing,
  deploymentQuota,
  deploymentResources,
  diffSizing,
  extraAuRange,
  matchingPreset,
  presetSizing,
  quotaImpact,
  sizingPatch,
  withExecutor,
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

describe('platform ranges', () => {
  it('holds component AU under maxPodAu and extra capacity under maxExtraAu', () => {
    expect(componentAuRange(PLATFORM, 'workers')).toEqual({ default: 10, minimum: 1, limit: 30 })
    const wide = { ...PLATFORM, maxPodAu: 20, maxExtraAu: 100 }
    expect(componentAuRange(wide, 'workers').limit).toBe(20)
    expect(extraAuRange(PLATFORM, 'KubernetesExecutor')).toEqual({ default: 10, minimum: 10, limit: 400 })
    expect(extraAuRange(wide, 'KubernetesExecutor').limit).toBe(100)
    expect(extraAuRange(PLATFORM, 'CeleryExecutor')).toEqual({ default: 0, minimum: 0, limit: 0 })
  })
})

describe('size presets', () => {
  it.each([
    // small is the platform default; medium doubles, large quadruples every tunable size, within the limits
    ['LocalExecutor', 'small', 14, { scheduler: 5, webserver: 5 }, 0],
    ['LocalExecutor', 'medium', 24, { scheduler: 10, webserver: 10 }, 0],
    ['LocalExecutor', 'large', 44, { scheduler: 20, webserver: 20 }, 0],
    // + workers 10 x 1, 20 x 2, 30 (limit, not 40) x 4, and flower + redis
    ['CeleryExecutor', 'small', 28, { scheduler: 5, webserver: 5, workers: 10 }, 0],
    ['CeleryExecutor', 'medium', 68, { scheduler: 10, webserver: 10, workers: 40 }, 0],
    ['CeleryExecutor', 'large', 168, { scheduler: 20, webserver: 20, workers: 120 }, 0],
    // the Local set + extra capacity 10, 20, 40
    ['KubernetesExecutor', 'small', 24, { scheduler: 5, webserver: 5 }, 10],
    ['KubernetesExecutor', 'medium', 44, { scheduler: 10, webserver: 10 }, 20],
    ['KubernetesExecutor', 'large', 84, { scheduler: 20, webserver: 20 }, 40],
  ] as const)('%s %s totals %i AU', (executor, preset, total, components, extraAu) => {
    const s = presetSizing(PLATFORM, executor, preset)
    expect(totalAu(PLATFORM, s)).toBe(total)
    const byName = Object.fromEntries(componentTotals(PLATFORM, s).map((c) => [c.name, c.totalAu]))
    expect(byName).toMatchObject(components)
    expect(s.extraAu).toBe(extraAu)
    expect(checkSizing(PLATFORM, s)).toEqual([])
    expect(matchingPreset(PLATFORM, s)).toBe(preset)
  })

  it('keeps the grace period of the sizing it replaces', () => {
    const base = withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { terminationGracePeriodSeconds: 1200 })
    expect(presetSizing(PLATFORM, 'CeleryExecutor', 'large', base).components.workers).toEqual({ au: 30, replicas: 4, terminationGracePeriodSeconds: 1200 })
    expect(matchingPreset(PLATFORM, base)).toBe('small')
  })

  it('never goes past maxPodAu', () => {
    const tight = { ...PLATFORM, maxPodAu: 15 }
    expect(presetSizing(tight, 'CeleryExecutor', 'large').components.workers?.au).toBe(15)
  })

  it('matches no preset for a custom size', () => {
    expect(matchingPreset(PLATFORM, withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { replicas: 3 }))).toBeNull()
  })
})

describe('changing executor', () => {
  const celery = withComponent(withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'scheduler', { au: 8 }), 'workers', { au: 20, replicas: 3 })
  it.each([
    // components both run keep their size; the rest start at the defaults
    ['CeleryExecutor', 'KubernetesExecutor', { scheduler: 8, webserver: 5 }, 10, 8 + 5 + 2 + 2 + 10],
    ['CeleryExecutor', 'LocalExecutor', { scheduler: 8, webserver: 5 }, 0, 8 + 5 + 2 + 2],
  ] as const)('%s to %s', (_from, to, sizes, extraAu, total) => {
    const next = withExecutor(PLATFORM, celery, to, celery)
    expect(next.executor).toBe(to)
    expect(next.components.workers).toBeUndefined()
    expect(next.components.scheduler?.au).toBe(sizes.scheduler)
    expect(next.extraAu).toBe(extraAu)
    expect(totalAu(PLATFORM, next)).toBe(total)
  })
  it('brings the stored sizes back when returning to the stored executor', () => {
    const there = withExecutor(PLATFORM, celery, 'KubernetesExecutor', celery)
    expect(withExecutor(PLATFORM, there, 'CeleryExecutor', celery)).toEqual(celery)
  })
  it('starts a new executor at its defaults without an original', () => {
    const local = defaultSizing(PLATFORM, 'LocalExecutor')
    expect(withExecutor(PLATFORM, local, 'CeleryExecutor')).toEqual(defaultSizing(PLATFORM, 'CeleryExecutor'))
    expect(withExecutor(PLATFORM, local, 'LocalExecutor')).toBe(local)
  })
})

describe('diff and patch', () => {
  const celery = withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { replicas: 3 }) // 48 AU, Customer ETL
  const raised = withComponent(celery, 'workers', { au: 20 })
  const cfg = (au: number) => ({ limits: { cpu: au * 100, memory: au * 384 }, requests: { cpu: au * 100, memory: au * 384 } })

  it.each([
    ['nothing', celery, [], {}],
    [
      'workers to 20 AU',
      raised,
      [{ field: 'workers.au', unit: 'AU', before: 10, after: 20 }],
      { config: { workers: { resources: cfg(20), replicas: 3, terminationGracePeriodSeconds: 600 } } },
    ],
    [
      'scheduler and grace period',
      withComponent(withComponent(celery, 'scheduler', { au: 6 }), 'workers', { terminationGracePeriodSeconds: 30 }),
      [
        { field: 'scheduler.au', unit: 'AU', before: 5, after: 6 },
        { field: 'workers.terminationGracePeriodSeconds', unit: 'seconds', before: 600, after: 30 },
      ],
      { config: { scheduler: { resources: cfg(6) }, workers: { resources: cfg(10), replicas: 3, terminationGracePeriodSeconds: 30 } } },
    ],
  ] as const)('%s', (_name, after, changes, patch) => {
    expect(diffSizing(PLATFORM, celery, after)).toEqual(changes)
    expect(sizingPatch(PLATFORM, celery, after)).toEqual(patch)
  })

  it('lists every value an executor change adds or removes, and sends the whole config and extra_au', () => {
    const k8s = withExecutor(PLATFORM, celery, 'KubernetesExecutor')
    expect(diffSizing(PLATFORM, celery, k8s)).toEqual([
      { field: 'executor', unit: null, before: 'CeleryExecutor', after: 'KubernetesExecutor' },
      { field: 'workers.au', unit: 'AU', before: 10, after: null },
      { field: 'workers.replicas', unit: 'replicas', before: 3, after: null },
      { field: 'workers.terminationGracePeriodSeconds', unit: 'seconds', before: 600, after: null },
      { field: 'flower.au', unit: 'AU', before: 2, after: null },
      { field: 'redis.au', unit: 'AU', before: 2, after: null },
      { field: 'extraAu', unit: 'AU', before: 0, after: 10 },
    ])
    const patch = sizingPatch(PLATFORM, celery, k8s)
    expect(patch.config).toEqual(sizingToConfig(PLATFORM, k8s).config)
    expect(patch.properties).toEqual({ extra_au: 10 })
    // Local and Celery both have no extra capacity: extra_au is still sent, or Houston would reset it
    expect(sizingPatch(PLATFORM, defaultSizing(PLATFORM, 'LocalExecutor'), defaultSizing(PLATFORM, 'CeleryExecutor')).properties).toEqual({ extra_au: 0 })
  })

  it('sends extra capacity alone when only it changed', () => {
    const k8s = defaultSizing(PLATFORM, 'KubernetesExecutor')
    expect(sizingPatch(PLATFORM, k8s, { ...k8s, extraAu: 25 })).toEqual({ properties: { extra_au: 25 } })
    expect(diffSizing(PLATFORM, k8s, { ...k8s, extraAu: 25 })).toEqual([{ field: 'extraAu', unit: 'AU', before: 10, after: 25 }])
  })
})

describe('the quota rule for resizing a deployment', () => {
  // Data Platform: 250 AU quota, 187 used, of which Customer ETL has 48: it may grow to 250 - 187 + 48 = 111 AU.
  const dataPlatform = { auQuota: 250, auUsed: 187 }
  it.each([
    [48, 78, { usedAfter: 217, leftBefore: 63, leftAfter: 33, availableAu: 111, fits: true }],
    [48, 111, { usedAfter: 250, leftAfter: 0, fits: true }],
    [48, 112, { usedAfter: 251, leftAfter: -1, fits: false }],
    [48, 20, { usedAfter: 159, leftAfter: 91, fits: true }],
  ])('from %i AU to %i AU', (currentAu, nextAu, expected) => {
    expect(quotaImpact(dataPlatform, currentAu, nextAu)).toMatchObject({ quotaAu: 250, usedBefore: 187, currentAu, nextAu, ...expected })
  })

  it('agrees with checkSizing at the boundary', () => {
    const etl = withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { replicas: 3 })
    const quota = deploymentQuota(dataPlatform, 48)
    expect(quota).toEqual({ quotaAu: 250, usedByOthersAu: 139, currentAu: 48 })
    // workers 30 x 3 = 90, + 18 for the rest = 108 AU: fits in 111; 30 x 4 = 138 AU does not
    expect(checkSizing(PLATFORM, withComponent(etl, 'workers', { au: 30 }), quota)).toEqual([])
    const [problem] = checkSizing(PLATFORM, withComponent(etl, 'workers', { au: 30, replicas: 4 }), quota)
    expect(problem).toEqual({ field: 'total', code: 'QUOTA_EXCEEDED', message: 'This needs 138 AU but the workspace has 111 AU left of its 250 AU quota.', nearest: 111 })
  })

  it('never refuses a change that does not grow the deployment, even over quota', () => {
    const over = { auQuota: 100, auUsed: 130 } // a quota lowered by hand below use
    const etl = withComponent(defaultSizing(PLATFORM, 'CeleryExecutor'), 'workers', { replicas: 3 })
    const smaller = withComponent(etl, 'workers', { replicas: 2 })
    expect(quotaImpact(over, 48, 38).fits).toBe(true)
    expect(checkSizing(PLATFORM, smaller, deploymentQuota(over, 48))).toEqual([])
    expect(checkSizing(PLATFORM, etl, deploymentQuota(over, 48))).toEqual([])
    expect(checkSizing(PLATFORM, withComponent(etl, 'workers', { replicas: 4 }), deploymentQuota(over, 48))[0]?.code).toBe('QUOTA_EXCEEDED')
  })
})

// Custom resources, the scheduler count and the triggerer (newer platforms).
describe('custom resources', () => {
  const celery = defaultSizing(PLATFORM, 'CeleryExecutor')
  const custom = withStrategy(PLATFORM, celery, 'custom')

  it('switching strategy keeps the sizes: AU become exactly their CPU and memory', () => {
    expect(custom.strategy).toBe('custom')
    expect(custom.components.workers).toEqual({ au: 10, replicas: 1, terminationGracePeriodSeconds: 600, cpu: 1000, memory: 3840 })
    expect(deploymentResources(PLATFORM, custom)).toEqual(deploymentResources(PLATFORM, celery))
    expect(totalAu(PLATFORM, custom)).toBe(28)
    expect(withStrategy(PLATFORM, custom, 'au')).toEqual(celery)
  })

  it.each([
    // [cpu, memory] of the scheduler -> AU that cover it when switching back
    [1500, 3072, 15],
    [450, 1000, 5],
    [100, 384, 1],
    [100, 385, 2],
  ])('a %i millicore, %i MiB scheduler counts as %i AU back under AU', (cpu, memory, au) => {
    const s = withCustomResources(PLATFORM, custom, 'scheduler', { cpu, memory })
    expect(s.components.scheduler).toMatchObject({ cpu, memory, au })
    expect(withStrategy(PLATFORM, s, 'au').components.scheduler).toEqual({ au, replicas: 1 })
  })

  it('totals CPU and memory exactly and counts the AU that cover the whole', () => {
    // scheduler 2 x (1.5 CPU, 3 GiB), triggerer 0.5 CPU + 1920 MiB, the rest of Celery at its defaults
    let s = withCustomResources(PLATFORM, custom, 'scheduler', { cpu: 1500, memory: 3072 })
    s = { ...s, components: { ...s.components, scheduler: { au: 15, cpu: 1500, memory: 3072, replicas: 2 }, triggerer: { au: 5, replicas: 1, cpu: 500, memory: 1920 } } }
    // 2800 - 500 + 3000 + 500 = 5800 millicpu; 28 x 384 - 1920 + 6144 + 1920 = 16896 MiB; 7 + 1 + 1 pods
    expect(componentResources(PLATFORM, s)).toEqual({ cpu: 5800, memory: 16896, pods: 9 })
    expect(totalAu(PLATFORM, s)).toBe(58)
    expect(resourceQuota(PLATFORM, s)).toEqual({ cpu: 11600, memory: 33792, pods: 18 })
    expect(componentTotals(PLATFORM, s).find((c) => c.name === 'scheduler')).toMatchObject({ cpu: 1500, memory: 3072, totalCpu: 3000, totalMemory: 6144, totalAu: 30 })
    expect(pgbouncerConnections(PLATFORM, s)).toEqual({ clientConnections: 290, databaseConnections: 29 })
  })

  it('sizes extra capacity in CPU and memory, its pods by the AU that cover it', () => {
    const k8s = withStrategy(PLATFORM, defaultSizing(PLATFORM, 'KubernetesExecutor'), 'custom')
    expect(k8s.extraCapacity).toEqual({ cpu: 1000, memory: 3840 })
    const more = withExtraCapacity(PLATFORM, k8s, { cpu: 2500 })
    expect(extraResources(PLATFORM, more)).toEqual({ cpu: 2500, memory: 3840, pods: 25 })
    expect(more.extraAu).toBe(25)
    expect(checkSizing(PLATFORM, withExtraCapacity(PLATFORM, k8s, { memory: 100 })).map((p) => [p.field, p.code, p.nearest])).toEqual([['extraCapacity.memory', 'BELOW_MINIMUM', 3840]])
  })

  it.each([
    ['at the largest pod', { cpu: 3000, memory: 11520 }, []],
    ['below the minimum CPU', { cpu: 99 }, [['scheduler.cpu', 'BELOW_MINIMUM', 100]]],
    ['above the component limit', { memory: 11521 }, [['scheduler.memory', 'ABOVE_LIMIT', 11520]]],
    ['half a millicore', { cpu: 150.5 }, [['scheduler.cpu', 'NOT_A_WHOLE_NUMBER', 151]]],
  ] as const)('checks each value: %s', (_name, change, expected) => {
    const s = withCustomResources(PLATFORM, custom, 'scheduler', change)
    expect(checkSizing(PLATFORM, s).map((p) => [p.field, p.code, p.nearest])).toEqual(expected)
  })

  it('refuses a pod above the largest pod where the component limit is higher', () => {
    const platform = { ...PLATFORM, maxPodCpu: 2000 }
    const s = withCustomResources(platform, withStrategy(platform, defaultSizing(platform, 'LocalExecutor'), 'custom'), 'scheduler', { cpu: 2500 })
    expect(checkSizing(platform, s).map((p) => [p.field, p.code, p.nearest])).toEqual([['scheduler.cpu', 'ABOVE_MAX_POD', 2000]])
    expect(componentCpuRange(platform, 'scheduler')).toEqual({ default: 500, minimum: 100, limit: 2000 })
    expect(componentMemoryRange(PLATFORM, 'webserver')).toEqual({ default: 1920, minimum: 384, limit: 11520 })
  })

  it('round-trips through Houston config: CPU and memory as set, the strategy and extra capacity in properties', () => {
    const s = withCustomResources(PLATFORM, custom, 'webserver', { cpu: 750, memory: 2048 })
    const { config, properties } = sizingToConfig(PLATFORM, s)
    expect(config.webserver).toEqual({ resources: { limits: { cpu: 750, memory: 2048 }, requests: { cpu: 750, memory: 2048 } } })
    expect(properties).toEqual({ extra_au: 0, resource_strategy: 'custom', extra_capacity: { cpu: 0, memory: 0 } })
    expect(sizingFromConfig(PLATFORM, config, properties)).toEqual(s)
  })

  it('diffs CPU and memory with units, and the strategy', () => {
    const s = withCustomResources(PLATFORM, custom, 'scheduler', { cpu: 1500, memory: 3072 })
    expect(diffSizing(PLATFORM, celery, s)).toEqual([
      { field: 'strategy', unit: null, before: 'au', after: 'custom' },
      { field: 'scheduler.cpu', unit: 'millicores', before: 500, after: 1500 },
      { field: 'scheduler.memory', unit: 'MiB', before: 1920, after: 3072 },
    ])
    // A strategy change sends the whole config and the sizing properties.
    const patch = sizingPatch(PLATFORM, celery, s)
    expect(patch.config).toEqual(sizingToConfig(PLATFORM, s).config)
    expect(patch.properties).toEqual({ extra_au: 0, resource_strategy: 'custom', extra_capacity: { cpu: 0, memory: 0 } })
    expect(sizingPatch(PLATFORM, s, withStrategy(PLATFORM, s, 'au')).properties).toEqual({ extra_au: 0, resource_strategy: 'au' })
    // Within custom resources only what changed.
    const bigger = withCustomResources(PLATFORM, s, 'scheduler', { memory: 4096 })
    expect(sizingPatch(PLATFORM, s, bigger)).toEqual({ config: { scheduler: { resources: { limits: { cpu: 1500, memory: 4096 }, requests: { cpu: 1500, memory: 4096 } } } } })
  })

  it('keeps the strategy across an executor change and through presets', () => {
    const k8s = withExecutor(PLATFORM, custom, 'KubernetesExecutor')
    expect(k8s.strategy).toBe('custom')
    expect(k8s.extraCapacity).toEqual({ cpu: 1000, memory: 3840 })
    const large = presetSizing(PLATFORM, 'CeleryExecutor', 'large', custom)
    expect(large.strategy).toBe('custom')
    expect(large.components.scheduler).toMatchObject({ cpu: 2000, memory: 7680 })
    expect(matchingPreset(PLATFORM, large)).toBe('large')
    expect(matchingPreset(PLATFORM, custom)).toBe('small')
  })

  it('reads a stored AU deployment as custom resources where the platform has no AU', () => {
    const noAu = { ...PLATFORM, auEnabled: false }
    const { config, properties } = sizingToConfig(PLATFORM, celery)
    const read = sizingFromConfig(noAu, config, properties)
    expect(read.strategy).toBe('custom')
    expect(deploymentResources(noAu, read)).toEqual(deploymentResources(PLATFORM, celery))
    expect(strategiesOf(noAu)).toEqual(['custom'])
    expect(strategiesOf(PLATFORM)).toEqual(['au', 'custom'])
  })
})

describe('the workspace quota in CPU and memory', () => {
  // Marketing Analytics: 100 AU quota (10 CPU, 37.5 GiB), 88 AU used.
  const marketing = { auQuota: 100, auUsed: 88, cpuQuota: 10000, memoryQuota: 38400, cpuUsed: 8800, memoryUsed: 33792 }
  const noAu = { ...PLATFORM, auEnabled: false }
  const local = withStrategy(noAu, defaultSizing(noAu, 'LocalExecutor'), 'custom') // 1.4 CPU, 5376 MiB

  it.each([
    ['memory over', withCustomResources(noAu, local, 'scheduler', { memory: 1920 + 4608 - 5376 + 1 }), false],
    ['memory at the limit', withCustomResources(noAu, local, 'scheduler', { cpu: 300, memory: 1920 + 4608 - 5376 }), true],
    ['CPU over', withCustomResources(noAu, local, 'scheduler', { cpu: 1, memory: 384 }), true],
  ] as const)('a new deployment with %s', (_name, sizing, fits) => {
    const quota = { quotaAu: 100, usedByOthersAu: 88, resources: { cpuQuota: 10000, memoryQuota: 38400, cpuUsedByOthers: 8800, memoryUsedByOthers: 33792 } }
    const problems = checkSizing(noAu, sizing, quota)
    expect(problems.filter((p) => p.code === 'QUOTA_EXCEEDED').length === 0).toBe(fits)
  })

  it('says how much CPU and memory is left', () => {
    const quota = deploymentQuota(marketing, 0, { cpu: 0, memory: 0 })
    const [problem] = checkSizing(noAu, local, quota).filter((p) => p.code === 'QUOTA_EXCEEDED')
    expect(problem?.message).toBe('This needs 1.4 CPU and 5.25 GiB but the workspace has 1.2 CPU and 4.5 GiB left of its 10 CPU and 37.5 GiB quota.')
  })

  it('works out the impact of a resize, never refusing one that grows neither', () => {
    const impact = resourceImpact(noAu, marketing, { cpu: 2800, memory: 10752 }, { cpu: 3000, memory: 10000 })
    expect(impact).toMatchObject({ cpuUsedAfter: 9000, memoryUsedAfter: 33040, cpuLeftAfter: 1000, cpuAvailable: 4000, memoryAvailable: 15360, fits: true })
    expect(resourceImpact(noAu, marketing, { cpu: 2800, memory: 10752 }, { cpu: 4001, memory: 10752 }).fits).toBe(false)
    const over = { ...marketing, cpuUsed: 12000 }
    expect(resourceImpact(noAu, over, { cpu: 2800, memory: 10752 }, { cpu: 2000, memory: 10752 }).fits).toBe(true)
    // Derived from the AU quota when the server reports no CPU and memory.
    expect(workspaceResources(noAu, { auQuota: 100, auUsed: 88 })).toEqual({ cpuQuota: 10000, memoryQuota: 38400, cpuUsed: 8800, memoryUsed: 33792 })
  })

  it('counts in AU wherever the platform offers AU, custom deployments at the AU that cover them', () => {
    const s = withCustomResources(PLATFORM, withStrategy(PLATFORM, defaultSizing(PLATFORM, 'LocalExecutor'), 'custom'), 'scheduler', { cpu: 501 })
    // 1401 millicpu needs 15 AU (not 14.01)
    expect(totalAu(PLATFORM, s)).toBe(15)
    expect(checkSizing(PLATFORM, s, { quotaAu: 100, usedByOthersAu: 86 })[0]?.message).toBe('This needs 15 AU but the workspace has 14 AU left of its 100 AU quota.')
  })
})

describe('scheduler count and triggerer by Airflow version', () => {
  const celery = defaultSizing(PLATFORM, 'CeleryExecutor', '2.10.5')
  const withReplicas = (s: Sizing, name: 'scheduler' | 'triggerer', replicas: number): Sizing => ({ ...s, components: { ...s.components, [name]: { au: 5, ...s.components[name], replicas } } })

  it('starts a new deployment with one scheduler and one triggerer, counted in every total', () => {
    expect(celery.components.scheduler).toEqual({ au: 5, replicas: 1 })
    expect(celery.components.triggerer).toEqual({ au: 5, replicas: 1 })
    expect(totalAu(PLATFORM, celery)).toBe(33)
    expect(deploymentResources(PLATFORM, celery)).toEqual({ cpu: 3300, memory: 33 * 384, pods: 8 })
    // A config written before the triggerer existed runs none.
    expect(totalAu(PLATFORM, defaultSizing(PLATFORM, 'CeleryExecutor'))).toBe(28)
  })

  it.each([
    ['2.10.5', 'scheduler', 4, []],
    ['2.10.5', 'scheduler', 5, [['scheduler.replicas', 'ABOVE_LIMIT', 4]]],
    ['2.10.5', 'triggerer', 0, []],
    ['2.10.5', 'triggerer', 2, []],
    ['2.10.5', 'triggerer', 3, [['triggerer.replicas', 'ABOVE_LIMIT', 2]]],
    ['1.10.15', 'scheduler', 1, []],
    ['1.10.15', 'scheduler', 2, [['scheduler.replicas', 'NOT_ON_THIS_VERSION', 1]]],
    ['2.0.0', 'scheduler', 2, []],
    ['2.1.4', 'triggerer', 1, [['triggerer.replicas', 'NOT_ON_THIS_VERSION', 0]]],
    ['2.1.4', 'triggerer', 0, []],
    ['2.2.0', 'triggerer', 1, []],
  ] as const)('on Airflow %s, %s replicas %i', (version, component, replicas, expected) => {
    // A deployment on a version without a triggerer has none in its sizing.
    const base = component === 'scheduler' ? defaultSizing(PLATFORM, 'CeleryExecutor', version) : celery
    const s = withReplicas(base, component, replicas)
    expect(checkSizing(PLATFORM, s, undefined, { airflowVersion: version }).map((p) => [p.field, p.code, p.nearest])).toEqual(expected)
  })

  it('says which versions run what', () => {
    expect(runsOn(PLATFORM, 'triggerer', '2.2.5')).toBe(true)
    expect(runsOn(PLATFORM, 'triggerer', '2.1.0')).toBe(false)
    expect(runsOn(PLATFORM, 'scheduler', '1.10.15')).toBe(true)
    expect(replicasRangeOn(PLATFORM, 'scheduler', '1.10.15')).toEqual({ default: 1, minimum: 1, limit: 1 })
    expect(replicasRangeOn(PLATFORM, 'scheduler', '2.9.3')).toEqual({ default: 1, minimum: 1, limit: 4 })
    expect(componentsOn(PLATFORM, 'LocalExecutor', '1.10.15').map((c) => c.name)).toEqual(['scheduler', 'webserver', 'statsd', 'pgbouncer'])
    expect(componentsOn(PLATFORM, 'LocalExecutor', '2.10.5').map((c) => c.name)).toEqual(['scheduler', 'triggerer', 'webserver', 'statsd', 'pgbouncer'])
  })

  it('writes one scheduler as Houston does (no replicas), several with their count', () => {
    expect(sizingToConfig(PLATFORM, celery).config.scheduler).toEqual({ resources: { limits: { cpu: 500, memory: 1920 }, requests: { cpu: 500, memory: 1920 } } })
    expect(sizingToConfig(PLATFORM, withReplicas(celery, 'scheduler', 3)).config.scheduler?.replicas).toBe(3)
    expect(sizingToConfig(PLATFORM, withReplicas(celery, 'triggerer', 0)).config.triggerer?.replicas).toBe(0)
  })

  it('keeps the scheduler count and the triggerer through presets', () => {
    const ha = withReplicas(withReplicas(celery, 'scheduler', 2), 'triggerer', 2)
    const large = presetSizing(PLATFORM, 'CeleryExecutor', 'large', ha)
    expect(large.components.scheduler).toEqual({ au: 20, replicas: 2 })
    expect(large.components.triggerer).toEqual({ au: 20, replicas: 2 })
    expect(matchingPreset(PLATFORM, large)).toBe('large')
  })

  it('lists a triggerer that comes or goes in the diff', () => {
    const without = defaultSizing(PLATFORM, 'CeleryExecutor')
    expect(diffSizing(PLATFORM, without, celery)).toEqual([
      { field: 'triggerer.au', unit: 'AU', before: null, after: 5 },
      { field: 'triggerer.replicas', unit: 'replicas', before: null, after: 1 },
    ])
  })
})
