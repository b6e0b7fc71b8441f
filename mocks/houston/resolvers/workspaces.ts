import { formatCpu, formatMemory } from '../../../src/lib/au'
import { workspacePayloadSchema } from '../../../src/lib/houston-json'
import { requireViewer } from '../auth'
import { canSeeWorkspace, requireSystem, requireWorkspace, requireWorkspaceVisible } from '../authz'
import { badInput, conflict } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { iso } from '../lifecycle'
import { DEFAULT_WORKSPACE_AU_QUOTA } from '../platform'
import { platformOf, workspaceAuUsed, workspaceResourceQuota, workspaceResourcesUsed } from '../sizing'
import type { WorkspaceRecord } from '../state'
import * as valid from '../validate'
import { sortedBy, workspaceById } from './lookup'

const MAX_AU_QUOTA = 1_000_000

export const workspaceResolvers: Resolvers = {
  Query: {
    workspaces: (_parent, _args, ctx) =>
      ctx.store
        .workspaces()
        .filter((ws) => canSeeWorkspace(ctx, ws))
        .sort(sortedBy((ws) => ws.label.toLowerCase())),

    workspace: (_parent, { workspaceUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspaceVisible(ctx, ws, 'open this workspace')
      return ws
    },
  },

  Mutation: {
    createWorkspace: (_parent, args, ctx) => {
      const viewer = requireViewer(ctx)
      requireSystem(ctx, 'system.workspace.create', 'create a workspace')
      const now = iso(ctx.now())
      const ws: WorkspaceRecord = {
        id: ctx.store.newId(),
        label: valid.label(args.label),
        description: valid.description(args.description),
        active: true,
        auQuota: DEFAULT_WORKSPACE_AU_QUOTA,
        createdAt: now,
        updatedAt: now,
      }
      ctx.store.putWorkspace(ws)
      ctx.store.putBinding({
        id: ctx.store.newId(),
        role: 'WORKSPACE_ADMIN',
        userId: viewer.user.id,
        serviceAccountId: null,
        workspaceId: ws.id,
        deploymentId: null,
        createdAt: now,
      })
      return ws
    },

    updateWorkspace: (_parent, { workspaceUuid, payload }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.config.update', 'change this workspace')
      const change = valid.json(workspacePayloadSchema, payload, 'payload')
      const label = change.label !== undefined ? valid.label(change.label, 'payload.label') : ws.label
      const description =
        change.description !== undefined ? valid.description(change.description, 'payload.description') : ws.description
      if (label !== ws.label || description !== ws.description) {
        ws.label = label
        ws.description = description
        ws.updatedAt = iso(ctx.now())
      }
      return ws
    },

    deleteWorkspace: (_parent, { workspaceUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.config.delete', 'delete this workspace')
      const count = ctx.store.deploymentsOf(ws.id).length
      if (count > 0) {
        throw conflict(
          `Workspace ${ws.label} still has ${count} deployment${count === 1 ? '' : 's'}: delete ${count === 1 ? 'it' : 'them'} first.`,
          { deploymentCount: count },
        )
      }
      ctx.store.removeWorkspace(ws.id)
      return ws
    },

    updateWorkspaceQuota: (_parent, { workspaceUuid, auQuota }, ctx) => {
      requireSystem(ctx, 'system.workspace.suspend', "set a workspace's AU quota")
      const ws = workspaceById(ctx, workspaceUuid)
      if (!Number.isInteger(auQuota) || auQuota < 0 || auQuota > MAX_AU_QUOTA) {
        throw badInput('auQuota', `The quota must be a whole number of AU from 0 to ${MAX_AU_QUOTA}.`)
      }
      if (!platformOf(ctx.store).auEnabled) {
        // Without AU the quota counts CPU and memory: it must cover both in use.
        const asked = workspaceResourceQuota({ auQuota })
        const inUse = workspaceResourcesUsed(ctx.store, ws.id)
        if (asked.cpu < inUse.cpu || asked.memory < inUse.memory) {
          throw badInput(
            'auQuota',
            `Workspace ${ws.label} uses ${formatCpu(inUse.cpu)} and ${formatMemory(inUse.memory)} now, so its quota cannot go below that (asked for ${formatCpu(asked.cpu)} and ${formatMemory(asked.memory)}). Scale down or delete deployments first.`,
            { usedCpu: inUse.cpu, usedMemory: inUse.memory },
          )
        }
      }
      const used = workspaceAuUsed(ctx.store, ws.id)
      if (platformOf(ctx.store).auEnabled && auQuota < used) {
        throw badInput(
          'auQuota',
          `Workspace ${ws.label} uses ${used} AU now, so its quota cannot go below ${used} AU (asked for ${auQuota} AU). Scale down or delete deployments first.`,
          { usedAu: used },
        )
      }
      if (auQuota !== ws.auQuota) {
        ws.auQuota = auQuota
        ws.updatedAt = iso(ctx.now())
      }
      return ws
    },
  },

  Workspace: {
    deploymentCount: (ws, _args, ctx) => ctx.store.deploymentsOf(ws.id).length,
    auUsed: (ws, _args, ctx) => workspaceAuUsed(ctx.store, ws.id),
    cpuQuota: (ws) => workspaceResourceQuota(ws).cpu,
    memoryQuota: (ws) => workspaceResourceQuota(ws).memory,
    cpuUsed: (ws, _args, ctx) => workspaceResourcesUsed(ctx.store, ws.id).cpu,
    memoryUsed: (ws, _args, ctx) => workspaceResourcesUsed(ctx.store, ws.id).memory,
    roleBindings: (ws, _args, ctx) => {
      requireWorkspace(ctx, ws, 'workspace.users.get', "see this workspace's members")
      const name = (userId: string | null) => (userId ? (ctx.store.user(userId)?.username ?? '') : '')
      return ctx.store
        .bindingsOfWorkspace(ws.id)
        .filter((b) => b.userId !== null)
        .sort(sortedBy((b) => name(b.userId)))
    },
    invites: (ws, _args, ctx) => {
      requireWorkspace(ctx, ws, 'workspace.invites.get', "see this workspace's invites")
      return [...ctx.store.invitesOf(ws.id)].sort(sortedBy((i) => i.email))
    },
  },
}
