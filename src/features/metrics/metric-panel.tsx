import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { Button } from '@/components/ui/button'
import { chartData, type ChartLine, formatValue, latestValue, type MetricRange, type PanelSpec, RANGE_SECONDS } from './panels'
import { PrometheusError } from './prometheus'
import { usePanelQueries } from './use-metrics'

/** Line colours from the semantic tokens, so that dark mode holds. */
const COLOURS = ['var(--c-accent)', 'var(--c-success)', 'var(--c-warning)', 'var(--c-danger)', 'var(--c-neutral)', 'var(--c-info)']
const DASHES = [undefined, '6 3', '2 3', '8 3 2 3']

export const METRICS_SYNC_ID = 'deployment-metrics'

function timeTick(range: MetricRange) {
  const long = RANGE_SECONDS[range] > 86_400
  const format = new Intl.DateTimeFormat(undefined, long ? { month: 'short', day: 'numeric' } : { hour: '2-digit', minute: '2-digit', hour12: false })
  return (t: number) => format.format(new Date(t))
}

const tooltipTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function Summary({ panel, lines, latest }: { panel: PanelSpec; lines: ChartLine[]; latest: (key: string) => number | null }) {
  return (
    <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {lines.map((line, i) => (
        <div key={line.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: COLOURS[i % COLOURS.length] }} />
          <dt className="text-muted">{line.label}</dt>
          <dd className="font-medium tabular-nums">{formatValue(latest(line.key), panel.unit)}</dd>
        </div>
      ))}
    </dl>
  )
}

export interface MetricPanelProps {
  panel: PanelSpec
  deploymentId: string
  range: MetricRange
  autoRefresh: boolean
}

/** One chart: its queries over the range, the latest values as text, and clear states for no data and for Prometheus's errors. */
export function MetricPanel({ panel, deploymentId, range, autoRefresh }: MetricPanelProps) {
  const { answers, loading, error, fetching, refetch } = usePanelQueries(panel, { deploymentId, range, autoRefresh })
  const data = chartData(panel, answers)
  const headingId = `panel-${panel.id}`
  const hasData = data.lines.length > 0 && data.rows.length > 0
  const tick = timeTick(range)
  const errorText = error instanceof PrometheusError ? error.message : error instanceof Error ? error.message : error ? String(error) : null

  return (
    <section aria-labelledby={headingId} aria-busy={fetching || undefined} className="flex min-w-0 flex-col rounded-lg border border-border bg-surface p-4">
      <h3 id={headingId} className="font-semibold">
        {panel.title}
      </h3>
      <p className="text-xs text-muted">{panel.description}</p>
      {errorText ? (
        <div role="alert" className="mt-3 rounded-md border border-danger bg-danger-soft p-3 text-sm">
          <p className="font-medium text-danger">Prometheus could not answer this panel</p>
          <p className="mt-1 break-words font-mono text-xs">{errorText}</p>
          <Button className="mt-2" size="sm" onClick={refetch}>
            Try again
          </Button>
        </div>
      ) : null}
      {loading && !hasData ? (
        <p role="status" className="mt-3 text-sm text-muted">
          Loading…
        </p>
      ) : !hasData && !errorText ? (
        <p className="mt-3 rounded-md border border-dashed border-border-strong p-4 text-center text-sm text-muted">No data for this range.</p>
      ) : hasData ? (
        <>
          <Summary panel={panel} lines={data.lines} latest={(key) => latestValue(data, key)} />
          {/* The chart repeats the summary for sighted readers; its values are in the summary and tooltips. */}
          <div className="mt-2 h-44 w-full" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 320, height: 176 }}>
              <LineChart data={data.rows} syncId={METRICS_SYNC_ID} syncMethod="value" accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="var(--c-border)" strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="t"
                  type="number"
                  scale="time"
                  domain={['dataMin', 'dataMax']}
                  tickFormatter={tick}
                  stroke="var(--c-muted)"
                  tick={{ fontSize: 11, fill: 'var(--c-muted)' }}
                  minTickGap={24}
                />
                <YAxis
                  width={64}
                  stroke="var(--c-muted)"
                  tick={{ fontSize: 11, fill: 'var(--c-muted)' }}
                  tickFormatter={(v: number) => formatValue(v, panel.unit)}
                  allowDecimals={panel.unit !== 'count'}
                  domain={panel.unit === 'percent' ? [0, 'auto'] : ['auto', 'auto']}
                />
                <Tooltip
                  isAnimationActive={false}
                  labelFormatter={(t) => (typeof t === 'number' ? tooltipTime.format(new Date(t)) : String(t))}
                  formatter={(v) => formatValue(typeof v === 'number' ? v : null, panel.unit)}
                  contentStyle={{ background: 'var(--c-surface-raised)', border: '1px solid var(--c-border)', color: 'var(--c-text)', fontSize: 12 }}
                  labelStyle={{ color: 'var(--c-muted)' }}
                />
                {data.lines.map((line, i) => (
                  <Line
                    key={line.key}
                    dataKey={line.key}
                    name={line.label}
                    type="monotone"
                    stroke={COLOURS[i % COLOURS.length]}
                    strokeDasharray={line.reference ? '5 4' : DASHES[Math.floor(i / COLOURS.length) % DASHES.length]}
                    strokeWidth={line.reference ? 1.5 : 2}
                    dot={false}
                    isAnimationActive={false}
                    connectNulls={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      ) : null}
    </section>
  )
}
