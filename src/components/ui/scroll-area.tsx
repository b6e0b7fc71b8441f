import { type HTMLAttributes, useEffect, useLayoutEffect, useRef, useState } from 'react'

export interface ScrollAreaProps extends HTMLAttributes<HTMLDivElement> {
  /** The region's name while it scrolls; by default the caption of the table inside. */
  label?: string
}

interface Overflow {
  scrolls: boolean
  name: string
}

function measure(el: HTMLElement, label: string | undefined): Overflow {
  return {
    scrolls: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
    name: label ?? el.querySelector('caption')?.textContent.trim() ?? '',
  }
}

/**
 * A box that scrolls when its content (usually a wide table on a narrow
 * window) does not fit; its className says how (`overflow-x-auto`, …).
 * While it actually scrolls it is a named region in the tab order, so someone
 * on a keyboard can reach it and scroll it with the arrow keys (WCAG 2.1.1);
 * when everything fits it is a plain box and adds no tab stop.
 */
export function ScrollArea({ label, children, ...rest }: ScrollAreaProps) {
  const ref = useRef<HTMLDivElement>(null)
  const labelRef = useRef(label)
  const observer = useRef<ResizeObserver | null>(null)
  const [overflow, setOverflow] = useState<Overflow>({ scrolls: false, name: label ?? '' })

  const update = (el: HTMLElement) => {
    const next = measure(el, labelRef.current)
    setOverflow((prev) => (prev.scrolls === next.scrolls && prev.name === next.name ? prev : next))
  }

  // Measured once when mounted, then whenever the box or what it holds changes
  // size (rows arrived, a filter applied): never on a render by itself, which
  // would force a layout on every keystroke of a filter.
  useLayoutEffect(() => {
    const el = ref.current
    if (el) update(el)
  }, [])

  // The children may be new elements after a render: observing is idempotent and cheap.
  useEffect(() => {
    const el = ref.current
    if (!el) return
    labelRef.current = label
    if (!observer.current && typeof ResizeObserver !== 'undefined') observer.current = new ResizeObserver(() => update(el))
    observer.current?.observe(el)
    for (const child of el.children) observer.current?.observe(child)
  })

  useEffect(
    () => () => {
      observer.current?.disconnect()
      observer.current = null
    },
    [],
  )

  const { scrolls, name } = overflow
  return (
    // relative: visually hidden (absolutely positioned) cell text scrolls with the table instead of widening the page.
    <div ref={ref} {...rest} className={`relative ${rest.className ?? ''}`} {...(scrolls ? { role: 'region', 'aria-label': name || undefined, tabIndex: 0 } : {})}>
      {children}
    </div>
  )
}
