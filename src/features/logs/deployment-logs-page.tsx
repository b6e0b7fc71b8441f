import { useQuery } from '@apollo/client/react'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useLocation, useParams } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { UrlCheckbox } from '@/components/ui/url-checkbox'
import { usePlatformConfig } from '@/features/deployments'
import { DeploymentEmbeds } from '@/features/metrics'
import { firstProblem } from '@/lib/graphql-errors'
import { formatInteger } from '@/lib/format'
import { deploymentConfigSchema } from '@/lib/houston-json'
import { useSearchState } from '@/lib/search-params'
import { isSocketInterrupted, subscribeSocketStatus } from '@/lib/socket-status'
import type { TailStatus } from './live-tail'
import { formatLogTime, pad } from './log-line'
import { type LogListHandle, LogList } from './log-list'
import {
  downloadName,
  entriesText,
  entryText,
  filterFromSearch,
  LEVELS,
  LOG_COMPONENT_LABELS,
  type LogRecord,
  type LogSearch,
  logSearchSchema,
  logComponentsFor,
  RANGE_LABELS,
  RANGES,
  type RangeKey,
  windowFor,
} from './log-model'
import { LogView, MAX_RECORDS } from './log-store'
import { DeploymentLogsContextQuery } from './operations'
import { useLogStream } from './use-log-stream'

const LEVEL_OPTION_LABELS: Record<(typeof LEVELS)[number], string> = {
  DEBUG: 'Debug and above',
  INFO: 'Info and above',
  WARNING: 'Warning and above',
  ERROR: 'Error and above',
  CRITICAL: 'Critical only',
}

/** How a permalink frames its record: a fixed window around it, so the link keeps working later. */
const PERMALINK_BEFORE_MS = 5 * 60_000
const PERMALINK_AFTER_MS = 60_000

/** "2024-05-01T12:00:00.000Z" as a datetime-local value in the browser's zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

function fromLocalInput(value: string): string {
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? '' : d.toISOString()
}

function CustomRange({ from, to, onApply }: { from: string; to: string; onApply: (from: string, to: string) => void }) {
  const [start, setStart] = useState(() => toLocalInput(from))
  const [end, setEnd] = useState(() => toLocalInput(to))
  const invalid = start === '' ? 'Choose when the range starts.' : end !== '' && end < start ? 'The end must come after the start.' : null
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault()
        if (!invalid) onApply(fromLocalInput(start), end ? fromLocalInput(end) : '')
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">From</span>
        <input type="datetime-local" step={1} className={inputClasses} value={start} onChange={(e) => setStart(e.target.value)} aria-describedby={invalid ? 'range-error' : undefined} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">To (empty: until now, live)</span>
        <input type="datetime-local" step={1} className={inputClasses} value={end} onChange={(e) => setEnd(e.target.value)} />
      </label>
      <Button type="submit" size="sm" disabled={Boolean(invalid)}>
        Apply range
      </Button>
      {invalid ? (
        <p id="range-error" className="w-full text-sm text-danger">
          {invalid}
        </p>
      ) : null}
    </form>
  )
}

function TailIndicator({ status, live, onPause, onResume }: { status: TailStatus | null; live: boolean; onPause: () => void; onResume: () => void }) {
  const interrupted = useSyncExternalStore(subscribeSocketStatus, isSocketInterrupted)
  if (!live) return <span className="text-sm text-muted">Fixed range: live tail is off.</span>
  if (!status) return <span className="text-sm text-muted">Starting live tail…</span>
  // The transport re-establishes a dropped socket by itself, so the tail still thinks it is live.
  const state = status.state === 'live' && interrupted ? 'reconnecting' : status.state
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="inline-flex items-center gap-1.5 text-sm font-medium">
        <span
          aria-hidden="true"
          className={`size-2 rounded-full ${state === 'live' ? 'bg-success' : state === 'reconnecting' ? 'bg-warning' : state === 'stopped' ? 'bg-danger' : 'bg-neutral'}`}
        />
        {state === 'live' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : state === 'paused' ? 'Paused' : 'Live tail stopped'}
      </span>
      {state === 'live' || state === 'reconnecting' ? (
        <Button size="sm" onClick={onPause}>
          Pause
        </Button>
      ) : (
        <Button size="sm" variant={state === 'stopped' ? 'primary' : 'secondary'} onClick={onResume}>
          Resume
        </Button>
      )}
      {status.reconnects > 0 ? <span className="text-xs text-muted">Reconnected {status.reconnects}×, continuing from the last record.</span> : null}
    </div>
  )
}

interface PanelProps {
  deploymentId: string
  releaseName: string
  search: LogSearch
  setSearch: (patch: Partial<LogSearch>) => void
}

/** Records of one component and window; remounted (keyed) when either changes. */
function LogsPanel({ deploymentId, releaseName, search, setSearch }: PanelProps) {
  const [timeWindow] = useState(() => windowFor(search, Date.now()))
  const live = timeWindow.until === null
  const stream = useLogStream({ deploymentId, component: search.component ?? null, window: timeWindow, live })
  const { store } = stream
  const deferredQ = useDeferredValue(search.q)
  const untilMs = timeWindow.until ? Date.parse(timeWindow.until) : null
  const view = useMemo(
    () => new LogView(filterFromSearch({ ...search, q: deferredQ }, untilMs)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the filters that the view applies
    [search.level, search.only, deferredQ, untilMs],
  )
  const snapshot = useSyncExternalStore(store.subscribe, () => view.sync(store))
  const needle = view.filter.needle
  const [follow, setFollow] = useState(!search.line)
  // The match the next/previous buttons are on: its record, for the view it was found in, so that
  // it stays on that record as older ones arrive in front or the oldest are dropped. A view that
  // starts over (records out of order renumber the store) has none.
  const [currentMatch, setCurrent] = useState<{ view: LogView; seq: number; epoch: number } | null>(null)
  const currentShown = currentMatch?.view === view && currentMatch.epoch === store.epoch ? view.indexOfSeq(currentMatch.seq) : -1
  const current = currentShown >= 0 ? view.matchAtOrAfter(currentShown) : null
  const listRef = useRef<LogListHandle>(null)
  const location = useLocation()

  // Open on the linked record once the window has loaded (-1: it is not among the records shown).
  const ready = stream.load.status === 'ready'
  const complete = ready && stream.older.status !== 'loading'
  const [linked] = useState(search.line)
  const landing = useMemo(() => {
    if (!complete || !linked) return null
    const seq = store.seqOf(linked)
    return seq === null ? -1 : view.indexOfSeq(seq)
    // Computed once the window's records are in; later records do not move the landing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [complete, linked, store])
  const landed = useRef(false)
  useEffect(() => {
    if (landed.current || landing === null || landing < 0) return
    const frame = requestAnimationFrame(() => {
      landed.current = true
      listRef.current?.scrollToIndex(landing)
    })
    return () => cancelAnimationFrame(frame)
  }, [landing])
  const missingLine = landing === -1 && search.line === linked
  // The selected record, found once per selection (a scan), then checked cheaply on each render.
  // A store keeps the sequence numbers of what it holds, also when older records arrive in front.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- looked for again once the older records are in
  const selectedSeq = useMemo(() => (ready && search.line ? store.seqOf(search.line) : null), [ready, complete, search.line, store])
  const selected = selectedSeq === null ? undefined : store.at(selectedSeq)
  const selectedEntry = selected?.id === search.line ? selected : undefined

  const permalinkFor = useCallback(
    (r: LogRecord) => {
      const t = Date.parse(r.timestamp)
      const params = new URLSearchParams()
      if (search.component) params.set('component', search.component)
      if (search.level) params.set('level', search.level)
      if (search.q) params.set('q', search.q)
      if (search.only) params.set('only', search.only)
      params.set('range', 'custom')
      params.set('from', new Date(t - PERMALINK_BEFORE_MS).toISOString())
      params.set('to', new Date(t + PERMALINK_AFTER_MS).toISOString())
      params.set('line', r.id)
      return `${location.pathname}?${params.toString()}`
    },
    [location.pathname, search.component, search.level, search.q, search.only],
  )

  const copy = useCallback(async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text)
      toast.success(`${what} copied`)
    } catch {
      toast.error(`${what} could not be copied: your browser refused access to the clipboard.`)
    }
  }, [])

  const onCopy = useCallback((r: LogRecord) => void copy(entryText(r), 'Record'), [copy])
  const onSelect = useCallback(
    (r: LogRecord) => {
      setSearch({ line: r.id })
      void copy(new URL(permalinkFor(r), globalThis.location.origin).toString(), 'Link to the record')
    },
    [setSearch, copy, permalinkFor],
  )

  const goToMatch = (direction: 1 | -1) => {
    if (snapshot.matches === 0) return
    let k: number
    if (current === null) {
      const top = listRef.current?.firstVisibleIndex() ?? 0
      k = direction === 1 ? Math.min(view.matchAtOrAfter(top), snapshot.matches - 1) : snapshot.matches - 1
    } else k = (current + direction + snapshot.matches) % snapshot.matches
    const index = view.matchIndex(k)
    const seq = index === undefined ? undefined : view.seqAt(index)
    if (index === undefined || seq === undefined) return
    setCurrent({ view, seq, epoch: store.epoch })
    listRef.current?.scrollToIndex(index)
  }

  const shownText = () => entriesText(view.entries(store))
  const download = () => {
    const text = shownText()
    if (text === '') return
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = downloadName(releaseName, search.component, timeWindow.since)
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    toast.success(`Downloaded ${formatInteger(snapshot.count)} records`)
  }

  if (stream.load.status === 'loading') return <LoadingState label="Loading log records…" />
  if (stream.load.status === 'error') return <ErrorState error={stream.load.error} title="The log records could not be loaded" onRetry={stream.retry} />

  const oldest = store.oldest()
  const nothingShown = snapshot.count === 0
  const loadingOlder = stream.older.status === 'loading'
  const currentIndex = currentShown >= 0 ? currentShown : undefined
  const tail = stream.tailStatus

  return (
    <>
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          <label htmlFor="log-search" className="font-medium">
            Search the loaded records
          </label>
          <div className="flex gap-1">
            <input
              id="log-search"
              type="search"
              className={inputClasses}
              placeholder="Text in the message, e.g. ERROR or a DAG id"
              value={search.q}
              aria-describedby="log-match-count"
              onChange={(e) => setSearch({ q: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  goToMatch(e.shiftKey ? -1 : 1)
                }
              }}
            />
            <Button size="sm" aria-label="Previous match" disabled={snapshot.matches === 0} onClick={() => goToMatch(-1)}>
              ↑
            </Button>
            <Button size="sm" aria-label="Next match" disabled={snapshot.matches === 0} onClick={() => goToMatch(1)}>
              ↓
            </Button>
          </div>
          <p id="log-match-count" role="status" className="text-xs text-muted">
            {needle === ''
              ? 'Search covers every loaded record, not only those in sight.'
              : snapshot.matches === 0
                ? 'No loaded record matches.'
                : `${current === null ? '' : `${formatInteger(current + 1)} of `}${formatInteger(snapshot.matches)} matching record${snapshot.matches === 1 ? '' : 's'}`}
          </p>
        </div>
        <UrlCheckbox className="pb-6" checked={search.only === '1'} onChange={(checked) => setSearch({ only: checked ? '1' : undefined })}>
          Only matching records
        </UrlCheckbox>
      </div>

      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <TailIndicator status={tail} live={live} onPause={stream.pause} onResume={stream.resume} />
        <div className="flex flex-wrap items-center gap-2">
          {!follow ? (
            <Button size="sm" onClick={() => listRef.current?.jumpToNewest()}>
              Jump to newest
            </Button>
          ) : null}
          <Button size="sm" disabled={nothingShown} aria-describedby={nothingShown ? 'nothing-shown' : undefined} onClick={() => void copy(shownText(), `${formatInteger(snapshot.count)} records`)}>
            Copy shown
          </Button>
          <Button size="sm" disabled={nothingShown} aria-describedby={nothingShown ? 'nothing-shown' : undefined} onClick={download}>
            Download shown
          </Button>
        </div>
      </div>
      {tail?.state === 'stopped' ? (
        <div className="mb-2">
          <InlineAlert tone="warning">
            Live tail stopped after {tail.failures} failed attempts{tail.lastError ? `: ${firstProblem(tail.lastError).message}` : '.'}{' '}
            <button type="button" className="font-medium underline underline-offset-2" onClick={stream.resume}>
              Resume
            </button>
          </InlineAlert>
        </div>
      ) : null}
      {store.dropped > 0 ? (
        <p className="mb-2 text-sm text-warning" role="note">
          Older records were dropped from view to keep at most {formatInteger(MAX_RECORDS)}: {formatInteger(store.dropped)} dropped so far.
        </p>
      ) : null}
      {missingLine ? (
        <div className="mb-2">
          <InlineAlert tone="info">The linked record is not among the records loaded for these filters and this time range.</InlineAlert>
        </div>
      ) : null}
      {selectedEntry ? (
        <div className="mb-2 flex flex-wrap items-center gap-2 rounded-md border border-accent bg-accent-soft px-3 py-1.5 text-sm">
          <span>
            Selected record: <time dateTime={selectedEntry.timestamp}>{formatLogTime(selectedEntry.timestamp)}</time> ({LOG_COMPONENT_LABELS[selectedEntry.component] ?? selectedEntry.component})
          </span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              const index = selectedSeq === null ? -1 : view.indexOfSeq(selectedSeq)
              if (index >= 0) listRef.current?.scrollToIndex(index)
            }}
          >
            Show it
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSearch({ line: undefined })}>
            Clear selection
          </Button>
        </div>
      ) : null}
      {stream.older.status === 'error' ? (
        <div className="mb-2">
          <InlineAlert tone="warning">
            Older records of this time range could not be loaded: {firstProblem(stream.older.error).message}{' '}
            <button type="button" className="font-medium underline underline-offset-2" onClick={stream.retryOlder}>
              Try again
            </button>
          </InlineAlert>
        </div>
      ) : null}
      {nothingShown && loadingOlder ? (
        <LoadingState label="Loading older log records…" />
      ) : nothingShown ? (
        <EmptyState
          title={store.size === 0 ? 'No log records in this time range' : 'No record matches these filters'}
          action={
            store.size > 0 ? (
              <Button size="sm" onClick={() => setSearch({ level: undefined, only: undefined, q: '' })}>
                Clear level and search
              </Button>
            ) : undefined
          }
        >
          <span id="nothing-shown">
            {store.size === 0 ? (live ? 'New records appear here as they arrive. ' : '') : ''}Copy and download need at least one shown record.
          </span>
        </EmptyState>
      ) : (
        <LogList
          ref={listRef}
          label={`Log records of ${releaseName}`}
          store={store}
          view={view}
          snapshot={snapshot}
          needle={needle}
          selectedId={search.line}
          currentIndex={currentIndex}
          follow={follow}
          onFollowChange={setFollow}
          permalinkFor={permalinkFor}
          onCopy={onCopy}
          onSelect={onSelect}
        />
      )}
      <p className="mt-2 text-xs text-muted">
        {formatInteger(snapshot.count)} shown of {formatInteger(store.size)} loaded
        {oldest ? ` · oldest ${formatLogTime(oldest.timestamp)}` : ''}
        {loadingOlder ? ' · loading older records…' : ''}
        {live && !follow ? ' · scrolled up: new records keep arriving below' : ''}
      </p>
    </>
  )
}

export function DeploymentLogsPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const [search, setSearch] = useSearchState(logSearchSchema)
  const { data, loading, error, refetch } = useQuery(DeploymentLogsContextQuery, { variables: { deploymentUuid: deploymentId } })
  const { platform } = usePlatformConfig(workspaceId)

  if (!data && loading) return <LoadingState label="Loading deployment…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const d = data.deployment
  const parsed = deploymentConfigSchema.safeParse(d.config)
  const components = logComponentsFor(platform, parsed.success ? parsed.data.executor : null, d.airflowVersion)
  const component = search.component && components.includes(search.component) ? search.component : undefined
  const effective = { ...search, component }

  return (
    <>
      <PageHeader
        title={isolated`${d.label}: logs`}
        description={
          <>
            Records of <code className="font-mono"><bdi>{d.releaseName}</bdi></code>, oldest first. Filters, search and the selected record live in the address, so a link shows the same view.
          </>
        }
      />
      {error ? <ErrorState error={error} title="The deployment could not be refreshed" onRetry={() => void refetch()} /> : null}
      <DeploymentEmbeds className="mb-4" workspaceId={workspaceId} deploymentId={d.id} releaseName={d.releaseName} only="kibana" />
      <div role="search" aria-label="Filter log records" className="mb-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Component</span>
          <select className={inputClasses} value={component ?? ''} onChange={(e) => setSearch({ component: e.target.value || undefined, line: undefined })}>
            <option value="">All components</option>
            {components.map((c) => (
              <option key={c} value={c}>
                {LOG_COMPONENT_LABELS[c] ?? c}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Level</span>
          <select className={inputClasses} value={search.level ?? ''} onChange={(e) => setSearch({ level: (e.target.value || undefined) as LogSearch['level'] })}>
            <option value="">All levels</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_OPTION_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Time range</span>
          <select
            className={inputClasses}
            value={search.range}
            onChange={(e) => {
              const range = e.target.value as RangeKey
              setSearch(range === 'custom' ? { range, from: new Date(Date.now() - 3_600_000).toISOString(), to: '' } : { range, from: '', to: '', line: undefined })
            }}
          >
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {RANGE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        {search.range === 'custom' ? (
          <CustomRange key={`${search.from}|${search.to}`} from={search.from} to={search.to} onApply={(from, to) => setSearch({ from, to })} />
        ) : null}
      </div>
      <LogsPanel
        key={`${d.id}|${component ?? ''}|${search.range}|${search.from}|${search.to}`}
        deploymentId={d.id}
        releaseName={d.releaseName}
        search={effective}
        setSearch={setSearch}
      />
    </>
  )
}
