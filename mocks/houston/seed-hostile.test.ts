import { describe, expect, test } from 'vitest'
import { HOSTILE, HOSTILE_EMAILS, HOSTILE_STRINGS } from '../hostile'
import { createHouston } from './index'
import { SEED_IDS, seedState } from './seed'
import { HOSTILE_ENV_KEY, HOSTILE_LOG_EVERY, HOSTILE_SEED } from './seed-hostile'
import { decodeSnapshot, encodeSnapshot } from './state'
import { Q, SDL, T0, testHouston } from './test-utils'
import { DESCRIPTION_MAX, LABEL_MAX } from './validate'

describe('the hostile corpus', () => {
  test('holds each kind of string the console must survive', () => {
    expect(HOSTILE.unbroken).toHaveLength(10_000)
    expect(HOSTILE.unbroken).not.toMatch(/\s/)
    expect(HOSTILE.words.length).toBeLessThanOrEqual(DESCRIPTION_MAX)
    expect(HOSTILE.words.length).toBeGreaterThan(DESCRIPTION_MAX - 20)
    expect(HOSTILE.rtl).toContain('\u202E')
    expect(HOSTILE.zeroWidth).toMatch(/\u200B/)
    expect(HOSTILE.whitespace).toMatch(/\n/)
    expect(HOSTILE.whitespace).toMatch(/\t/)
    for (const [, value] of HOSTILE_STRINGS) expect(value).toBe(value.trim())
  })
})

describe('the hostile seed', () => {
  const state = seedState('hostile', T0)

  test('is deterministic and survives a snapshot', () => {
    expect(JSON.stringify(seedState('hostile', T0))).toBe(JSON.stringify(state))
    expect(decodeSnapshot(encodeSnapshot(state), 'hostile')).toEqual(state)
    expect(decodeSnapshot(encodeSnapshot(state), 'demo')).toBeNull()
  })

  test('keeps the demo seed\'s ids, so the seeded accounts and deep links still work', () => {
    const demo = seedState('demo', T0)
    expect(Object.keys(state.workspaces)).toEqual(Object.keys(demo.workspaces))
    expect(Object.keys(state.deployments)).toEqual(Object.keys(demo.deployments))
    expect(state.deployments[SEED_IDS.customerEtl]?.label).toBe(HOSTILE.script)
  })

  test('stays within what the backend itself would accept', () => {
    const labels = [
      ...Object.values(state.workspaces).map((w) => w.label),
      ...Object.values(state.deployments).map((d) => d.label),
      ...Object.values(state.teams).map((t) => t.name),
      ...Object.values(state.serviceAccounts).map((a) => a.label),
    ]
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(LABEL_MAX)
    const descriptions = [...Object.values(state.workspaces), ...Object.values(state.deployments), ...Object.values(state.teams)].map((r) => r.description ?? '')
    for (const description of descriptions) expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX)
    expect(labels).toContain('W'.repeat(LABEL_MAX))
  })

  test('serves every corpus string through the API, the markup untouched', async () => {
    const { signIn } = testHouston({ seed: 'hostile' })
    const admin = await signIn('admin@example.com')
    const served = JSON.stringify([
      await admin.data('{ workspaces { label description } }'),
      await admin.data('{ deployments { label description } }'),
      await admin.data('{ users { username fullName emails { address } } }'),
      await admin.data('{ teams { name description } }'),
      await admin.data('query($ws: Uuid!) { workspaceServiceAccounts(workspaceUuid: $ws) { label category } workspaceInvites(workspaceUuid: $ws) { email } }', { ws: SEED_IDS.dataPlatform }),
      await admin.data(Q.deployment, { id: SEED_IDS.customerEtl }),
      await admin.data('query($id: Uuid!) { deployRevisions(deploymentUuid: $id, take: 4) { author description } }', { id: SEED_IDS.customerEtl }),
    ])
    for (const [name, value] of HOSTILE_STRINGS) expect(served.includes(JSON.stringify(value).slice(1, -1)), name).toBe(true)
    const { template, ...seeded } = HOSTILE_EMAILS
    for (const email of Object.values(seeded)) expect(served).toContain(JSON.stringify(email).slice(1, -1))
    // Left out of the seed so that the e2e run can invite it.
    expect(served).not.toContain(JSON.stringify(template).slice(1, -1))
    expect(served).toContain(HOSTILE_ENV_KEY)
  })

  test('sends a javascript: URL as one deployment\'s Airflow UI link, and only under this seed', async () => {
    const read = async (seed: 'demo' | 'hostile') => {
      const { signIn } = testHouston({ seed })
      const admin = await signIn('admin@example.com')
      const { deployment } = await admin.data<{ deployment: { urls: { type: string; url: string }[] } }>(Q.deployment, { id: HOSTILE_SEED.airflowUrl.deploymentId })
      return deployment.urls.find((u) => u.type === 'airflow')?.url
    }
    expect(await read('hostile')).toBe(HOSTILE.javascriptUrl)
    expect(await read('demo')).toMatch(/^https:\/\//)
  })

  test('puts corpus strings in about one log line in four, only under this seed', async () => {
    const messages = async (seed: 'demo' | 'hostile') => {
      const { signIn } = testHouston({ seed })
      const admin = await signIn('admin@example.com')
      const { logs } = await admin.data<{ logs: { message: string }[] }>('query($id: Uuid!) { logs(deploymentUuid: $id) { message } }', { id: SEED_IDS.customerEtl })
      return logs.map((l) => l.message)
    }
    const hostile = await messages('hostile')
    const seasoned = hostile.filter((m) => HOSTILE_STRINGS.some(([, value]) => m.endsWith(` ${value}`)))
    expect(seasoned.length / hostile.length).toBeGreaterThan(1 / HOSTILE_LOG_EVERY / 2)
    expect(seasoned.length / hostile.length).toBeLessThan(2 / HOSTILE_LOG_EVERY)
    for (const [name, value] of HOSTILE_STRINGS) expect(seasoned.some((m) => m.endsWith(` ${value}`)), name).toBe(true)
    const demo = await messages('demo')
    expect(demo.some((m) => m.includes(HOSTILE.unbroken))).toBe(false)
  })

  test('refuses, with a reason, the hostile strings the rules do not allow', async () => {
    const { signIn } = testHouston({ seed: 'hostile' })
    const admin = await signIn('admin@example.com')
    const tooLong = await admin.error('mutation($l: String!) { createWorkspace(label: $l) { id } }', { l: HOSTILE.unbroken })
    expect(tooLong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' })
    expect(tooLong.message).toMatch(/at most 100 characters/)
    const created = await admin.data<{ createWorkspace: { label: string; description: string } }>(
      'mutation($l: String!, $d: String) { createWorkspace(label: $l, description: $d) { label description } }',
      { l: HOSTILE.svgBreakout, d: HOSTILE.whitespace },
    )
    expect(created.createWorkspace).toEqual({ label: HOSTILE.svgBreakout, description: HOSTILE.whitespace })
  })

  test('the demo seed stays free of the corpus', () => {
    const demo = JSON.stringify(createHouston({ sdl: SDL, now: () => T0 }).snapshot())
    expect(demo).not.toContain('__pwned')
  })
})
