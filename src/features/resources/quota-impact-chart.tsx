import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { QuotaImpact, Sizing } from '@/lib/au'
import type { PlatformConfig } from '@/lib/houston-json'
import { impactRows, QUOTA_ORDER, SERIES_COLOR, seriesIn, seriesLabel } from './chart-data'
import { LEGEND_PX, SeriesLegend } from './series-legend'

const tick = { fill: 'var(--color-muted)', fontSize: 12 }

/** The workspace quota now and after the change, stacked by component. */
export function QuotaImpactChart({ platform, before, after, impact, workspaceLabel }: { platform: PlatformConfig; before: Sizing; after: Sizing | null; impact: QuotaImpact; workspaceLabel: string }) {
  const rows = impactRows(platform, impact, before, after)
  const keys = seriesIn(rows, QUOTA_ORDER)
  const max = Math.max(impact.quotaAu, impact.usedBefore, after ? impact.usedAfter : 0, 1)
  const summary =
    `${workspaceLabel} quota: ${impact.quotaAu} AU. ` +
    `Now ${impact.usedBefore} AU used, ${impact.currentAu} AU of them by this deployment.` +
    (after ? ` After saving ${impact.usedAfter} AU used, ${impact.nextAu} AU of them by this deployment.` : '')
  return (
    <figure className="mt-3">
      <div role="img" aria-label={summary}>
        <BarChart
          responsive
          style={{ width: '100%', height: (after ? 190 : 140) - LEGEND_PX }}
          layout="vertical"
          data={rows}
          accessibilityLayer={false}
          margin={{ top: 20, right: 16, bottom: 0, left: 0 }}
          barCategoryGap="25%"
        >
          <CartesianGrid horizontal={false} stroke="var(--color-border)" />
          <XAxis type="number" domain={[0, max]} allowDecimals={false} tick={tick} stroke="var(--color-border-strong)" />
          <YAxis type="category" dataKey="name" width={92} tick={tick} stroke="var(--color-border-strong)" />
          {keys.map((k) => (
            <Bar key={k} dataKey={k} name={seriesLabel(platform, k)} stackId="au" fill={SERIES_COLOR[k]} isAnimationActive={false} />
          ))}
          <ReferenceLine
            x={impact.quotaAu}
            stroke="var(--color-danger)"
            strokeDasharray="4 3"
            strokeWidth={2}
            label={{ value: `Quota ${impact.quotaAu} AU`, position: 'insideTopRight', fill: 'var(--color-text)', fontSize: 12, dy: -18 }}
          />
        </BarChart>
        <SeriesLegend platform={platform} keys={keys} />
      </div>
      <figcaption className="mt-1 text-xs text-muted">
        The workspace’s AU {after ? 'now and after saving' : 'now'}, with this deployment’s by component; the dashed line is the quota.
      </figcaption>
    </figure>
  )
}
