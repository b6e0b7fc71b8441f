import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { formatInteger } from '@/lib/format'
import type { UsageRow } from './usage-data'

const tick = { fill: 'var(--color-muted)', fontSize: 12 }

interface Props {
  rows: readonly UsageRow[]
  /** What the chart shows, for screen readers (the numbers are also in the table). */
  summary: string
  /** Days run along the bottom; deployments and workspaces down the side. */
  layout: 'days' | 'entities'
}

/** Task runs as bars. Loaded lazily: recharts is heavy. */
export function UsageChart({ rows, summary, layout }: Props) {
  const data = rows.map((r) => ({ name: r.label, taskRuns: r.taskRuns }))
  const tooltip = (
    <Tooltip
      cursor={{ fill: 'var(--color-surface-sunken)' }}
      contentStyle={{ background: 'var(--color-surface-raised)', border: '1px solid var(--color-border)', color: 'var(--color-text)', fontSize: 12 }}
      formatter={(value) => [typeof value === 'number' ? formatInteger(value) : String(value), 'Task runs']}
    />
  )
  return (
    <div role="img" aria-label={summary}>
      {layout === 'days' ? (
        <BarChart responsive style={{ width: '100%', height: 260 }} data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="name" tick={tick} stroke="var(--color-border-strong)" minTickGap={16} />
          <YAxis allowDecimals={false} tick={tick} stroke="var(--color-border-strong)" width={56} tickFormatter={(v: number) => formatInteger(v)} />
          {tooltip}
          <Bar dataKey="taskRuns" name="Task runs" fill="var(--color-chart-1)" isAnimationActive={false} />
        </BarChart>
      ) : (
        <BarChart
          responsive
          style={{ width: '100%', height: 60 + rows.length * 34 }}
          layout="vertical"
          data={data}
          accessibilityLayer={false}
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
          barCategoryGap="22%"
        >
          <CartesianGrid horizontal={false} stroke="var(--color-border)" />
          <XAxis type="number" allowDecimals={false} tick={tick} stroke="var(--color-border-strong)" tickFormatter={(v: number) => formatInteger(v)} />
          <YAxis type="category" dataKey="name" width={150} tick={tick} stroke="var(--color-border-strong)" />
          {tooltip}
          <Bar dataKey="taskRuns" name="Task runs" fill="var(--color-chart-1)" isAnimationActive={false} />
        </BarChart>
      )}
    </div>
  )
}
