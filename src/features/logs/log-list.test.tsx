import { act, fireEvent, render, screen } from '@testing-library/react'
import { StrictMode, useState, useSyncExternalStore } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LogList } from './log-list'
import { filterFromSearch, logSearchSchema, type LogRecord } from './log-model'
import { LogStore, LogView } from './log-store'

const rec = (n: number): LogRecord => ({
  id: `r-${n}`,
  timestamp: new Date(Date.UTC(2024, 4, 1, 12) + n * 1000).toISOString(),
  component: 'scheduler',
  level: 'INFO',
  message: `record ${n}`,
})
const batch = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => rec(from + i))

const ROW_PX = 29
const VIEW_PX = 580

/** A list that follows like the logs page does, with the follow state its own. */
function Harness({ store, view }: { store: LogStore; view: LogView }) {
  const snapshot = useSyncExternalStore(store.subscribe, () => view.sync(store))
  const [follow, setFollow] = useState(true)
  return (
    <>
      <p>{follow ? 'Following' : 'Scrolled up'}</p>
      <LogList
        store={store}
        view={view}
        snapshot={snapshot}
        needle=""
        selectedId={undefined}
        currentIndex={undefined}
        follow={follow}
        onFollowChange={setFollow}
        permalinkFor={(r) => `#${r.id}`}
        onCopy={() => {}}
        onSelect={() => {}}
        label="Log records of test"
      />
    </>
  )
}

/** jsdom lays nothing out: give the list a browser's scroll geometry, its height from the records held. */
function withGeometry(el: HTMLElement, store: LogStore) {
  let top = 0
  const max = () => Math.max(0, store.size * ROW_PX - VIEW_PX)
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => store.size * ROW_PX })
  Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => VIEW_PX })
  Object.defineProperty(el, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (v: number) => {
      top = Math.min(Math.max(0, v), max())
    },
  })
  return { bottom: max }
}

function setup() {
  const store = new LogStore()
  store.append(batch(0, 100))
  const view = new LogView(filterFromSearch(logSearchSchema.parse({}), null))
  render(<Harness store={store} view={view} />)
  const region = screen.getByRole('region', { name: 'Log records of test' })
  const geometry = withGeometry(region, store)
  // Following: the newest in sight.
  region.scrollTop = geometry.bottom()
  fireEvent.scroll(region)
  return { store, region, geometry }
}

describe('LogList following the newest', () => {
  it('keeps the newest in sight as records arrive', () => {
    const { store, region, geometry } = setup()
    act(() => {
      store.append(batch(100, 120))
    })
    expect(region.scrollTop).toBe(geometry.bottom())
    expect(screen.getByText('Following')).toBeInTheDocument()
  })

  it('lets a reader who scrolled up stay there even when records arrive before the scroll event', () => {
    const { store, region } = setup()
    // The reader drags the scroll bar to the top; the browser has not yet sent the scroll event...
    region.scrollTop = 0
    // ...when new records render.
    act(() => {
      store.append(batch(100, 120))
    })
    expect(region.scrollTop).toBe(0)
    expect(screen.getByText('Scrolled up')).toBeInTheDocument()
    // The late scroll event changes nothing.
    fireEvent.scroll(region)
    expect(region.scrollTop).toBe(0)
    expect(screen.getByText('Scrolled up')).toBeInTheDocument()
  })

  it('follows again once the reader scrolls back to the bottom', () => {
    const { store, region, geometry } = setup()
    region.scrollTop = 0
    fireEvent.scroll(region)
    expect(screen.getByText('Scrolled up')).toBeInTheDocument()
    act(() => {
      store.append(batch(100, 120))
    })
    expect(region.scrollTop).toBe(0)
    region.scrollTop = geometry.bottom()
    fireEvent.scroll(region)
    expect(screen.getByText('Following')).toBeInTheDocument()
  })

  it('holds the reader in place when older records arrive above the rows in sight', () => {
    const { store, region } = setup()
    region.scrollTop = 40 * ROW_PX
    fireEvent.scroll(region)
    expect(screen.getByText('Scrolled up')).toBeInTheDocument()
    act(() => {
      store.append(batch(-50, 0))
    })
    // Fifty rows came in above: the same rows are in sight, fifty rows further down.
    expect(region.scrollTop).toBe(90 * ROW_PX)
    expect(screen.getByText('Scrolled up')).toBeInTheDocument()
  })

  it('keeps the newest in sight when older records arrive above', () => {
    const { store, region, geometry } = setup()
    act(() => {
      store.append(batch(-50, 0))
    })
    expect(region.scrollTop).toBe(geometry.bottom())
    expect(screen.getByText('Following')).toBeInTheDocument()
  })

  describe('in a development build', () => {
    const scrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo')
    afterEach(() => {
      vi.restoreAllMocks()
      if (scrollTo) Object.defineProperty(Element.prototype, 'scrollTo', scrollTo)
      else Reflect.deleteProperty(Element.prototype, 'scrollTo')
    })

    it('opens at the newest although strict mode attaches the list twice', () => {
      const store = new LogStore()
      store.append(batch(0, 100))
      const view = new LogView(filterFromSearch(logSearchSchema.parse({}), null))
      // The geometry must be there from the first layout effect on: the virtualiser scrolls as it attaches.
      const max = () => Math.max(0, store.size * ROW_PX - VIEW_PX)
      const tops = new WeakMap<Element, number>()
      const isList = (el: Element) => el.getAttribute('role') === 'region'
      vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
        return isList(this) ? store.size * ROW_PX : 0
      })
      vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
        return isList(this) ? VIEW_PX : 0
      })
      vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
        return tops.get(this) ?? 0
      })
      vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (this: Element, v: number) {
        tops.set(this, Math.min(Math.max(0, v), isList(this) ? max() : 0))
      })
      Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
        if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top
      }
      render(
        <StrictMode>
          <Harness store={store} view={view} />
        </StrictMode>,
      )
      const region = screen.getByRole('region', { name: 'Log records of test' })
      fireEvent.scroll(region)
      expect(region.scrollTop).toBe(max())
      expect(screen.getByText('Following')).toBeInTheDocument()
      act(() => {
        store.append(batch(100, 120))
      })
      expect(region.scrollTop).toBe(max())
    })
  })
})
