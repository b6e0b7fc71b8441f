import type { Resolvers } from '../generated/resolvers-types'
import { authResolvers } from './auth'
import { deploymentResolvers } from './deployments'
import { deployResolvers } from './deploys'
import { logResolvers } from './logs'
import { memberResolvers } from './members'
import { serviceAccountResolvers } from './service-accounts'
import { signupResolvers } from './signup'
import { systemResolvers } from './system'
import { taskUsageResolvers } from './task-usage'
import { teamResolvers } from './teams'
import { variableResolvers } from './variables'
import { workspaceResolvers } from './workspaces'

const parts: readonly Resolvers[] = [
  authResolvers,
  workspaceResolvers,
  memberResolvers,
  deploymentResolvers,
  deployResolvers,
  variableResolvers,
  serviceAccountResolvers,
  systemResolvers,
  logResolvers,
  teamResolvers,
  taskUsageResolvers,
  signupResolvers,
]

/** Type name -> field name -> resolver, from every feature file; a field defined twice is a bug. */
export function resolverEntries(): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>()
  for (const part of parts) {
    for (const [typeName, fields] of Object.entries(part)) {
      if (typeof fields !== 'object' || fields === null) continue
      const map = out.get(typeName) ?? new Map<string, unknown>()
      for (const [fieldName, resolver] of Object.entries(fields)) {
        if (map.has(fieldName)) throw new Error(`${typeName}.${fieldName} is resolved in two places`)
        map.set(fieldName, resolver)
      }
      out.set(typeName, map)
    }
  }
  return out
}
