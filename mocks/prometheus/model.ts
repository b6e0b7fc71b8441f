// The time series a platform's Prometheus holds for one Airflow deployment
// (release): StatsD metrics from Airflow, pgbouncer-exporter, kube-state-metrics
// and cAdvisor. Each series is a pure function of (release, labels, scrape
// time): daily and short waves plus hashed noise, so any range can be
// evaluated without storing anything. Counters are closed-form integrals of a
// positive rate, hence monotonic, and rate() over them gives the rate back.
//
// Every series carries `release` and `deployment` (both the release name, as
// Astronomer's relabelling does) and `namespace` (`astronomer-<release>`).
import { componentResources, defaultSizing, resourceQuota, totalAu, type Sizing } from '../../src/lib/au'
import type { Executor } from '../../src/lib/houston-json'
import { PLATFORM } from '../houston/platform'
import { hashString, unit } from '../shared/seeded-random'

export type MetricKind = 'counter' | 'gauge'

export interface MetricInfo {
  name: string
  kind: MetricKind
  help: string
}

export const METRICS = [
  { name: 'airflow_scheduler_heartbeat', kind: 'counter', help: 'Scheduler heartbeats (StatsD scheduler_heartbeat).' },
  { name: 'airflow_executor_running_tasks', kind: 'gauge', help: 'Tasks the executor is running.' },
  { name: 'airflow_executor_queued_tasks', kind: 'gauge', help: 'Tasks queued in the executor.' },
  { name: 'airflow_executor_open_slots', kind: 'gauge', help: 'Open executor slots.' },
  { name: 'airflow_ti_successes', kind: 'counter', help: 'Task instances that succeeded.' },
  { name: 'airflow_ti_failures', kind: 'counter', help: 'Task instances that failed.' },
  { name: 'airflow_dagbag_size', kind: 'gauge', help: 'DAGs found in the DAG bag.' },
  { name: 'airflow_zombies_killed', kind: 'counter', help: 'Zombie tasks killed by the scheduler.' },
  { name: 'pgbouncer_pools_client_active_connections', kind: 'gauge', help: 'Client connections linked to a server connection, per pool.' },
  { name: 'pgbouncer_pools_client_waiting_connections', kind: 'gauge', help: 'Client connections waiting for a server connection, per pool.' },
  { name: 'pgbouncer_config_max_client_connections', kind: 'gauge', help: 'pgbouncer max_client_conn.' },
  { name: 'kube_resourcequota', kind: 'gauge', help: 'ResourceQuota of the namespace: hard limit and usage per resource.' },
  { name: 'kube_deployment_spec_replicas', kind: 'gauge', help: 'Pods expected per component (label component).' },
  { name: 'kube_pod_container_status_running', kind: 'gauge', help: '1 while the container is running.' },
  { name: 'kube_pod_container_status_waiting_reason', kind: 'gauge', help: '1 while the container waits, per reason.' },
  { name: 'kube_pod_container_status_terminated_reason', kind: 'gauge', help: '1 while the container is terminated, per reason.' },
  { name: 'kube_pod_container_resource_limits', kind: 'gauge', help: 'Container limits: resource=cpu (unit core) or memory (unit byte).' },
  { name: 'container_cpu_usage_seconds_total', kind: 'counter', help: 'CPU time consumed by the container, in seconds.' },
  { name: 'container_memory_working_set_bytes', kind: 'gauge', help: 'Working set memory of the container, in bytes.' },
  { name: 'container_spec_memory_limit_bytes', kind: 'gauge', help: 'Memory limit of the container, in bytes.' },
  { name: 'container_network_receive_bytes_total', kind: 'counter', help: 'Bytes received by the pod.' },
  { name: 'container_network_transmit_bytes_total', kind: 'counter', help: 'Bytes sent by the pod.' },
] as const satisfies readonly MetricInfo[]

export type MetricName = (typeof METRICS)[number]['name']
export const METRIC_NAMES: readonly MetricName[] = METRICS.map((m) => m.name)

/** How often the fake Prometheus "scrapes", in seconds. */
export const SCRAPE_INTERVAL_S = 15
/** Counters start at this instant (2024-01-01), as if every pod had been up since. */
const ORIGIN_S = Date.UTC(2024, 0, 1) / 1000
const DAY_S = 86_400
const TAU = Math.PI * 2

export type Labels = Readonly<Record<string, string>>

export interface Series {
  metric: MetricName
  kind: MetricKind
  /** All labels, `__name__` included. */
  labels: Labels
  /** Seconds between the epoch's scrape grid and this series' scrapes. */
  offset: number
  /** The value scraped at `t` (unix seconds, on the scrape grid). */
  at(t: number): number
}

/** What a release runs: its sizing (as Houston stores it) and whether it is in trouble. */
export interface ReleaseProfile {
  sizing: Sizing
  /** UNHEALTHY releases crash-loop often; DEPLOYING ones have pods being created. */
  status?: 'HEALTHY' | 'DEPLOYING' | 'UNHEALTHY' | 'UNKNOWN'
}

export type ProfileLookup = (release: string) => ReleaseProfile | null | undefined

const EXECUTOR_BY_SEED: readonly [Executor, ...Executor[]] = ['CeleryExecutor', 'KubernetesExecutor', 'LocalExecutor', 'CeleryExecutor']

/** A plausible profile when the caller does not know the release: executor and worker count from its seed. */
export function seededProfile(release: string): ReleaseProfile {
  const seed = hashString(release)
  const executor = EXECUTOR_BY_SEED[seed % EXECUTOR_BY_SEED.length] ?? 'CeleryExecutor'
  const sizing = defaultSizing(PLATFORM, executor)
  const workers = sizing.components.workers
  if (workers) workers.replicas = 1 + ((seed >>> 4) % 3)
  return { sizing, status: unit(seed, 99) < 0.1 ? 'UNHEALTHY' : 'HEALTHY' }
}

/** A smooth wave in [-1, 1]: a daily cycle (busier by day) and a shorter one. */
function wave(seed: number, t: number): number {
  const p1 = unit(seed, 1) * TAU
  const p2 = unit(seed, 2) * TAU
  const short = 1200 + Math.floor(unit(seed, 3) * 2400)
  return 0.6 * Math.sin((TAU * t) / DAY_S + p1) + 0.4 * Math.sin((TAU * t) / short + p2)
}

/** Noise in [-1, 1] that changes at every scrape. */
function noise(seed: number, t: number): number {
  return unit(seed, Math.floor(t / SCRAPE_INTERVAL_S)) * 2 - 1
}

/**
 * A counter whose rate is `base * (1 + 0.5 sin(day) + 0.3 sin(short))`, never
 * below 0.2 * base: the closed-form integral since ORIGIN_S. `whole` floors it
 * (events are counted one by one).
 */
function counter(seed: number, base: number, whole = false): (t: number) => number {
  const p1 = unit(seed, 11) * TAU
  const p2 = unit(seed, 12) * TAU
  const w1 = TAU / DAY_S
  const w2 = TAU / (900 + Math.floor(unit(seed, 13) * 2700))
  const integral = (t: number) => base * (t - 0.5 * (Math.cos(w1 * t + p1) / w1) - 0.3 * (Math.cos(w2 * t + p2) / w2))
  const start = integral(ORIGIN_S)
  return (t) => {
    if (t <= ORIGIN_S) return 0
    const v = integral(t) - start
    return whole ? Math.floor(v) : v
  }
}

function gauge(seed: number, f: (w: number, n: number, t: number) => number): (t: number) => number {
  return (t) => f(wave(seed, t), noise(seed, t), t)
}

const CONTAINER: Record<string, string> = { workers: 'worker' }
/** Share of its CPU limit each component typically uses. */
const CPU_SHARE: Record<string, number> = { scheduler: 0.45, webserver: 0.2, workers: 0.5, statsd: 0.04, pgbouncer: 0.06, flower: 0.05, redis: 0.04, triggerer: 0.15 }
/** Share of its memory limit each component's working set holds. */
const MEMORY_SHARE: Record<string, number> = { scheduler: 0.55, webserver: 0.7, workers: 0.5, statsd: 0.1, pgbouncer: 0.08, flower: 0.3, redis: 0.2, triggerer: 0.4 }
/** Bytes per second each component receives over the network. */
const NETWORK: Record<string, number> = { scheduler: 40_000, webserver: 60_000, workers: 120_000, statsd: 8_000, pgbouncer: 250_000, flower: 10_000, redis: 90_000, triggerer: 15_000 }

const STATEFUL = new Set(['workers', 'redis'])
const WAITING_REASONS = ['ContainerCreating', 'CrashLoopBackOff', 'ImagePullBackOff'] as const
const TERMINATED_REASONS = ['OOMKilled', 'Error', 'Completed'] as const

interface PodState {
  running: number
  waiting: string | null
  terminated: string | null
}

const EPISODE_S = 20 * 60

/** Pods now and then fail: for a few minutes of a 20-minute window they are terminated, then back off, then run again. */
function podState(seed: number, t: number, troubled: boolean, deploying: boolean): PodState {
  const episode = Math.floor(t / EPISODE_S)
  const into = t - episode * EPISODE_S
  const chance = troubled ? 0.45 : deploying ? 0.3 : 0.03
  if (unit(seed, episode) >= chance) return { running: 1, waiting: null, terminated: null }
  const length = 60 + Math.floor(unit(seed, episode + 0x10000000) * 420)
  if (into >= length) return { running: 1, waiting: null, terminated: null }
  if (deploying && !troubled) return { running: 0, waiting: 'ContainerCreating', terminated: null }
  const pullProblem = unit(seed, episode + 0x20000000) < 0.15
  if (pullProblem) return { running: 0, waiting: 'ImagePullBackOff', terminated: null }
  if (into < length / 3) return { running: 0, waiting: null, terminated: unit(seed, episode + 0x30000000) < 0.6 ? 'OOMKilled' : 'Error' }
  return { running: 0, waiting: 'CrashLoopBackOff', terminated: null }
}

function podSuffix(seed: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  let s = ''
  let h = seed
  for (let i = 0; i < 5; i++) {
    s += alphabet[h % alphabet.length] ?? 'x'
    h = Math.floor(h / alphabet.length) + 7
  }
  return s
}

const cache = new Map<string, readonly Series[]>()

/** Every series of one release, built once per (release, profile). */
export function releaseSeries(release: string, profile: ReleaseProfile = seededProfile(release)): readonly Series[] {
  const key = `${release}\u0000${JSON.stringify(profile)}`
  const hit = cache.get(key)
  if (hit) return hit
  const built = build(release, profile)
  if (cache.size > 500) cache.clear()
  cache.set(key, built)
  return built
}

function build(release: string, profile: ReleaseProfile): Series[] {
  const rs = hashString(release)
  const base = { release, deployment: release, namespace: `astronomer-${release}` }
  const offset = rs % SCRAPE_INTERVAL_S
  const out: Series[] = []
  const add = (metric: MetricName, labels: Record<string, string>, at: (t: number) => number) => {
    const kind = METRICS.find((m) => m.name === metric)?.kind ?? 'gauge'
    out.push({ metric, kind, labels: { __name__: metric, ...base, ...labels }, offset, at })
  }
  const s = (name: string) => hashString(name, rs)

  const { sizing } = profile
  const u = PLATFORM.astroUnit
  const troubled = profile.status === 'UNHEALTHY'
  const deploying = profile.status === 'DEPLOYING'
  const schedulers = sizing.components.scheduler?.replicas ?? 1
  const slots = sizing.executor === 'CeleryExecutor' ? 16 * (sizing.components.workers?.replicas ?? 1) : sizing.executor === 'KubernetesExecutor' ? Math.max(4, sizing.extraAu) : 8
  const load = 0.4 + unit(rs, 5) * 0.4

  // Airflow (StatsD).
  add('airflow_scheduler_heartbeat', {}, counter(s('heartbeat'), 0.2 * schedulers * (troubled ? 0.6 : 1), true))
  const running = gauge(s('running'), (w, n) => Math.max(0, Math.min(slots, Math.round(slots * load * (0.55 + 0.35 * w + 0.15 * n)))))
  add('airflow_executor_running_tasks', {}, running)
  add('airflow_executor_queued_tasks', {}, gauge(s('queued'), (w, n) => Math.max(0, Math.round(slots * 0.3 * (w + n * 0.8)))))
  add('airflow_executor_open_slots', {}, (t) => slots - running(t))
  add('airflow_ti_successes', {}, counter(s('successes'), 0.05 + slots * load * 0.02, true))
  add('airflow_ti_failures', {}, counter(s('failures'), (troubled ? 0.01 : 0.0015) + unit(rs, 6) * 0.002, true))
  const dags = 5 + (rs % 36)
  add('airflow_dagbag_size', {}, (t) => dags + Math.floor(unit(s('dagbag'), Math.floor(t / DAY_S)) * 4))
  add('airflow_zombies_killed', {}, counter(s('zombies'), troubled ? 0.002 : 0.0002, true))

  // pgbouncer, one pool per database.
  const maxClients = Math.floor(totalAu(PLATFORM, sizing) * u.airflowConns)
  add('pgbouncer_config_max_client_connections', {}, () => maxClients)
  for (const db of ['metadata', 'result-backend'] as const) {
    if (db === 'result-backend' && sizing.executor !== 'CeleryExecutor') continue
    const pool = { database: `${release}-${db}`, user: `${release.replace(/-/g, '_')}_airflow` }
    const share = db === 'metadata' ? 0.35 : 0.1
    add('pgbouncer_pools_client_active_connections', pool, gauge(s(`pg-active-${db}`), (w, n) => Math.max(1, Math.round(maxClients * share * (1 + 0.4 * w + 0.1 * n)))))
    add('pgbouncer_pools_client_waiting_connections', pool, gauge(s(`pg-waiting-${db}`), (w, n) => (n > (troubled ? 0.5 : 0.85) ? Math.round((n - 0.5) * 10 * (1 + w)) : 0)))
  }

  // Pods: one per replica of each component.
  const pods: { name: string; component: string; container: string; cpu: number; memoryMiB: number; seed: number }[] = []
  for (const [component, size] of Object.entries(sizing.components)) {
    if (!size) continue
    const template = podSuffix(s(`rs-${component}`)).slice(0, 5) + (s(`rs2-${component}`) % 100_000).toString(16)
    for (let i = 0; i < size.replicas; i++) {
      const short = component === 'workers' ? 'worker' : component
      const name = STATEFUL.has(component) ? `${release}-${short}-${i}` : `${release}-${short}-${template}-${podSuffix(s(`pod-${component}-${i}`))}`
      pods.push({ name, component, container: CONTAINER[component] ?? component, cpu: size.au * u.cpu, memoryMiB: size.au * u.memory, seed: s(`pod-${component}-${i}`) })
    }
    add('kube_deployment_spec_replicas', { component }, () => size.replicas)
  }

  for (const pod of pods) {
    const labels = { pod: pod.name, container: pod.container, component: pod.component }
    const state = (t: number) => podState(pod.seed, t, troubled && (pod.component === 'scheduler' || pod.component === 'workers'), deploying)
    add('kube_pod_container_status_running', labels, (t) => state(t).running)
    for (const reason of WAITING_REASONS) add('kube_pod_container_status_waiting_reason', { ...labels, reason }, (t) => (state(t).waiting === reason ? 1 : 0))
    for (const reason of TERMINATED_REASONS) add('kube_pod_container_status_terminated_reason', { ...labels, reason }, (t) => (state(t).terminated === reason ? 1 : 0))
    add('kube_pod_container_resource_limits', { ...labels, resource: 'cpu', unit: 'core' }, () => pod.cpu / 1000)
    add('kube_pod_container_resource_limits', { ...labels, resource: 'memory', unit: 'byte' }, () => pod.memoryMiB * 1024 * 1024)
    const cpuShare = CPU_SHARE[pod.component] ?? 0.1
    add('container_cpu_usage_seconds_total', labels, counter(pod.seed ^ 0x1234, (pod.cpu / 1000) * cpuShare))
    const memShare = MEMORY_SHARE[pod.component] ?? 0.3
    const limitBytes = pod.memoryMiB * 1024 * 1024
    add('container_memory_working_set_bytes', labels, gauge(pod.seed ^ 0x5678, (w, n) => Math.round(limitBytes * Math.min(0.98, memShare * (1 + 0.25 * w + 0.05 * n)))))
    add('container_spec_memory_limit_bytes', labels, () => limitBytes)
    const net = NETWORK[pod.component] ?? 10_000
    const podLabels = { pod: pod.name, component: pod.component, interface: 'eth0' }
    add('container_network_receive_bytes_total', podLabels, counter(pod.seed ^ 0x9abc, net, true))
    add('container_network_transmit_bytes_total', podLabels, counter(pod.seed ^ 0xdef0, net * 0.6, true))
  }

  // The namespace's ResourceQuota: hard from the sizing, used from what runs (task pods come and go on Kubernetes).
  const hard = resourceQuota(PLATFORM, sizing)
  const used = componentResources(PLATFORM, sizing)
  const quota = `${release}-resource-quota`
  const taskShare = (t: number) => (sizing.extraAu > 0 ? Math.max(0, Math.round(sizing.extraAu * load * (0.5 + 0.5 * wave(s('tasks'), t)))) : 0)
  const quotas = [
    ['pods', hard.pods, (t: number) => used.pods + taskShare(t)],
    ['limits.cpu', hard.cpu / 1000, (t: number) => (used.cpu + taskShare(t) * u.cpu) / 1000],
    ['limits.memory', hard.memory * 1024 * 1024, (t: number) => (used.memory + taskShare(t) * u.memory) * 1024 * 1024],
  ] as const
  for (const [resource, h, usedAt] of quotas) {
    add('kube_resourcequota', { resourcequota: quota, resource, type: 'hard' }, () => h)
    add('kube_resourcequota', { resourcequota: quota, resource, type: 'used' }, usedAt)
  }
  return out
}

/** The scrape time at or before `t`. */
export function lastScrape(series: Series, t: number): number {
  return Math.floor((t - series.offset) / SCRAPE_INTERVAL_S) * SCRAPE_INTERVAL_S + series.offset
}
