// Helpers for the fake Houston's own tests: a fake clock, sign-in by email,
// and queries that either return data or the one error they were refused with.
import { readFileSync } from 'node:fs'
import type { ExecutionResult, GraphQLFormattedError } from 'graphql'
import { createHouston, type Houston, type HoustonOptions } from './index'

// Through a variable: under jsdom, Vite rewrites the literal
// `new URL('…', import.meta.url)` into an http:// asset URL that fs cannot read.
const here = import.meta.url
export const SDL = readFileSync(new URL('../../schema.graphql', here), 'utf8')

export const T0 = Date.parse('2025-06-02T09:00:00.000Z')

export function fakeClock(start = T0) {
  let t = start
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
  }
}

type Vars = Record<string, unknown>

export interface Client {
  token: string | null
  run(query: string, variables?: Vars): Promise<ExecutionResult>
  /** The data, or a thrown error listing what the server said. */
  data<T = Record<string, unknown>>(query: string, variables?: Vars): Promise<T>
  /** The single error the server refused with (fails when it answered). */
  error(query: string, variables?: Vars): Promise<GraphQLFormattedError & { code: unknown; field: unknown }>
}

export function clientOf(houston: Houston, token: string | null): Client {
  const run = (query: string, variables?: Vars) => houston.execute({ query, variables: variables ?? null, token })
  return {
    token,
    run,
    async data<T>(query: string, variables?: Vars) {
      const r = await run(query, variables)
      if (r.errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(r.errors.map((e) => e.toJSON()))}`)
      return r.data as T
    },
    async error(query: string, variables?: Vars) {
      const r = await run(query, variables)
      const first = r.errors?.[0]
      if (!first) throw new Error(`Expected an error, got ${JSON.stringify(r.data)}`)
      const json = first.toJSON()
      return { ...json, code: json.extensions?.code, field: json.extensions?.field }
    },
  }
}

export function testHouston(options: Partial<HoustonOptions> = {}) {
  const clock = fakeClock()
  const houston = createHouston({ sdl: SDL, now: clock.now, ...options })
  const signIn = async (identity: string, password = 'demo'): Promise<Client> => {
    const r = await houston.execute({
      query: 'mutation($i: String!, $p: String!) { createToken(identity: $i, password: $p) { token { value } } }',
      variables: { i: identity, p: password },
      token: null,
    })
    const data = r.data as { createToken: { token: { value: string } } } | null | undefined
    if (!data) throw new Error(`Sign-in of ${identity} failed: ${JSON.stringify(r.errors)}`)
    return clientOf(houston, data.createToken.token.value)
  }
  return { houston, clock, signIn, anonymous: clientOf(houston, null) }
}

export const Q = {
  workspaces: '{ workspaces { id label } }',
  workspace: 'query($id: Uuid!) { workspace(workspaceUuid: $id) { id label auQuota auUsed deploymentCount } }',
  deployment: `query($id: Uuid!) { deployment(deploymentUuid: $id) {
    id label description status releaseName airflowVersion desiredAirflowVersion config properties desiredConfig updatedAt
    urls { type url } environmentVariables { key value isSecret } viewerPermissions } }`,
  workspaceDeployments: 'query($ws: Uuid!) { workspaceDeployments(workspaceUuid: $ws) { id label releaseName status } }',
  createDeployment: `mutation($ws: Uuid!, $label: String!, $config: JSON, $properties: JSON, $version: String, $type: String! = "airflow") {
    createDeployment(workspaceUuid: $ws, type: $type, label: $label, config: $config, properties: $properties, version: $version) {
      id label releaseName status config properties desiredConfig airflowVersion updatedAt urls { type url } } }`,
  updateDeployment: `mutation($id: Uuid!, $payload: JSON, $config: JSON, $properties: JSON) {
    updateDeployment(deploymentUuid: $id, payload: $payload, config: $config, properties: $properties) {
      id label description status config properties desiredConfig updatedAt } }`,
}

/** Houston config for a sizing given in AU (what the console sends). */
export function celeryConfig(o: { scheduler?: number; webserver?: number; workers?: number; replicas?: number } = {}) {
  const res = (au: number) => ({ resources: { limits: { cpu: au * 100, memory: au * 384 } } })
  return {
    executor: 'CeleryExecutor',
    scheduler: res(o.scheduler ?? 5),
    webserver: res(o.webserver ?? 5),
    workers: { ...res(o.workers ?? 10), replicas: o.replicas ?? 1 },
  }
}
