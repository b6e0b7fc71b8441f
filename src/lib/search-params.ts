import { useCallback, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'

/** Params this page wrote, and the params it was showing when it wrote them. */
interface Written {
  rendered: URLSearchParams
  next: URLSearchParams
}

/**
 * Reads a page's search params through a schema whose fields each fall back
 * to a default (`.catch(...)`), so a bad or stale URL never breaks the page.
 *
 * A change shows at once: navigations are transitions, so the URL's new value
 * reaches the page a render later (longer on a busy page), and a field or a
 * checkbox bound to it would lag behind the hand. Until the router catches up
 * the page reads what it wrote; any other navigation (Back, a link) wins.
 */
export function useSearchState<S extends z.ZodObject>(schema: S) {
  const [params, setParams] = useSearchParams()
  // react-router hands a functional update the params of the last render, so
  // two changes before the next render (type, then click at once) would lose
  // the first: patches build on the newest params written, not the rendered ones.
  const latest = useRef<Written | null>(null)
  const [shown, setShown] = useState<Written | null>(null)
  const current = shown && shown.rendered === params ? shown.next : params
  const state = useMemo(() => schema.parse(Object.fromEntries(current)), [current, schema])
  const defaults = useMemo(() => schema.parse({}), [schema])
  const update = useCallback(
    (patch: Partial<z.infer<S>>) => {
      const base = latest.current?.rendered === params ? latest.current.next : params
      const next = new URLSearchParams(base)
      for (const [key, value] of Object.entries(patch)) {
        const isDefault = value === (defaults as Record<string, unknown>)[key]
        if (value === undefined || value === null || value === '' || isDefault) next.delete(key)
        else next.set(key, String(value))
      }
      latest.current = { rendered: params, next }
      setShown(latest.current)
      setParams(next, { replace: true })
    },
    [params, setParams, defaults],
  )
  return [state, update] as const
}
