import type { PlatformConfig } from '@/lib/houston-json'
import { SERIES_COLOR, type SeriesKey, seriesLabel } from './chart-data'

/** A one-line legend's height (its margin and a line of text-xs), taken from the chart's so the whole keeps its size. */
export const LEGEND_PX = 20

/**
 * The key to a stacked chart's colours, drawn as plain HTML under the chart.
 * recharts' own legend measures itself after mounting and then redraws the whole
 * chart to make room, a second synchronous render on every page that has one.
 */
export function SeriesLegend({ platform, keys }: { platform: PlatformConfig; keys: readonly SeriesKey[] }) {
  return (
    <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-text">
      {keys.map((k) => (
        <li key={k} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-[2px]" style={{ background: SERIES_COLOR[k] }} />
          {seriesLabel(platform, k)}
        </li>
      ))}
    </ul>
  )
}
