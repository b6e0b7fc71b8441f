// The fake Houston: an in-memory, strict implementation of schema.graphql.
// One instance serves the browser demo (through MSW), the unit tests and the
// e2e mock server alike.
import {
  type ExecutionResult,
  execute as executeGraphql,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  parse,
  validate,
} from 'graphql'
import { authenticate } from './auth'
import type { HoustonContext } from './context'
import { buildHoustonSchema } from './schema'
import { seedState } from './seed'
import { decodeSnapshot, encodeSnapshot, type PlatformSettings, type SeedName } from './state'
import { Store } from './store'

export type { HoustonContext } from './context'

export interface HoustonOptions {
  /** The text of schema.graphql (callers load it: Vite ?raw in the browser, fs in Node). */
  sdl: string
  /** 'large' adds a workspace "Scale Lab" with 1,000 deployments and 10,000 extra users. */
  seed?: SeedName
  /** Clock, ms since epoch (default Date.now); everything time-based uses it. */
  now?: () => number
  /** State from a previous snapshot() to restore; ignored if invalid or of another version or seed. */
  snapshot?: string | null
  /**
   * False: the platform offers no Astronomer Units (deployments are sized in
   * CPU and memory, quotas count CPU and memory). Default: what a restored
   * snapshot had, else true.
   */
  auEnabled?: boolean
}

export interface Houston {
  /** Executable: resolvers attached. */
  schema: GraphQLSchema
  contextFor(token: string | null): HoustonContext
  execute(req: {
    query: string
    variables?: Record<string, unknown> | null
    operationName?: string | null
    token: string | null
  }): Promise<ExecutionResult>
  /** JSON of the whole state, versioned. */
  snapshot(): string
  /** Back to the seed. */
  reset(): void
}

/** Gives an error without a code the one that fits where it came from. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  // A variable that failed coercion: the variable is the field it concerns.
  const variable = error.path ? undefined : /^Variable "\$(\w+)"/.exec(error.message)?.[1]
  if (typeof error.extensions.code === 'string' && (!variable || error.extensions.field !== undefined)) return error
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions: { code, ...error.extensions, ...(variable ? { field: variable } : {}) },
  })
}

export function createHouston(options: HoustonOptions): Houston {
  const now = options.now ?? Date.now
  const seed = options.seed ?? 'demo'
  const settingsOf = (stored?: PlatformSettings): PlatformSettings => ({ auEnabled: options.auEnabled ?? stored?.auEnabled ?? true })
  const restored = decodeSnapshot(options.snapshot, seed)
  const store = new Store(restored ? { ...restored, settings: settingsOf(restored.settings) } : seedState(seed, now(), settingsOf()), now)
  const schema = buildHoustonSchema(options.sdl)

  const contextFor = (token: string | null): HoustonContext => ({
    store,
    now,
    ...authenticate(store, token, now()),
  })

  return {
    schema,
    contextFor,

    async execute({ query, variables, operationName, token }) {
      let document
      try {
        document = parse(query)
      } catch (error) {
        const e = error instanceof GraphQLError ? error : new GraphQLError(String(error))
        return { errors: [withCode(e, 'GRAPHQL_PARSE_FAILED')] }
      }
      const invalid = validate(schema, document)
      if (invalid.length > 0) return { errors: invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')) }
      if (getOperationAST(document, operationName)?.operation === OperationTypeNode.SUBSCRIPTION) {
        return {
          errors: [
            withCode(
              new GraphQLError('Subscriptions are served over WebSocket: use graphql subscribe() with schema and contextFor().'),
              'BAD_REQUEST',
            ),
          ],
        }
      }
      const result = await executeGraphql({
        schema,
        document,
        variableValues: variables ?? null,
        operationName: operationName ?? null,
        contextValue: contextFor(token),
      })
      if (!result.errors) return result
      // Errors of variable coercion have no path; any other uncoded error is a bug of ours.
      return {
        ...result,
        errors: result.errors.map((e) => withCode(e, e.path ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT')),
      }
    },

    snapshot: () => encodeSnapshot(store.state),
    reset: () => store.replace(seedState(seed, now(), settingsOf(store.state.settings))),
  }
}
