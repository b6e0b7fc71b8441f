import { afterAll, afterEach, beforeAll } from 'vitest'
import { createTestBackend, signIn } from '../../mocks/node'

/**
 * One fake Houston behind MSW for a test file, reset after every test.
 * `as(email)` signs a seeded account in and returns its token.
 */
export function useTestBackend() {
  const backend = createTestBackend()
  beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    backend.server.resetHandlers()
    backend.houston.reset()
  })
  afterAll(() => backend.server.close())
  return { ...backend, as: (email: string) => signIn(backend.houston, email) }
}
