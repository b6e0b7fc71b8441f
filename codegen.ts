import type { CodegenConfig } from '@graphql-codegen/cli'

// One schema, two consumers: the console's operations (client preset) and
// the fake Houston's resolvers, so both fail to build when they drift from
// schema.graphql.
const scalars = {
  Uuid: 'string',
  DateTime: 'string',
  JSON: 'unknown',
}

const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Tests of the link layer use made-up operations against a schema of their own.
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  errorsOnly: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars,
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        defaultScalarType: 'unknown',
        nonOptionalTypename: false,
        skipTypeNameForRoot: true,
      },
    },
    'mocks/houston/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        scalars,
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        contextType: '../context#HoustonContext',
        // Resolvers receive the fake Houston's records (mocks/houston/mappers.ts);
        // every other type must be returned whole.
        mappers: {
          AuthUser: '../mappers#AuthUserParent',
          Deployment: '../mappers#DeploymentRecord',
          DeployRevision: '../mappers#DeployRevisionParent',
          DeploymentLog: '../mappers#LogRecord',
          EnvironmentVariable: '../mappers#EnvVarRecord',
          Invite: '../mappers#InviteRecord',
          RoleBinding: '../mappers#RoleBindingRecord',
          ServiceAccount: '../mappers#ServiceAccountParent',
          Team: '../mappers#TeamRecord',
          Token: '../mappers#TokenParent',
          User: '../mappers#UserRecord',
          Workspace: '../mappers#WorkspaceRecord',
        },
        useIndexSignature: false,
        avoidOptionals: false,
      },
    },
  },
}

export default config
