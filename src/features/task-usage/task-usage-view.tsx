import { lazy, type ReactNode, Suspense, useId } from 'react'
import { Link } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { formatInteger } from '@/lib/format'
import { useSearchState } from '@/lib/search-params'
import { busiest, chartRows, csvFileName, dayLabel, totalOf, taskRunsText, type UsageRange, type UsageRow, usageCsv, usageSearchSchema } from './usage-data'

const UsageChart = lazy(() => import('./usage-chart').then((m) => ({ default: m.UsageChart })))

/** Bars drawn at most for deployments or workspaces; the table lists all. */
const MAX_BARS = 20

const RANGE_TEXT: Record<UsageRange, string> = { '7': 'Last 7 days', '30': 'Last 30 days', '90': 'Last 90 days' }

/** The range of the page's URL, as the `days` argument of the usage queries. */
export function useUsageRange(): { range: UsageRange; days: number; setRange: (range: UsageRange) => void } {
  const [search, setSearch] = useSearchState(usageSearchSchema)
  return { range: search.days, days: Number(search.days), setRange: (days) => setSearch({ days }) }
}

function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

interface Props {
  title: ReactNode
  description: ReactNode
  /** Names the file and the chart: "Data Platform". */
  scopeName: string
  /** "per day", "per deployment", "per workspace". */
  per: string
  /** The CSV's column names: the row's label, maybe its detail, then the runs. */
  csvHeader: readonly string[]
  layout: 'days' | 'entities'
  /** null until the first answer. */
  rows: readonly UsageRow[] | null
  /** The first and last day of the window (YYYY-MM-DD). */
  window: { from: string; to: string } | null
  loading: boolean
  error: unknown
  onRetry: () => void
  empty: string
}

/** Task runs of one scope over the chosen range: total, bar chart, the numbers, and (system admins) CSV export. */
export function TaskUsageView({ title, description, scopeName, per, csvHeader, layout, rows, window, loading, error, onRetry, empty }: Props) {
  const access = useAccess()
  const { range, setRange } = useUsageRange()
  const headingId = useId()
  const canExport = access.system('system.taskUsage.export')

  const total = rows ? totalOf(rows) : 0
  const span = window ? `${dayLabel(window.from)} to ${dayLabel(window.to)} (UTC)` : ''
  const exportCsv = () => {
    if (!rows) return
    saveFile(csvFileName(scopeName, window?.from, window?.to), usageCsv(csvHeader, rows))
    toast.success(`Exported ${rows.length} row${rows.length === 1 ? '' : 's'}: ${taskRunsText(total)}`)
  }

  const rangeControl = (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">Time range</span>
      <select className={inputClasses} value={range} onChange={(e) => setRange(e.target.value as UsageRange)}>
        {(Object.keys(RANGE_TEXT) as UsageRange[]).map((r) => (
          <option key={r} value={r}>
            {RANGE_TEXT[r]}
          </option>
        ))}
      </select>
    </label>
  )

  let body: ReactNode
  if (!rows) {
    body = loading ? <LoadingState label="Loading task usage…" /> : <ErrorState error={error} title="Task usage could not be loaded" onRetry={onRetry} />
  } else if (rows.length === 0) {
    body = <EmptyState title={empty} />
  } else {
    const { bars, rest } = layout === 'days' ? { bars: rows, rest: null } : chartRows(rows, MAX_BARS)
    const top = busiest(rows)
    const summary =
      `Task runs ${per} in ${scopeName}, ${span}: ${taskRunsText(total)} in total` +
      (top ? `; the most, ${formatInteger(top.taskRuns)}, ${layout === 'days' ? `on ${dayLabel(top.label)}` : `by ${top.label}`}.` : '.')
    const table = (
      <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Task runs {per} in {scopeName}
          </caption>
          <thead className="border-b border-border bg-surface-sunken text-left">
            <tr>
              {csvHeader.map((h, i) => (
                <th key={h} scope="col" className={i === csvHeader.length - 1 ? 'px-3 py-2 text-right font-medium' : 'px-3 py-2 font-medium'}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-border last:border-0">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {r.href ? (
                    <Link to={r.href} className="inline-block max-w-xs truncate align-bottom underline-offset-2 hover:underline" title={r.label}>
                      {r.label}
                    </Link>
                  ) : (
                    <span className="inline-block max-w-xs truncate align-bottom" title={r.label}>
                      {r.label}
                    </span>
                  )}
                </th>
                {csvHeader.length === 3 ? <td className="px-3 py-1.5 font-mono text-xs">{r.detail}</td> : null}
                <td className="px-3 py-1.5 text-right tabular-nums">{formatInteger(r.taskRuns)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-border-strong">
            <tr>
              <th scope="row" className="px-3 py-1.5 text-left font-semibold">
                Total
              </th>
              {csvHeader.length === 3 ? <td /> : null}
              <td className="px-3 py-1.5 text-right font-semibold tabular-nums">{formatInteger(total)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollArea>
    )
    body = (
      <>
        <Suspense fallback={<LoadingState label="Drawing the chart…" />}>
          <UsageChart rows={bars.map((b) => (layout === 'days' ? { ...b, label: dayLabel(b.label) } : b))} summary={summary} layout={layout} />
        </Suspense>
        {rest ? (
          <p className="text-sm text-muted">
            The chart shows the {bars.length} busiest; {rest.count} more with {taskRunsText(rest.taskRuns)} are in the table.
          </p>
        ) : null}
        {layout === 'days' ? (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">Show the numbers ({rows.length} days)</summary>
            <div className="mt-2">{table}</div>
          </details>
        ) : (
          <div className="mt-3">{table}</div>
        )}
      </>
    )
  }

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          canExport ? (
            <Button onClick={exportCsv} disabled={!rows || rows.length === 0}>
              Export CSV
            </Button>
          ) : null
        }
      />
      {error && rows ? <ErrorState error={error} title="Task usage could not be refreshed" onRetry={onRetry} /> : null}
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        {rangeControl}
        {rows ? (
          <p className="text-sm" aria-live="polite">
            Total: <strong>{taskRunsText(total)}</strong>
            {span ? <span className="text-muted">, {span}</span> : null}
            {loading ? <span className="text-muted"> · updating…</span> : null}
          </p>
        ) : null}
      </div>
      <section aria-labelledby={headingId} className="rounded-lg border border-border bg-surface p-4">
        <h2 id={headingId} className="mb-2 text-base font-semibold">
          Task runs {per}
        </h2>
        {body}
      </section>
    </>
  )
}
