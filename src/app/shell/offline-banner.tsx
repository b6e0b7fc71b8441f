import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine, () => true)
  if (online) return null
  return (
    <div role="status" className="border-b border-warning bg-warning-soft px-4 py-2 text-sm">
      You are offline. What you see may be out of date; changes cannot be saved until the connection is back. The console reconnects by itself.
    </div>
  )
}
