import { graphql } from 'msw'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createTestBackend, signIn, type TestBackendOptions } from '../../mocks/node'

/**
 * One fake Houston behind MSW for a test file, reset after every test.
 * `as(email)` signs a seeded account in and returns its token.
 * `useTestBackend({ seed: 'large' })` for lists at scale (10,000 more users, 1,000 deployments).
 */
export function useTestBackend(options: TestBackendOptions = {}) {
  const backend = createTestBackend(options)
  beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    backend.server.resetHandlers()
    backend.houston.reset()
  })
  afterAll(() => backend.server.close())
  /**
   * Holds every request of one operation until `release()`, then lets the
   * fake backend answer it; `sent` counts the requests (for double submits).
   */
  const hold = (operationName: string) => {
    let sent = 0
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    backend.server.use(
      graphql.operation(async ({ operationName: name }) => {
        if (name !== operationName) return undefined
        sent += 1
        await released
        return undefined
      }),
    )
    return {
      get sent() {
        return sent
      },
      release: () => release(),
    }
  }
  return { ...backend, hold, as: (email: string) => signIn(backend.houston, email) }
}
