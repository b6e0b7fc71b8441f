import { type RefObject, useEffect } from 'react'

export const CONSOLE_NAME = 'Airflow Platform Console'

/**
 * The heading's text as the tab would show it: each name the heading isolates in a `<bdi>` (see isolated``)
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text equivalent, so that a name with
 * a right-to-left override cannot turn the words after it around in the tab either.
 */
export function headingText(heading: Node): string {
  let out = ''
  for (const node of heading.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? ''
    else if (node.nodeName === 'BDI') out += `\u2068${node.textContent ?? ''}\u2069`
    else out += headingText(node)
  }
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * Names the browser tab after the page's h1 ("Customer ETL: logs · Airflow Platform Console"), so that tabs,
 * history and bookmarks say which page each is, and assistive technology announces it (WCAG 2.4.2). Read after
 * every render, as the heading changes with what loads; back to the console's name when the heading goes.
 */
export function useHeadingAsTitle(heading: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const text = heading.current ? headingText(heading.current) : ''
    const title = text ? `${text} · ${CONSOLE_NAME}` : CONSOLE_NAME
    if (document.title !== title) document.title = title
  })
  useEffect(
    () => () => {
      document.title = CONSOLE_NAME
    },
    [],
  )
}
