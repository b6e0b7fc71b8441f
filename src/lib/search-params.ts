import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'

/**
 * Reads a page's search params through a schema whose fields each fall back
 * to a default (`.catch(...)`), so a bad or stale URL never breaks the page.
 */
export function useSearchState<S extends z.ZodObject>(schema: S) {
  const [params, setParams] = useSearchParams()
  const state = useMemo(() => schema.parse(Object.fromEntries(params)), [params, schema])
  const defaults = useMemo(() => schema.parse({}), [schema])
  const update = useCallback(
    (patch: Partial<z.infer<S>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [key, value] of Object.entries(patch)) {
            const isDefault = value === (defaults as Record<string, unknown>)[key]
            if (value === undefined || value === null || value === '' || isDefault) next.delete(key)
            else next.set(key, String(value))
          }
          return next
        },
        { replace: true },
      )
    },
    [setParams, defaults],
  )
  return [state, update] as const
}
