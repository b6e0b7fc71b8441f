// schema.graphql made executable: the feature files' resolvers attached to
// the types buildSchema makes, authentication in front of every root field
// but the public ones, and the custom scalars' wire formats.
import {
  buildSchema,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
  isScalarType,
} from 'graphql'
import { requireViewer } from './auth'
import type { HoustonContext } from './context'
import { resolverEntries } from './resolvers/index'
import { scalars } from './scalars'

/** Root fields that work without a token. */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set(['Query.authConfig', 'Mutation.createToken', 'Mutation.createUser'])

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription'])

type FieldResolver = GraphQLFieldResolver<unknown, HoustonContext>

function isResolverFn(value: unknown): value is FieldResolver {
  return typeof value === 'function'
}

function member(value: unknown, key: 'resolve' | 'subscribe'): FieldResolver | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined
  const fn: unknown = (value as Record<typeof key, unknown>)[key]
  return isResolverFn(fn) ? fn : undefined
}

const authenticated =
  (resolve: FieldResolver): FieldResolver =>
  (parent, args, ctx, info) => {
    requireViewer(ctx)
    return resolve(parent, args, ctx, info)
  }

export function buildHoustonSchema(sdl: string): GraphQLSchema {
  const schema = buildSchema(sdl)

  for (const [name, impl] of Object.entries(scalars)) {
    const type = schema.getType(name)
    if (!isScalarType(type)) throw new Error(`schema.graphql has no scalar ${name}`)
    type.serialize = impl.serialize
    type.parseValue = impl.parseValue
    type.parseLiteral = impl.parseLiteral
  }

  for (const [typeName, fieldResolvers] of resolverEntries()) {
    const type = schema.getType(typeName)
    if (!isObjectType(type)) throw new Error(`Resolvers for ${typeName}, which schema.graphql does not have as a type`)
    const fields = type.getFields()
    const root = ROOT_TYPES.has(typeName)
    for (const [fieldName, impl] of fieldResolvers) {
      const field = fields[fieldName]
      if (!field) throw new Error(`Resolver for ${typeName}.${fieldName}, which schema.graphql does not have`)
      const guard = root && !PUBLIC_FIELDS.has(`${typeName}.${fieldName}`) ? authenticated : (r: FieldResolver) => r
      const resolve = isResolverFn(impl) ? impl : member(impl, 'resolve')
      const subscribe = member(impl, 'subscribe')
      if (resolve) field.resolve = guard(resolve)
      if (subscribe) field.subscribe = guard(subscribe)
      if (!resolve && !subscribe) throw new Error(`${typeName}.${fieldName} has neither resolve nor subscribe`)
    }
  }

  // Every operation must be served: a field without a resolver would quietly answer null.
  for (const typeName of ROOT_TYPES) {
    const type = schema.getType(typeName)
    if (!isObjectType(type)) continue
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve && !field.subscribe) throw new Error(`No resolver for ${typeName}.${field.name}`)
    }
  }
  return schema
}
