import { type ExecutionResult, parse, subscribe } from 'graphql'
import { describe, expect, test } from 'vitest'
import { stableId } from './random'
import { SEED_IDS } from './seed'
import { T0, testHouston } from './test-utils'

const LOGS = `query($d: Uuid!, $c: String, $t: DateTime, $s: String) {
  logs(deploymentUuid: $d, component: $c, timestamp: $t, search: $s) { id timestamp release component level message } }`
const since = new Date(T0 - 30_000).toISOString()

type Log = { id: string; timestamp: string; release: string; component: string; level: string; message: string }

describe('logs', () => {
  test("returns the deployment's records since a time, oldest first", async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const { logs } = await viewer.data<{ logs: Log[] }>(LOGS, { d: SEED_IDS.customerEtl, t: since })
    expect(logs.length).toBeGreaterThan(10)
    const release = logs[0]?.release
    expect(logs.every((l) => l.release === release && l.timestamp > since && Date.parse(l.timestamp) <= T0)).toBe(true)
    expect(logs.map((l) => l.timestamp)).toEqual([...logs.map((l) => l.timestamp)].sort())
    expect(new Set(logs.map((l) => l.component))).toEqual(new Set(['scheduler', 'webserver', 'workers', 'triggerer']))
  })

  test('filters by component and search; deploymentLogs is the same query', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const { logs } = await viewer.data<{ logs: Log[] }>(LOGS, { d: SEED_IDS.customerEtl, t: since, c: 'scheduler' })
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.every((l) => l.component === 'scheduler')).toBe(true)
    const word = logs[0]?.message.split(/\s+/).find((w) => /^[a-z]{5,}$/i.test(w)) ?? 'INFO'
    const searched = await viewer.data<{ logs: Log[] }>(LOGS, { d: SEED_IDS.customerEtl, t: since, s: word })
    expect(searched.logs.length).toBeGreaterThan(0)
    expect(searched.logs.every((l) => l.message.toLowerCase().includes(word.toLowerCase()))).toBe(true)
    const same = await viewer.data<{ deploymentLogs: Log[] }>(LOGS.replace('logs(', 'deploymentLogs('), { d: SEED_IDS.customerEtl, t: since, s: word })
    expect(same.deploymentLogs).toEqual(searched.logs)
  })

  test('a component the deployment does not run is refused', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    // Data Quality Checks runs the LocalExecutor: no workers.
    const e = await viewer.error(LOGS, { d: stableId('deployment:data-quality'), c: 'workers' })
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'component' })
  })

  test('needs deployment.logs.get', async () => {
    const { signIn } = testHouston()
    const newbie = await signIn('newbie@example.com')
    const e = await newbie.error(LOGS, { d: SEED_IDS.customerEtl })
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toMatch(/deployment\.logs\.get/)
  })
})

describe('log subscription', () => {
  const LOG = 'subscription($d: Uuid!, $t: DateTime) { log(deploymentUuid: $d, timestamp: $t) { id timestamp component } }'

  async function open(houston: ReturnType<typeof testHouston>['houston'], token: string | null) {
    return subscribe({
      schema: houston.schema,
      document: parse(LOG),
      variableValues: { d: SEED_IDS.customerEtl, t: since },
      contextValue: houston.contextFor(token),
    })
  }

  test('streams records as { log } events and stops when the client leaves', async () => {
    const { houston, signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const stream = await open(houston, viewer.token)
    if (!(Symbol.asyncIterator in stream)) throw new Error(`Expected a stream, got ${JSON.stringify(stream)}`)
    const first = await stream.next()
    const second = await stream.next()
    const a = (first.value as ExecutionResult<{ log: Log }>).data?.log
    const b = (second.value as ExecutionResult<{ log: Log }>).data?.log
    expect(a?.timestamp && b?.timestamp && a.timestamp < b.timestamp).toBe(true)
    await stream.return?.()
    expect((await stream.next()).done).toBe(true)
  })

  test('refuses the unauthenticated and those without deployment.logs.get', async () => {
    const { houston, signIn } = testHouston()
    const anonymous = (await open(houston, null)) as ExecutionResult
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED')
    const newbie = await signIn('newbie@example.com')
    const refused = (await open(houston, newbie.token)) as ExecutionResult
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN')
  })
})

describe('logs until', () => {
  test('ends the window at `until` (inclusive), so a fixed range finds the same records later', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const until = new Date(T0 - 10_000).toISOString()
    const LOGS_UNTIL = LOGS.replace('$s: String)', '$s: String, $u: DateTime)').replace('search: $s)', 'search: $s, until: $u)')
    const { logs } = await viewer.data<{ logs: Log[] }>(LOGS_UNTIL, { d: SEED_IDS.customerEtl, t: since, u: until })
    expect(logs.length).toBeGreaterThan(10)
    expect(logs.every((l) => l.timestamp > since && l.timestamp <= until)).toBe(true)
    const all = await viewer.data<{ logs: Log[] }>(LOGS, { d: SEED_IDS.customerEtl, t: since })
    expect(all.logs.filter((l) => l.timestamp <= until)).toEqual(logs)
  })

  test('refuses a timestamp that is not a date', async () => {
    const { signIn } = testHouston()
    const viewer = await signIn('viewer@example.com')
    const e = await viewer.error(LOGS, { d: SEED_IDS.customerEtl, t: 'yesterday' })
    expect(e.code).toBe('BAD_USER_INPUT')
  })
})
