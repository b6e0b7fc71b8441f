// The fake backend for Vitest: a fresh Houston behind MSW's Node interceptor.
//
//   const { houston, server } = createTestBackend()
//   beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
//   afterEach(() => { server.resetHandlers(); houston.reset() })
//   afterAll(() => server.close())
//   const token = await signIn(houston, 'admin@example.com')
import { setupServer } from 'msw/node'
import { createHandlers, type HandlerOptions } from './handlers'
import { createHouston, type Houston, type HoustonOptions } from './houston'
import { readSdl } from './sdl'

export interface TestBackendOptions extends HandlerOptions {
  seed?: HoustonOptions['seed']
  /** False: a platform without Astronomer Units (sized in CPU and memory). */
  auEnabled?: boolean
  /** The clock (ms) of Houston and of Prometheus; default Date.now. */
  now?: () => number
}

export function createTestBackend(opts: TestBackendOptions = {}) {
  const { seed, auEnabled, ...handlerOptions } = opts
  const houston = createHouston({ sdl: readSdl(), ...(seed ? { seed } : {}), ...(opts.now ? { now: opts.now } : {}), ...(auEnabled === undefined ? {} : { auEnabled }) })
  const server = setupServer(...createHandlers(houston, handlerOptions))
  return { houston, server }
}

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($identity: String!, $password: String!) {
    createToken(identity: $identity, password: $password) {
      token {
        value
      }
    }
  }
`

/** A bearer token for a seeded (or created) account; every seeded account's password is "demo". */
export async function signIn(houston: Houston, email: string, password = 'demo'): Promise<string> {
  const result = await houston.execute({ query: SIGN_IN, variables: { identity: email, password }, token: null })
  const data = result.data as { createToken?: { token?: { value?: unknown } | null } } | null | undefined
  const token = data?.createToken?.token?.value
  if (typeof token !== 'string') {
    throw new Error(`signIn(${email}) failed: ${result.errors?.map((e) => e.message).join('; ') ?? 'no token'}`)
  }
  return token
}
export { readSdl } from './sdl'
