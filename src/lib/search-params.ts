import { useCallback, useMemo, useRef } from 'react'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'

/**
 * Reads a page's search params through a schema whose fields each fall back
 * to a default (`.catch(...)`), so a bad or stale URL never breaks the page.
 */
export function useSearchState<S extends z.ZodObject>(schema: S) {
  const [params, setParams] = useSearchParams()
  // react-router hands a functional update the params of the last render, so
  // two changes before the next render (type, then click at once) would lose
  // the first: patches build on the newest params written, not the rendered ones.
  const latest = useRef<{ rendered: URLSearchParams; written: URLSearchParams } | null>(null)
  const state = useMemo(() => schema.parse(Object.fromEntries(params)), [params, schema])
  const defaults = useMemo(() => schema.parse({}), [schema])
  const update = useCallback(
    (patch: Partial<z.infer<S>>) => {
      const base = latest.current?.rendered === params ? latest.current.written : params
      const next = new URLSearchParams(base)
      for (const [key, value] of Object.entries(patch)) {
        const isDefault = value === (defaults as Record<string, unknown>)[key]
        if (value === undefined || value === null || value === '' || isDefault) next.delete(key)
        else next.set(key, String(value))
      }
      latest.current = { rendered: params, written: next }
      setParams(next, { replace: true })
    },
    [params, setParams, defaults],
  )
  return [state, update] as const
}
