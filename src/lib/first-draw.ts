import { useDeferredValue } from 'react'

/**
 * Whether what `ready` unlocks may be drawn: false in the render where `ready`
 * first turns true, true in the transition React schedules straight after.
 * An answer from Apollo renders synchronously, so a large page drawn from it
 * would take one long task; drawn in the transition, React renders it in
 * slices and leaves the browser free to paint between them. Show the loading
 * state while this is false. Later answers, with `ready` still true, draw at once.
 */
export function useDrawnInTransition(ready: boolean): boolean {
  return useDeferredValue(ready)
}
