// `npm run mock-api`: the fake backend on 127.0.0.1:$PORT (default 8871).
//
//   SEED=large                    the large seed (1,000 deployments, 10,000 users)
//   SEED=hostile                  the demo seed with hostile strings in every text field (mocks/hostile.ts)
//   HOUSTON_AU=off                a platform without Astronomer Units (sized in CPU and memory)
//   HOUSTON_LATENCY_MS=300        delay every answer
//   HOUSTON_TEST_HOOKS=1          POST /__test/reset, POST /__test/drop-sockets
//   HOUSTON_SUBSCRIPTION_MAX_S=600  end each subscription after this long
import { startMockServer } from './app'

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`)
  return n
}

const port = numberFromEnv('PORT', 8871)
const server = await startMockServer({
  port,
  seed: process.env.SEED === 'large' || process.env.SEED === 'hostile' ? process.env.SEED : 'demo',
  auEnabled: process.env.HOUSTON_AU !== 'off',
  latencyMs: numberFromEnv('HOUSTON_LATENCY_MS', 0),
  testHooks: process.env.HOUSTON_TEST_HOOKS === '1',
  subscriptionMaxMs: numberFromEnv('HOUSTON_SUBSCRIPTION_MAX_S', 600) * 1000,
})

console.log(`Fake Houston listening on ${server.url} (GraphQL /v1, subscriptions /ws)`)

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
