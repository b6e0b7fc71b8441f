// The metrics screen's panels, ranges and units: which PromQL each panel asks
// for (every selector narrowed to the deployment's `release` label), how far
// apart its points are, and how its numbers read.
import { z } from 'zod'
import { promString, type PromSeries } from './prometheus'

export const METRIC_GROUPS = ['status', 'tasks', 'scheduler', 'database', 'quotas', 'usage'] as const
export type MetricGroup = (typeof METRIC_GROUPS)[number]
export const GROUP_LABELS: Record<MetricGroup, string> = {
  status: 'Status',
  tasks: 'Tasks',
  scheduler: 'Scheduler',
  database: 'Database',
  quotas: 'Quotas',
  usage: 'Usage',
}

export const METRIC_RANGES = ['15m', '1h', '6h', '24h', '7d', '14d'] as const
export type MetricRange = (typeof METRIC_RANGES)[number]
export const METRIC_RANGE_LABELS: Record<MetricRange, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '14d': 'Last 14 days',
}
export const RANGE_SECONDS: Record<MetricRange, number> = { '15m': 900, '1h': 3600, '6h': 21_600, '24h': 86_400, '7d': 604_800, '14d': 1_209_600 }

/** Prometheus scrapes every 15 s on most platforms: no point in a finer step. */
export const MIN_STEP_S = 15
export const MAX_POINTS = 300
const NICE_STEPS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400]

/** The smallest "round" step that keeps a series at or under MAX_POINTS points. */
export function stepFor(rangeSeconds: number): number {
  const wanted = Math.max(MIN_STEP_S, rangeSeconds / MAX_POINTS)
  return NICE_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86_400) * 86_400
}

/** The window rate() looks back over: at least four scrapes, and never shorter than a step (no sample is skipped). */
export function rateWindow(step: number): string {
  const s = Math.max(300, step)
  return s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`
}

/** How often a range refreshes by itself: often for short ranges, rarely for long ones. */
export function refreshMsFor(range: MetricRange): number {
  return range === '15m' || range === '1h' ? 30_000 : range === '6h' ? 60_000 : range === '24h' ? 120_000 : 300_000
}

/**
 * The [start, end] (unix seconds) of a range ending now. Points fall on
 * end, end - step, …: the newest point is always now, so a young series (or a
 * fresh Prometheus) shows at once, and the latest value is current.
 */
export function rangeBounds(range: MetricRange, nowMs: number): { start: number; end: number; step: number } {
  const seconds = RANGE_SECONDS[range]
  const step = stepFor(seconds)
  const end = Math.floor(nowMs / 1000)
  return { start: end - Math.floor(seconds / step) * step, end, step }
}

export const metricsSearchSchema = z.object({
  range: z.enum(METRIC_RANGES).catch('1h').default('1h'),
  /** Comma-separated groups shown; empty or invalid shows all. */
  panels: z.string().max(200).catch('').default(''),
  refresh: z.enum(['off']).optional().catch(undefined),
  embed: z.enum(['grafana', 'kibana']).optional().catch(undefined),
})
export type MetricsSearch = z.infer<typeof metricsSearchSchema>

export function groupsFromParam(param: string): MetricGroup[] {
  const wanted = param.split(',').filter((g): g is MetricGroup => (METRIC_GROUPS as readonly string[]).includes(g))
  return wanted.length === 0 ? [...METRIC_GROUPS] : METRIC_GROUPS.filter((g) => wanted.includes(g))
}

export function groupsToParam(groups: readonly MetricGroup[]): string {
  return groups.length === METRIC_GROUPS.length ? '' : METRIC_GROUPS.filter((g) => groups.includes(g)).join(',')
}

export type Unit = 'count' | 'percent' | 'cores' | 'bytes' | 'bytesPerSecond' | 'perMinute' | 'perHour'

export interface QuerySpec {
  /** Stable key of this line within its panel. */
  key: string
  label: string
  promql: string
  /** Multiplies every value (rate per second × 60 = per minute). */
  scale?: number
  /** One line per value of this label (e.g. `reason`); `labels` renames the values. */
  splitBy?: string
  labels?: Record<string, string>
  /** Drawn dashed: a limit or an expectation, not a measurement. */
  reference?: boolean
  /** Fetched for a ratio, not drawn. */
  hidden?: boolean
}

export interface RatioSpec {
  key: string
  label: string
  numerator: string
  denominator: string
}

export interface PanelSpec {
  id: string
  group: MetricGroup
  title: string
  description: string
  unit: Unit
  queries: QuerySpec[]
  /** Lines computed in the browser as numerator / denominator (our PromQL subset has no binary operators). */
  ratios?: RatioSpec[]
}

/** Every panel, with its PromQL for one release and step. */
export function panelsFor(releaseName: string, step: number): PanelSpec[] {
  const sel = (extra = '') => `{release=${promString(releaseName)}${extra}}`
  const w = rateWindow(step)
  return [
    {
      id: 'pods',
      group: 'status',
      title: 'Pods running vs expected',
      description: 'Containers running, against the replicas the deployment asks for.',
      unit: 'count',
      queries: [
        { key: 'running', label: 'Running', promql: `sum(kube_pod_container_status_running${sel()})` },
        { key: 'expected', label: 'Expected', promql: `sum(kube_deployment_spec_replicas${sel()})`, reference: true },
      ],
    },
    {
      id: 'heartbeat',
      group: 'status',
      title: 'Scheduler heartbeat',
      description: 'Heartbeats per minute across schedulers; zero means the scheduler is down.',
      unit: 'perMinute',
      queries: [{ key: 'heartbeat', label: 'Heartbeats', promql: `sum(rate(airflow_scheduler_heartbeat${sel()}[${w}]))`, scale: 60 }],
    },
    {
      id: 'containers',
      group: 'status',
      title: 'Containers waiting or terminated',
      description: 'Containers not running, by the reason Kubernetes gives.',
      unit: 'count',
      queries: [
        { key: 'waiting', label: 'Waiting', promql: `sum by (reason) (kube_pod_container_status_waiting_reason${sel()})`, splitBy: 'reason' },
        { key: 'terminated', label: 'Terminated', promql: `sum by (reason) (kube_pod_container_status_terminated_reason${sel()})`, splitBy: 'reason' },
      ],
    },
    {
      id: 'running-queued',
      group: 'tasks',
      title: 'Running and queued tasks',
      description: 'Task instances the executor runs, and those waiting for a slot.',
      unit: 'count',
      queries: [
        { key: 'running', label: 'Running', promql: `sum(airflow_executor_running_tasks${sel()})` },
        { key: 'queued', label: 'Queued', promql: `sum(airflow_executor_queued_tasks${sel()})` },
      ],
    },
    {
      id: 'outcomes',
      group: 'tasks',
      title: 'Task successes and failures',
      description: 'Task instances finishing per minute.',
      unit: 'perMinute',
      queries: [
        { key: 'successes', label: 'Successes', promql: `sum(rate(airflow_ti_successes${sel()}[${w}]))`, scale: 60 },
        { key: 'failures', label: 'Failures', promql: `sum(rate(airflow_ti_failures${sel()}[${w}]))`, scale: 60 },
      ],
    },
    {
      id: 'dagbag',
      group: 'scheduler',
      title: 'DAG bag size',
      description: 'DAGs the scheduler found in the DAG folder.',
      unit: 'count',
      queries: [{ key: 'dags', label: 'DAGs', promql: `max(airflow_dagbag_size${sel()})` }],
    },
    {
      id: 'scheduler-heartbeat-rate',
      group: 'scheduler',
      title: 'Heartbeat rate',
      description: 'How often the scheduler loop completes, per minute.',
      unit: 'perMinute',
      queries: [{ key: 'heartbeat', label: 'Heartbeats', promql: `sum(rate(airflow_scheduler_heartbeat${sel()}[${w}]))`, scale: 60 }],
    },
    {
      id: 'zombies',
      group: 'scheduler',
      title: 'Zombie tasks killed',
      description: 'Tasks the scheduler found without a live process and killed, per hour.',
      unit: 'perHour',
      queries: [{ key: 'zombies', label: 'Zombies killed', promql: `sum(rate(airflow_zombies_killed${sel()}[${w}]))`, scale: 3600 }],
    },
    {
      id: 'pgbouncer',
      group: 'database',
      title: 'pgbouncer client connections',
      description: 'Connections from Airflow to the metadata database pool, and clients waiting for one.',
      unit: 'count',
      queries: [
        { key: 'active', label: 'Active', promql: `sum(pgbouncer_pools_client_active_connections${sel()})` },
        { key: 'waiting', label: 'Waiting', promql: `sum(pgbouncer_pools_client_waiting_connections${sel()})` },
        { key: 'max', label: 'Limit', promql: `max(pgbouncer_config_max_client_connections${sel()})`, reference: true },
      ],
    },
    ...(
      [
        ['quota-pods', 'Pods quota', 'pods', 'count'],
        ['quota-cpu', 'CPU quota', 'limits.cpu', 'cores'],
        ['quota-memory', 'Memory quota', 'limits.memory', 'bytes'],
      ] as const
    ).map(
      ([id, title, resource, unit]): PanelSpec => ({
        id,
        group: 'quotas',
        title,
        description: `The namespace's ResourceQuota for ${resource}: hard limit and what is in use.`,
        unit,
        queries: [
          {
            key: 'quota',
            label: 'Quota',
            promql: `sum by (type) (kube_resourcequota${sel(`,resource=${promString(resource)}`)})`,
            splitBy: 'type',
            labels: { hard: 'Hard limit', used: 'Used' },
          },
        ],
      }),
    ),
    {
      id: 'cpu',
      group: 'usage',
      title: 'CPU usage',
      description: 'CPU the containers use, against their limits.',
      unit: 'cores',
      queries: [
        { key: 'used', label: 'Used', promql: `sum(rate(container_cpu_usage_seconds_total${sel()}[${w}]))` },
        { key: 'limit', label: 'Limit', promql: `sum(kube_pod_container_resource_limits${sel(',resource="cpu"')})`, reference: true },
      ],
    },
    {
      id: 'memory',
      group: 'usage',
      title: 'Memory usage',
      description: 'Working set memory of the containers, against their limits.',
      unit: 'bytes',
      queries: [
        { key: 'used', label: 'Used', promql: `sum(container_memory_working_set_bytes${sel()})` },
        { key: 'limit', label: 'Limit', promql: `sum(container_spec_memory_limit_bytes${sel()})`, reference: true },
      ],
    },
    {
      id: 'saturation',
      group: 'usage',
      title: 'Usage as a share of limits',
      description: 'CPU and memory used, as a percentage of what the containers may use.',
      unit: 'percent',
      queries: [
        { key: 'cpuUsed', label: 'CPU used', promql: `sum(rate(container_cpu_usage_seconds_total${sel()}[${w}]))`, hidden: true },
        { key: 'cpuLimit', label: 'CPU limit', promql: `sum(kube_pod_container_resource_limits${sel(',resource="cpu"')})`, hidden: true },
        { key: 'memUsed', label: 'Memory used', promql: `sum(container_memory_working_set_bytes${sel()})`, hidden: true },
        { key: 'memLimit', label: 'Memory limit', promql: `sum(container_spec_memory_limit_bytes${sel()})`, hidden: true },
      ],
      ratios: [
        { key: 'cpu', label: 'CPU', numerator: 'cpuUsed', denominator: 'cpuLimit' },
        { key: 'memory', label: 'Memory', numerator: 'memUsed', denominator: 'memLimit' },
      ],
    },
    {
      id: 'network',
      group: 'usage',
      title: 'Network',
      description: 'Bytes received and sent by the pods, per second.',
      unit: 'bytesPerSecond',
      queries: [
        { key: 'rx', label: 'Received', promql: `sum(rate(container_network_receive_bytes_total${sel()}[${w}]))` },
        { key: 'tx', label: 'Sent', promql: `sum(rate(container_network_transmit_bytes_total${sel()}[${w}]))` },
      ],
    },
  ]
}

export interface ChartLine {
  key: string
  label: string
  reference: boolean
}

export interface ChartData {
  lines: ChartLine[]
  /** One row per timestamp: `t` in ms, then a value (or null) per line key. */
  rows: Record<string, number | null>[]
}

/**
 * Turns the answers to a panel's queries into chart rows: split lines by a
 * label, scale them, and compute ratios point by point.
 */
export function chartData(panel: PanelSpec, answers: ReadonlyMap<string, readonly PromSeries[]>): ChartData {
  const lines: ChartLine[] = []
  const byTime = new Map<number, Record<string, number | null>>()
  const row = (t: number) => {
    let r = byTime.get(t)
    if (!r) byTime.set(t, (r = { t }))
    return r
  }
  const hiddenValues = new Map<string, Map<number, number | null>>()
  for (const q of panel.queries) {
    const series = answers.get(q.key) ?? []
    const scale = q.scale ?? 1
    const scaled = (v: number | null) => (v === null ? null : v * scale)
    if (q.hidden) {
      const values = new Map<number, number | null>()
      for (const s of series) for (const p of s.points) values.set(p.t, (values.get(p.t) ?? 0) + (scaled(p.v) ?? 0))
      hiddenValues.set(q.key, values)
      continue
    }
    if (q.splitBy) {
      for (const s of series) {
        const value = s.metric[q.splitBy] ?? 'unknown'
        const key = `${q.key}:${value}`
        const named = q.labels?.[value] ?? value
        lines.push({ key, label: q.labels ? named : `${q.label}: ${named}`, reference: q.reference ?? false })
        for (const p of s.points) row(p.t)[key] = scaled(p.v)
      }
      continue
    }
    if (series.length === 0) continue
    lines.push({ key: q.key, label: q.label, reference: q.reference ?? false })
    for (const s of series) for (const p of s.points) row(p.t)[q.key] = scaled(p.v)
  }
  for (const ratio of panel.ratios ?? []) {
    const num = hiddenValues.get(ratio.numerator)
    const den = hiddenValues.get(ratio.denominator)
    if (!num || !den || num.size === 0) continue
    lines.push({ key: ratio.key, label: ratio.label, reference: false })
    for (const [t, n] of num) {
      const d = den.get(t)
      row(t)[ratio.key] = n !== null && d ? n / d : null
    }
  }
  const rows = [...byTime.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0))
  return { lines, rows }
}

/** The latest value of a line, if it has one. */
export function latestValue(data: ChartData, key: string): number | null {
  for (let i = data.rows.length - 1; i >= 0; i--) {
    const v = data.rows[i]?.[key]
    if (v !== undefined && v !== null) return v
  }
  return null
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

function trim(n: number, digits: number): string {
  return Number(n.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits })
}

export function formatBytes(v: number): string {
  let i = 0
  let n = Math.abs(v)
  while (n >= 1024 && i < BYTE_UNITS.length - 1) {
    n /= 1024
    i++
  }
  return `${v < 0 ? '-' : ''}${trim(n, n >= 100 ? 0 : n >= 10 ? 1 : 2)} ${BYTE_UNITS[i] ?? 'B'}`
}

/** A value in its panel's unit, for tooltips, summaries and axes. */
export function formatValue(v: number | null, unit: Unit): string {
  if (v === null || Number.isNaN(v)) return '—'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞'
  switch (unit) {
    case 'count':
      return trim(v, Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 2)
    case 'percent':
      return `${trim(v * 100, 1)}%`
    case 'cores':
      return `${trim(v, v !== 0 && Math.abs(v) < 0.1 ? 3 : 2)} cores`
    case 'bytes':
      return formatBytes(v)
    case 'bytesPerSecond':
      return `${formatBytes(v)}/s`
    case 'perMinute':
      return `${trim(v, Math.abs(v) >= 10 ? 0 : Math.abs(v) >= 1 ? 1 : 2)}/min`
    case 'perHour':
      return `${trim(v, Math.abs(v) >= 10 ? 0 : 2)}/h`
  }
}
