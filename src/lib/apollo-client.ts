import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client'
import { ErrorLink } from '@apollo/client/link/error'
import { RetryLink } from '@apollo/client/link/retry'
import { getMainDefinition } from '@apollo/client/utilities'
import { Kind } from 'graphql'
import { defer, from, switchMap } from 'rxjs'
import { hasCode, isTransient } from './graphql-errors'
import type { ResolvedConfig } from './runtime-config'
import { currentToken } from './session-store'

function operationKind(query: ApolloLink.Operation['query']): string {
  const def = getMainDefinition(query)
  return def.kind === Kind.OPERATION_DEFINITION ? def.operation : 'fragment'
}

export interface ApolloClientOptions {
  /** Called when the server says the token is missing or expired. */
  onUnauthenticated: () => void
}

export function createApolloClient(config: ResolvedConfig, options: ApolloClientOptions) {
  // Synchronous (SetContextLink waits a microtask): a request leaves while the render that asked for it is still running.
  const auth = new ApolloLink((operation, forward) => {
    const token = currentToken()
    if (token) operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }))
    return forward(operation)
  })

  const errors = new ErrorLink(({ error }) => {
    // In a GraphQL answer, or in the body of a 401 from a server that sends one.
    if (hasCode(error, 'UNAUTHENTICATED')) {
      options.onUnauthenticated()
    }
  })

  // Reads retry with backoff when the network fails or the server answers
  // 5xx (five attempts over about six seconds on average, twelve at most); a
  // GraphQL error or a 4xx would come back the same. A mutation is never
  // repeated silently: whether it was applied is for the user to check.
  const retry = new RetryLink({
    delay: { initial: 400, max: 8000, jitter: true },
    attempts: {
      max: 5,
      retryIf: (error, operation) => operationKind(operation.query) === 'query' && isTransient(error),
    },
  })

  const http = new HttpLink({ uri: config.graphqlUrl })

  let transport: ApolloLink = http
  const wsUrl = config.graphqlWsUrl
  if (wsUrl) {
    // The WebSocket client loads with the first subscription (the logs'
    // live tail), not with the console's first page.
    let ws: Promise<ApolloLink> | null = null
    const loadWs = async (): Promise<ApolloLink> => {
      const [{ createGraphqlWsClient }, { GraphQLWsLink }] = await Promise.all([import('./graphql-ws-client'), import('@apollo/client/link/subscriptions')])
      return new GraphQLWsLink(createGraphqlWsClient(wsUrl))
    }
    const lazyWs = new ApolloLink((operation, forward) =>
      defer(() => from((ws ??= loadWs()))).pipe(switchMap((link) => link.request(operation, forward))),
    )
    transport = ApolloLink.split((op) => operationKind(op.query) === 'subscription', lazyWs, http)
  }

  return new ApolloClient({
    link: ApolloLink.from([errors, retry, auth, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        AuthUser: { keyFields: [] },
        EnvironmentVariable: { keyFields: false },
        DeploymentLog: { keyFields: false },
        // Lists of members, roles and invites are always sent whole: the answer replaces what was cached.
        Team: { fields: { users: { merge: false }, roleBindings: { merge: false } } },
        User: { fields: { roleBindings: { merge: false }, teams: { merge: false } } },
        Workspace: { fields: { roleBindings: { merge: false }, invites: { merge: false } } },
        Deployment: { fields: { roleBindings: { merge: false } } },
        Query: {
          fields: {
            workspace: { read: (existing: unknown, { args, toReference }) => existing ?? toReference({ __typename: 'Workspace', id: args?.workspaceUuid as string }) },
            deployment: { read: (existing: unknown, { args, toReference }) => existing ?? toReference({ __typename: 'Deployment', id: args?.deploymentUuid as string }) },
          },
        },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  })
}

export type ConsoleApolloClient = ReturnType<typeof createApolloClient>
