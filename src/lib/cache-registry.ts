// Caches that must be emptied when the session ends, so the next person on
// this browser sees nothing of the last. A cache registers itself when it is
// created; the entry does not need to load the library behind it to clear it.

const clearers = new Set<() => void>()

/** Registers a cache's clear; returns a function that unregisters it. */
export function registerCache(clear: () => void): () => void {
  clearers.add(clear)
  return () => clearers.delete(clear)
}

export function clearRegisteredCaches(): void {
  for (const clear of clearers) clear()
}
