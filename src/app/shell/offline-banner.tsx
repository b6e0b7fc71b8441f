import { useApolloClient } from '@apollo/client/react'
import { useEffect, useSyncExternalStore } from 'react'

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/**
 * Says when the browser is offline, and once it is back asks again for every
 * query on the screen: what failed meanwhile recovers, and what changed
 * elsewhere shows, without a reload. (TanStack Query refetches by itself on
 * reconnect; Apollo Client does not.)
 */
export function OfflineBanner() {
  const client = useApolloClient()
  const online = useSyncExternalStore(subscribe, () => navigator.onLine, () => true)

  useEffect(() => {
    const refresh = () => {
      // A query that fails again shows its own error state; nothing to add here.
      client.refetchObservableQueries().catch(() => undefined)
    }
    window.addEventListener('online', refresh)
    return () => window.removeEventListener('online', refresh)
  }, [client])

  // The live region stays in the page so that screen readers announce what is put in it.
  return (
    <div role="status">
      {online ? null : (
        <p className="border-b border-warning bg-warning-soft px-4 py-2 text-sm">
          You are offline. What you see may be out of date; changes cannot be saved until the connection is back. The console reconnects by itself.
        </p>
      )}
    </div>
  )
}
