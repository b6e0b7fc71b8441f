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
  return { ...backend, as: (email: string) => signIn(backend.houston, email) }
}
