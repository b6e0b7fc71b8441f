// The custom scalars' wire formats. Invalid input is a BAD_USER_INPUT.
import { GraphQLScalarType, Kind, type ValueNode, valueFromASTUntyped } from 'graphql'
import { houstonError } from './errors'

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function parseUuid(value: unknown): string {
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
    throw houstonError('BAD_USER_INPUT', `${JSON.stringify(value)} is not a UUID.`)
  }
  return value.toLowerCase()
}

function parseDateTime(value: unknown): string {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(ms)) throw houstonError('BAD_USER_INPUT', `${JSON.stringify(value)} is not an ISO 8601 date and time.`)
  return new Date(ms).toISOString()
}

const literal = (parse: (v: unknown) => string) => (ast: ValueNode) =>
  parse(ast.kind === Kind.STRING ? ast.value : undefined)

export const scalars: Record<'Uuid' | 'DateTime' | 'JSON', GraphQLScalarType> = {
  Uuid: new GraphQLScalarType<string, string>({
    name: 'Uuid',
    serialize: (v) => {
      if (typeof v !== 'string') throw new TypeError(`Uuid cannot represent ${String(v)}`)
      return v
    },
    parseValue: parseUuid,
    parseLiteral: literal(parseUuid),
  }),
  DateTime: new GraphQLScalarType<string, string>({
    name: 'DateTime',
    serialize: (v) => {
      if (v instanceof Date) return v.toISOString()
      if (typeof v === 'number') return new Date(v).toISOString()
      if (typeof v === 'string') return v
      throw new TypeError(`DateTime cannot represent ${String(v)}`)
    },
    parseValue: parseDateTime,
    parseLiteral: literal(parseDateTime),
  }),
  JSON: new GraphQLScalarType<unknown, unknown>({
    name: 'JSON',
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
  }),
}
