import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts'
import type { PlatformConfig } from '@/lib/houston-json'
import { breakdownChartHeight, type BreakdownRow, SERIES_COLOR, seriesIn, seriesLabel } from './chart-data'
import { LEGEND_PX, SeriesLegend } from './series-legend'

const tick = { fill: 'var(--color-muted)', fontSize: 12 }

/** One bar per deployment, stacked by component. Loaded lazily: recharts is heavy. */
export function BreakdownChart({ platform, rows, summary }: { platform: PlatformConfig; rows: readonly BreakdownRow[]; summary: string }) {
  const keys = seriesIn(rows)
  return (
    <div role="img" aria-label={summary}>
      <BarChart
        responsive
        style={{ width: '100%', height: breakdownChartHeight(rows.length) - LEGEND_PX }}
        layout="vertical"
        data={[...rows]}
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} stroke="var(--color-border)" />
        <XAxis type="number" allowDecimals={false} tick={tick} stroke="var(--color-border-strong)" />
        <YAxis type="category" dataKey="name" width={150} tick={tick} stroke="var(--color-border-strong)" />
        {keys.map((k) => (
          <Bar key={k} dataKey={k} name={seriesLabel(platform, k)} stackId="au" fill={SERIES_COLOR[k]} isAnimationActive={false} />
        ))}
      </BarChart>
      <SeriesLegend platform={platform} keys={keys} />
    </div>
  )
}
