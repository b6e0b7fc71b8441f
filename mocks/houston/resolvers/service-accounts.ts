// Service accounts: non-human identities for CI/CD, bound to a workspace or a
// deployment with one role. The API key is shown once, by the creating mutation.
import { requireDeployment, requireGrantable, requireWorkspace } from '../authz'
import type { HoustonContext } from '../context'
import { notFound } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { iso } from '../lifecycle'
import type { ServiceAccountParent } from '../mappers'
import { hashHex, secretString } from '../random'
import type { ServiceAccountRecord } from '../state'
import * as valid from '../validate'
import { deploymentById, sortedBy, workspaceById, workspaceOf } from './lookup'
import type { Role } from '../../../src/lib/permissions'

const CATEGORY_MAX = 100

export const apiKeyHash = (key: string): string => hashHex(`houston-api-key:${key}`)

function create(
  ctx: HoustonContext,
  entity: { type: ServiceAccountRecord['entityType']; id: string; workspaceId: string; deploymentId: string | null },
  args: { label: string; category?: string | null; role: Role },
): ServiceAccountParent {
  const label = valid.label(args.label)
  const category = args.category?.trim() || null
  if (category && category.length > CATEGORY_MAX) {
    throw valid.tooLong('category', 'A category', CATEGORY_MAX, category.length)
  }
  const now = iso(ctx.now())
  const apiKey = secretString(24)
  const account: ServiceAccountRecord = {
    id: ctx.store.newId(),
    label,
    category,
    entityType: entity.type,
    entityUuid: entity.id,
    workspaceId: entity.workspaceId,
    apiKeyHash: apiKeyHash(apiKey),
    lastUsedAt: null,
    active: true,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.putServiceAccount(account)
  ctx.store.putBinding({
    id: ctx.store.newId(),
    role: args.role,
    userId: null,
    serviceAccountId: account.id,
    workspaceId: entity.workspaceId,
    deploymentId: entity.deploymentId,
    createdAt: now,
  })
  return { ...account, revealedApiKey: apiKey }
}

function accountOf(ctx: HoustonContext, id: string, entityType: ServiceAccountRecord['entityType'], entityId: string) {
  const account = ctx.store.serviceAccount(id)
  if (!account || account.entityType !== entityType || account.entityUuid !== entityId) {
    throw notFound(`service account of this ${entityType.toLowerCase()}`, id, 'serviceAccountUuid')
  }
  return account
}

const byLabel = sortedBy<ServiceAccountRecord>((a) => a.label.toLowerCase())

export const serviceAccountResolvers: Resolvers = {
  Query: {
    workspaceServiceAccounts: (_parent, { workspaceUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.serviceAccounts.get', "see this workspace's service accounts")
      return [...ctx.store.serviceAccountsOf('WORKSPACE', ws.id)].sort(byLabel)
    },
    deploymentServiceAccounts: (_parent, { deploymentUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.serviceAccounts.get', "see this deployment's service accounts")
      return [...ctx.store.serviceAccountsOf('DEPLOYMENT', dep.id)].sort(byLabel)
    },
  },

  Mutation: {
    createWorkspaceServiceAccount: (_parent, args, ctx) => {
      const ws = workspaceById(ctx, args.workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.serviceAccounts.create', 'create service accounts in this workspace')
      requireGrantable(ctx, args.role, 'WORKSPACE', { workspace: ws })
      return create(ctx, { type: 'WORKSPACE', id: ws.id, workspaceId: ws.id, deploymentId: null }, args)
    },
    createDeploymentServiceAccount: (_parent, args, ctx) => {
      const dep = deploymentById(ctx, args.deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.serviceAccounts.create', 'create service accounts for this deployment')
      requireGrantable(ctx, args.role, 'DEPLOYMENT', { workspace: workspaceOf(ctx, dep), deployment: dep })
      return create(ctx, { type: 'DEPLOYMENT', id: dep.id, workspaceId: dep.workspaceId, deploymentId: dep.id }, args)
    },
    deleteWorkspaceServiceAccount: (_parent, { serviceAccountUuid, workspaceUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.serviceAccounts.delete', "delete this workspace's service accounts")
      const account = accountOf(ctx, serviceAccountUuid, 'WORKSPACE', ws.id)
      const binding = ctx.store.bindingOfServiceAccount(account.id)
      ctx.store.removeServiceAccount(account.id)
      return { ...account, ...(binding ? { removedBinding: binding } : {}) }
    },
    deleteDeploymentServiceAccount: (_parent, { serviceAccountUuid, deploymentUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.serviceAccounts.delete', "delete this deployment's service accounts")
      const account = accountOf(ctx, serviceAccountUuid, 'DEPLOYMENT', dep.id)
      const binding = ctx.store.bindingOfServiceAccount(account.id)
      ctx.store.removeServiceAccount(account.id)
      return { ...account, ...(binding ? { removedBinding: binding } : {}) }
    },
  },

  ServiceAccount: {
    apiKey: (a) => a.revealedApiKey ?? null,
    roleBinding: (a, _args, ctx) => {
      const binding = a.removedBinding ?? ctx.store.bindingOfServiceAccount(a.id)
      if (!binding) throw new Error(`Service account ${a.id} has no role binding`)
      return binding
    },
  },
}
