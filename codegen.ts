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
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
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
        mappers: {},
        defaultMapper: 'Partial<{T}>',
        useIndexSignature: false,
        avoidOptionals: false,
      },
    },
  },
}

export default config
