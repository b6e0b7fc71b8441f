import { useVirtualizer } from '@tanstack/react-virtual'
import { type Ref, useCallback, useImperativeHandle, useLayoutEffect, useRef } from 'react'
import { LogLine } from './log-line'
import type { LogRecord } from './log-model'
import type { LogStore, LogView, ViewSnapshot } from './log-store'

export interface LogListHandle {
  /** Scrolls a shown record into the middle of the list, and the list into the window; stops following the newest. */
  scrollToIndex(index: number): void
  /** Follows the newest records again. */
  jumpToNewest(): void
  /** The first shown index in sight. */
  firstVisibleIndex(): number
}

interface Props {
  store: LogStore
  view: LogView
  snapshot: ViewSnapshot
  needle: string
  selectedId: string | undefined
  /** Shown index of the current search match, if any. */
  currentIndex: number | undefined
  /** Whether the list keeps the newest record in sight as records arrive. */
  follow: boolean
  onFollowChange: (follow: boolean) => void
  permalinkFor: (record: LogRecord) => string
  onCopy: (record: LogRecord) => void
  onSelect: (record: LogRecord) => void
  ref?: Ref<LogListHandle>
  label: string
}

const LINE_PX = 20
/** Rows measured so far that are kept before pruning those of dropped records. */
const MAX_MEASURED = 5000
const ROW_PADDING_PX = 9

const atBottom = (el: HTMLElement): boolean => el.scrollHeight - el.scrollTop - el.clientHeight < 24

/**
 * Whether the reader has scrolled up, off the bottom, since the list was last at
 * `lastTop`. Rows dropped from the top can only pull the view down to the bottom,
 * and rows growing leave the position alone, so neither counts.
 */
const movedUpFromBottom = (el: HTMLElement, lastTop: number): boolean => !atBottom(el) && el.scrollTop < lastTop - 1

/**
 * The shown records, virtualised: only the rows in sight are in the DOM. While
 * following, the newest stays in view; a reader who scrolled up stays where they
 * are, even while the oldest records are dropped from the top.
 */
export function LogList({ store, view, snapshot, needle, selectedId, currentIndex, follow, onFollowChange, permalinkFor, onCopy, onSelect, ref, label }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const followRef = useRef(follow)
  followRef.current = follow
  const droppedRef = useRef(snapshot.droppedFromView)
  const addedRef = useRef(snapshot.addedInFront)
  const lastStarts = useRef<readonly { start: number }[]>([])
  const lastScrollTop = useRef(0)

  // Stable per view, so that a re-render without new records does not re-measure 100,000 rows.
  const estimateSize = useCallback((i: number) => (store.at(view.seqAt(i) ?? -1)?.lines ?? 1) * LINE_PX + ROW_PADDING_PX, [store, view])
  const getItemKey = useCallback((i: number) => view.seqAt(i) ?? `missing-${i}`, [view])
  const getScrollElement = useCallback(() => scrollRef.current, [])
  // The list re-renders on every store version anyway, so the compiler's memoisation is not missed here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: snapshot.count,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 12,
    useAnimationFrameWithResizeObserver: true,
    // Until the list is measured (and where nothing measures it, as in tests), assume a typical size.
    initialRect: { width: 1000, height: 600 },
    // Following, the list opens at the newest (the browser stops at the bottom). The virtualiser
    // scrolls to this whenever it attaches to the list again, as a development build's strict
    // mode has it do right after the first mount, before any scroll event: from the top, that
    // read as the reader having scrolled up, and the list stopped following.
    initialOffset: () => (followRef.current ? Number.MAX_SAFE_INTEGER : 0),
  })

  // While following, the newest is pinned in view after every render: the
  // virtualiser's compensation for rows measured above the view would only
  // move it away from the bottom. Otherwise it keeps the rows in sight still.
  useLayoutEffect(() => {
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) =>
      !followRef.current && item.start < (instance.scrollOffset ?? 0)
  }, [virtualizer])

  const scrollToIndex = useCallback(
    (index: number) => {
      followRef.current = false
      onFollowChange(false)
      // The list sits below the filters: in a short window its middle, where the
      // record lands, can be under the fold. Bring the whole list into sight first.
      scrollRef.current?.scrollIntoView({ block: 'nearest' })
      virtualizer.scrollToIndex(index, { align: 'center' })
    },
    [virtualizer, onFollowChange],
  )

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex,
      jumpToNewest: () => {
        followRef.current = true
        onFollowChange(true)
        const el = scrollRef.current
        if (el) el.scrollTop = el.scrollHeight
      },
      firstVisibleIndex: () => virtualizer.range?.startIndex ?? 0,
    }),
    [scrollToIndex, onFollowChange, virtualizer],
  )

  // After every render: keep the newest in view while following; otherwise hold the rows
  // in sight still when older rows were dropped from the top or arrived above them.
  useLayoutEffect(() => {
    const el = scrollRef.current
    const added = snapshot.addedInFront - addedRef.current
    const droppedNow = snapshot.droppedFromView - droppedRef.current
    addedRef.current = snapshot.addedInFront
    droppedRef.current = snapshot.droppedFromView
    // Rows above those in sight: fewer (dropped) or more (added in front; when both, the
    // dropped were the oldest of the added). The counts fall only when the view starts over.
    const netDropped = added < 0 || droppedNow < 0 ? 0 : droppedNow - added
    if (el && followRef.current && movedUpFromBottom(el, lastScrollTop.current)) {
      // The reader scrolled up and records arrived before the scroll event did:
      // the reader wins, and the event, when it comes, finds them already not following.
      followRef.current = false
      lastScrollTop.current = el.scrollTop
      onFollowChange(false)
    } else if (el && followRef.current) {
      el.scrollTop = el.scrollHeight
      lastScrollTop.current = el.scrollTop
    } else if (el && netDropped > 0) {
      const removed = lastStarts.current[netDropped]?.start ?? netDropped * (LINE_PX + ROW_PADDING_PX)
      el.scrollTop = Math.max(0, el.scrollTop - removed)
    } else if (el && netDropped < 0) {
      // The rows in sight moved down by the height of the rows now above them.
      const above = -netDropped
      el.scrollTop += virtualizer.measurementsCache[above]?.start ?? above * (LINE_PX + ROW_PADDING_PX)
    }
    lastStarts.current = virtualizer.measurementsCache
    // Measured sizes are kept per record: forget those of records no longer held, so memory stays bounded.
    const sizes = virtualizer.itemSizeCache
    const first = view.seqAt(0)
    if (first !== undefined && sizes.size > 4 * MAX_MEASURED) {
      for (const key of sizes.keys()) if (typeof key === 'number' && key < first) sizes.delete(key)
    }
  })

  const onScroll = () => {
    const el = scrollRef.current
    if (!el) return
    const wentUp = movedUpFromBottom(el, lastScrollTop.current)
    lastScrollTop.current = el.scrollTop
    if (atBottom(el) && !followRef.current) {
      followRef.current = true
      onFollowChange(true)
    } else if (!atBottom(el) && followRef.current) {
      // Only a reader moving up stops the follow. A scroll that leaves the
      // bottom behind without going up is rows growing under the view (as
      // they are measured, or as records arrive): keep the newest in sight.
      if (wentUp) {
        followRef.current = false
        onFollowChange(false)
      } else el.scrollTop = el.scrollHeight
    }
  }

  const items = virtualizer.getVirtualItems()
  return (
    <div
      ref={scrollRef}
      onScroll={onScroll}
      // Keyboard users scroll the list with the arrow keys once it has focus.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={label}
      className="h-[65vh] min-h-72 overflow-auto rounded-lg border border-border bg-surface [overflow-anchor:none]"
    >
      <div role="list" aria-label="Log records" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const entry = store.at(view.seqAt(item.index) ?? -1)
          if (!entry) return null
          return (
            <div
              key={item.key}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={snapshot.count}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              <LogLine
                record={entry}
                needle={needle}
                selected={entry.id === selectedId}
                current={item.index === currentIndex}
                permalink={permalinkFor(entry)}
                onCopy={onCopy}
                onSelect={onSelect}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
