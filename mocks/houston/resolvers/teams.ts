// Teams: named groups of users that hold roles as a user does. Local teams are
// made here; teams imported from the identity provider keep the provider's
// name and members. A member holds the team's roles on top of their own
// (authz.ts bindingsOfUser; the permission module picks the most permissive).
import { type Role, roleScope } from '../../../src/lib/permissions'
import { requireViewer } from '../auth'
import {
  canSeeTeam,
  canSeeTeamBinding,
  requireDeployment,
  requireGrantable,
  requireSystem,
  requireWorkspace,
  viewerSystemPermissions,
} from '../authz'
import type { HoustonContext } from '../context'
import { badInput, conflict, forbidden, notFound } from '../errors'
import type { Resolvers } from '../generated/resolvers-types'
import { iso } from '../lifecycle'
import type { RoleBindingRecord, TeamRecord, UserRecord, WorkspaceRecord } from '../state'
import * as valid from '../validate'
import { type DeploymentRoleChoice, deploymentRolesIn } from './deployment-roles'
import { deploymentById, sortedBy, workspaceById, workspaceOf } from './lookup'

const byName = sortedBy((t: TeamRecord) => t.name.toLowerCase())

function teamById(ctx: HoustonContext, id: string, field = 'teamUuid'): TeamRecord {
  const team = ctx.store.team(id)
  if (!team) throw notFound('team', id, field)
  return team
}

/** Refuses a change to what the identity provider owns. */
function requireLocal(team: TeamRecord, what: string): void {
  if (team.source === 'IDP') {
    throw conflict(`Team ${team.name} is imported from ${team.provider ?? 'the identity provider'}: ${what} there. Its roles can still be changed here.`)
  }
}

function teamName(ctx: HoustonContext, value: string, except: string | null, field = 'name'): string {
  const name = valid.label(value, field)
  const clash = ctx.store.teams().find((t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase())
  if (clash) throw badInput(field, `A team named ${clash.name} already exists: choose another name.`)
  return name
}

function members(ctx: HoustonContext, ids: readonly string[], field = 'userIds'): string[] {
  const out: string[] = []
  ids.forEach((id, i) => {
    if (!ctx.store.user(id)) throw notFound('user', id, `${field}[${i}]`)
    if (!out.includes(id)) out.push(id)
  })
  return out
}

function newBinding(ctx: HoustonContext, team: TeamRecord, role: Role, workspaceId: string | null, deploymentId: string | null): RoleBindingRecord {
  const binding: RoleBindingRecord = {
    id: ctx.store.newId(),
    role,
    userId: null,
    serviceAccountId: null,
    teamId: team.id,
    workspaceId,
    deploymentId,
    createdAt: iso(ctx.now()),
  }
  ctx.store.putBinding(binding)
  return binding
}

const workspaceBindingOf = (ctx: HoustonContext, team: TeamRecord, ws: WorkspaceRecord) =>
  ctx.store.bindingsOfTeam(team.id).find((b) => b.workspaceId === ws.id && b.deploymentId === null)

const deploymentBindingOf = (ctx: HoustonContext, team: TeamRecord, deploymentId: string) =>
  ctx.store.bindingsOfTeam(team.id).find((b) => b.deploymentId === deploymentId)

/** Sets a team's role on each deployment given (adding or replacing). */
function putDeploymentRoles(ctx: HoustonContext, team: TeamRecord, ws: WorkspaceRecord, choices: readonly DeploymentRoleChoice[]) {
  for (const { deployment, role } of choices) {
    const existing = deploymentBindingOf(ctx, team, deployment.id)
    if (existing) existing.role = role
    else newBinding(ctx, team, role, ws.id, deployment.id)
  }
  ctx.store.changed()
}

function touch(ctx: HoustonContext, team: TeamRecord) {
  team.updatedAt = iso(ctx.now())
}

export const teamResolvers: Resolvers = {
  Query: {
    teams: (_parent, { search, workspaceUuid, deploymentUuid }, ctx) => {
      if (workspaceUuid) {
        requireWorkspace(ctx, workspaceById(ctx, workspaceUuid), 'workspace.teams.update', 'choose a team to give a role in this workspace')
      } else if (deploymentUuid) {
        requireDeployment(ctx, deploymentById(ctx, deploymentUuid), 'deployment.teamRoles.update', 'choose a team to give a role on this deployment')
      } else {
        requireSystem(ctx, 'system.teams.get', 'list the teams of the platform')
      }
      const q = search?.trim().toLowerCase()
      return ctx.store
        .teams()
        .filter((t) => !q || t.name.toLowerCase().includes(q))
        .sort(byName)
    },

    team: (_parent, { teamUuid }, ctx) => {
      const team = teamById(ctx, teamUuid)
      if (!canSeeTeam(ctx, team)) throw forbidden('system.teams.get', { entityType: 'SYSTEM', name: 'the platform' }, 'open this team')
      return team
    },

    workspaceTeams: (_parent, { workspaceUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.teams.get', "see this workspace's teams")
      return ctx.store
        .teams()
        .filter((t) => ctx.store.bindingsOfTeam(t.id).some((b) => b.workspaceId === ws.id))
        .sort(byName)
    },

    deploymentTeams: (_parent, { deploymentUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.teams.get', "see this deployment's teams")
      return ctx.store
        .teams()
        .filter((t) =>
          ctx.store.bindingsOfTeam(t.id).some((b) => b.deploymentId === dep.id || (b.deploymentId === null && b.workspaceId === dep.workspaceId)),
        )
        .sort(byName)
    },
  },

  Mutation: {
    createTeam: (_parent, args, ctx) => {
      requireSystem(ctx, 'system.teams.update', 'create teams')
      const name = teamName(ctx, args.name, null)
      const description = valid.description(args.description)
      const userIds = members(ctx, args.userIds ?? [])
      if (args.systemRole) requireGrantable(ctx, args.systemRole, 'SYSTEM', {}, 'systemRole')
      const now = iso(ctx.now())
      const team: TeamRecord = { id: ctx.store.newId(), name, description, source: 'LOCAL', provider: null, userIds, createdAt: now, updatedAt: now }
      ctx.store.putTeam(team)
      if (args.systemRole) newBinding(ctx, team, args.systemRole, null, null)
      return team
    },

    updateTeam: (_parent, args, ctx) => {
      requireSystem(ctx, 'system.teams.update', 'change teams')
      const team = teamById(ctx, args.teamUuid)
      requireLocal(team, 'its name and members are managed')
      const name = args.name != null ? teamName(ctx, args.name, team.id) : team.name
      const description = args.description !== undefined ? valid.description(args.description) : team.description
      const userIds = args.userIds ? members(ctx, args.userIds) : team.userIds
      team.name = name
      team.description = description
      team.userIds = userIds
      touch(ctx, team)
      ctx.store.changed()
      return team
    },

    deleteTeam: (_parent, { teamUuid }, ctx) => {
      requireSystem(ctx, 'system.teams.update', 'delete teams')
      const team = teamById(ctx, teamUuid)
      requireLocal(team, 'it is removed')
      ctx.store.removeTeam(team.id)
      return team
    },

    createTeamSystemRoleBinding: (_parent, { teamUuid, role }, ctx) => {
      requireSystem(ctx, 'system.teams.update', "change teams' system roles")
      requireGrantable(ctx, role, 'SYSTEM')
      const team = teamById(ctx, teamUuid)
      if (ctx.store.bindingsOfTeam(team.id).some((b) => b.role === role)) throw badInput('role', `Team ${team.name} already has ${role}.`)
      return newBinding(ctx, team, role, null, null)
    },

    deleteTeamSystemRoleBinding: (_parent, { teamUuid, role }, ctx) => {
      requireSystem(ctx, 'system.teams.update', "change teams' system roles")
      requireGrantable(ctx, role, 'SYSTEM')
      const team = teamById(ctx, teamUuid)
      const binding = ctx.store.bindingsOfTeam(team.id).find((b) => b.role === role)
      if (!binding) throw notFound('system role', role, 'role', `Team ${team.name} does not have ${role}.`)
      ctx.store.removeBinding(binding.id)
      return binding
    },

    workspaceAddTeam: (_parent, args, ctx) => {
      const ws = workspaceById(ctx, args.workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.teams.update', 'give teams roles in this workspace')
      requireGrantable(ctx, args.role, 'WORKSPACE', { workspace: ws })
      const team = teamById(ctx, args.teamUuid)
      const existing = workspaceBindingOf(ctx, team, ws)
      if (existing) throw badInput('teamUuid', `Team ${team.name} is already ${existing.role} of ${ws.label}: change that role instead.`)
      const choices = deploymentRolesIn(ctx, ws, args.deploymentRoles)
      newBinding(ctx, team, args.role, ws.id, null)
      putDeploymentRoles(ctx, team, ws, choices)
      return team
    },

    workspaceUpdateTeamRole: (_parent, args, ctx) => {
      const ws = workspaceById(ctx, args.workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.teams.update', "change teams' roles in this workspace")
      requireGrantable(ctx, args.role, 'WORKSPACE', { workspace: ws })
      const team = teamById(ctx, args.teamUuid)
      const binding = workspaceBindingOf(ctx, team, ws)
      if (!binding) throw notFound('team role', team.id, 'teamUuid', `Team ${team.name} has no role in ${ws.label}: add it first.`)
      const choices = args.deploymentRoles ? deploymentRolesIn(ctx, ws, args.deploymentRoles) : null
      binding.role = args.role
      if (choices) {
        const keep = new Set(choices.map((c) => c.deployment.id))
        for (const b of ctx.store.bindingsOfTeam(team.id)) {
          if (b.workspaceId === ws.id && b.deploymentId !== null && !keep.has(b.deploymentId)) ctx.store.removeBinding(b.id)
        }
        putDeploymentRoles(ctx, team, ws, choices)
      }
      ctx.store.changed()
      return team
    },

    workspaceRemoveTeam: (_parent, { workspaceUuid, teamUuid }, ctx) => {
      const ws = workspaceById(ctx, workspaceUuid)
      requireWorkspace(ctx, ws, 'workspace.teams.update', 'remove teams from this workspace')
      const team = teamById(ctx, teamUuid)
      const bindings = ctx.store.bindingsOfTeam(team.id).filter((b) => b.workspaceId === ws.id)
      if (bindings.length === 0) throw notFound('team role', team.id, 'teamUuid', `Team ${team.name} has no role in ${ws.label}.`)
      for (const b of bindings) ctx.store.removeBinding(b.id)
      return team
    },

    deploymentAddTeamRole: (_parent, { deploymentUuid, teamUuid, role }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      const ws = workspaceOf(ctx, dep)
      requireDeployment(ctx, dep, 'deployment.teamRoles.update', "give teams roles on this deployment")
      requireGrantable(ctx, role, 'DEPLOYMENT', { workspace: ws, deployment: dep })
      const team = teamById(ctx, teamUuid)
      const existing = deploymentBindingOf(ctx, team, dep.id)
      if (existing) throw badInput('teamUuid', `Team ${team.name} already has ${existing.role} on ${dep.label}: change that role instead.`)
      return newBinding(ctx, team, role, ws.id, dep.id)
    },

    deploymentUpdateTeamRole: (_parent, { deploymentUuid, teamUuid, role }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      const ws = workspaceOf(ctx, dep)
      requireDeployment(ctx, dep, 'deployment.teamRoles.update', "change teams' roles on this deployment")
      requireGrantable(ctx, role, 'DEPLOYMENT', { workspace: ws, deployment: dep })
      const team = teamById(ctx, teamUuid)
      const binding = deploymentBindingOf(ctx, team, dep.id)
      if (!binding) throw notFound('team role', team.id, 'teamUuid', `Team ${team.name} has no role of its own on ${dep.label}.`)
      binding.role = role
      ctx.store.changed()
      return binding
    },

    deploymentRemoveTeamRole: (_parent, { deploymentUuid, teamUuid }, ctx) => {
      const dep = deploymentById(ctx, deploymentUuid)
      requireDeployment(ctx, dep, 'deployment.teamRoles.update', "change teams' roles on this deployment")
      const team = teamById(ctx, teamUuid)
      const binding = deploymentBindingOf(ctx, team, dep.id)
      if (!binding) throw notFound('team role', team.id, 'teamUuid', `Team ${team.name} has no role of its own on ${dep.label}.`)
      ctx.store.removeBinding(binding.id)
      return binding
    },
  },

  Team: {
    users: (t, _args, ctx) =>
      t.userIds
        .map((id) => ctx.store.user(id))
        .filter((u): u is UserRecord => u !== undefined)
        .sort(sortedBy((u) => (u.fullName ?? u.username).toLowerCase())),
    roleBindings: (t, _args, ctx) => {
      const scopeOrder = (b: RoleBindingRecord) => ['SYSTEM', 'WORKSPACE', 'DEPLOYMENT'].indexOf(roleScope(b.role))
      return ctx.store
        .bindingsOfTeam(t.id)
        .filter((b) => canSeeTeamBinding(ctx, t, b))
        .sort((a, b) => scopeOrder(a) - scopeOrder(b) || a.createdAt.localeCompare(b.createdAt))
    },
  },

  RoleBinding: {
    team: (b, _args, ctx) => (b.teamId ? (ctx.store.team(b.teamId) ?? null) : null),
  },

  User: {
    // The user's own teams to themself and to whoever may see every user; otherwise those the viewer may see.
    teams: (u, _args, ctx) => {
      const all = [...ctx.store.teamsOfUser(u.id)].sort(byName)
      if (u.id === requireViewer(ctx).user.id || viewerSystemPermissions(ctx).has('system.users.get')) return all
      return all.filter((t) => canSeeTeam(ctx, t))
    },
  },
}
