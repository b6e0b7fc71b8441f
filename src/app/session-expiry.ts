import type { ConsoleApolloClient } from '@/lib/apollo-client'
import { clearRegisteredCaches } from '@/lib/cache-registry'
import { writeSession } from '@/lib/session-store'
import type { AppNavigator } from './router'

/**
 * What happens when the server says the session is gone: forget the token and
 * every cache, then go to sign-in and come back to this page afterwards.
 * Several failing requests at once lead to one redirect.
 */
export function createExpiryHandler(getRouter: () => AppNavigator | null, getApollo: () => ConsoleApolloClient | null) {
  let redirecting = false
  return () => {
    const router = getRouter()
    const apollo = getApollo()
    if (redirecting || !router || !apollo) return
    redirecting = true
    // The session is asked for before the first render: its answer can come before the router knows where it is.
    void router.ready.then(() => {
      const { pathname, search, hash } = router.state.location
      // A refused sign-in is answered on the sign-in page itself.
      if (pathname === '/sign-in') {
        redirecting = false
        return
      }
      writeSession(null)
      clearRegisteredCaches()
      return apollo.clearStore().finally(() => {
        router.navigate(`/sign-in?returnTo=${encodeURIComponent(pathname + search + hash)}&reason=expired`, { replace: true })
        redirecting = false
      })
    })
  }
}
