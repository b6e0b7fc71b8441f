// Teams as the screens list them: per workspace (its role there and on the
// workspace's deployments), per deployment (with the role that results, which
// the one permission module decides), and platform-wide.
import { z } from 'zod'
import type { TeamSource } from '@/gql/graphql'
import { type Binding, deploymentRoleOf, type Role, roleScope } from '@/lib/permissions'

interface BindingLike {
  id: string
  role: Role
  workspace: { id: string; label: string } | null
  deployment: { id: string; label: string } | null
}

export interface TeamLike {
  id: string
  name: string
  description: string | null
  source: TeamSource
  provider: string | null
  users: readonly { id: string; username: string; fullName: string | null }[]
  roleBindings: readonly BindingLike[]
}

export function teamOrigin(team: Pick<TeamLike, 'source' | 'provider'>): string {
  if (team.source === 'LOCAL') return 'Local'
  const provider = team.provider ? team.provider.charAt(0).toUpperCase() + team.provider.slice(1) : 'the identity provider'
  return `Imported from ${provider}`
}

export const memberName = (u: { username: string; fullName: string | null }) => u.fullName ?? u.username

/** A team's bindings for the permission module (each as if held directly: the team is one source). */
export function bindingsOfTeam(team: Pick<TeamLike, 'roleBindings'>): Binding[] {
  return team.roleBindings.map((b) => ({
    role: b.role,
    workspaceId: b.workspace?.id ?? null,
    deploymentId: b.deployment?.id ?? null,
  }))
}

export interface DeploymentRoleOfTeam {
  deploymentId: string
  label: string
  role: Role
}

export interface WorkspaceTeamRow {
  team: TeamLike
  workspaceRole: Role | null
  deploymentRoles: DeploymentRoleOfTeam[]
}

/** Teams with a role in the workspace or on its deployments, by name. */
export function workspaceTeamRows(teams: readonly TeamLike[], workspaceId: string): WorkspaceTeamRow[] {
  return teams
    .map((team) => {
      const here = team.roleBindings.filter((b) => b.workspace?.id === workspaceId)
      return {
        team,
        workspaceRole: here.find((b) => !b.deployment && roleScope(b.role) === 'WORKSPACE')?.role ?? null,
        deploymentRoles: here
          .flatMap((b) => (b.deployment ? [{ deploymentId: b.deployment.id, label: b.deployment.label, role: b.role }] : []))
          .sort((a, b) => a.label.localeCompare(b.label)),
      }
    })
    .filter((r) => r.workspaceRole || r.deploymentRoles.length)
    .sort((a, b) => a.team.name.localeCompare(b.team.name))
}

export interface DeploymentTeamRow {
  team: TeamLike
  workspaceRole: Role | null
  /** The team's own role on this deployment (an override), if any. */
  deploymentRole: Role | null
  /** What the team's members get here from the team. */
  effective: Role | null
}

export function deploymentTeamRows(teams: readonly TeamLike[], workspaceId: string, deploymentId: string): DeploymentTeamRow[] {
  return teams
    .map((team) => ({
      team,
      workspaceRole: team.roleBindings.find((b) => b.workspace?.id === workspaceId && !b.deployment && roleScope(b.role) === 'WORKSPACE')?.role ?? null,
      deploymentRole: team.roleBindings.find((b) => b.deployment?.id === deploymentId)?.role ?? null,
      effective: deploymentRoleOf(bindingsOfTeam(team), workspaceId, deploymentId),
    }))
    .filter((r) => r.effective)
    .sort((a, b) => a.team.name.localeCompare(b.team.name))
}

export interface TeamListRow {
  team: TeamLike
  origin: string
  systemRoles: Role[]
  /** Workspaces the team has a role in (on the workspace or one of its deployments), by label. */
  workspaces: string[]
}

export function teamListRows(teams: readonly TeamLike[]): TeamListRow[] {
  const order: Role[] = ['SYSTEM_ADMIN', 'SYSTEM_EDITOR', 'SYSTEM_VIEWER']
  return teams
    .map((team) => ({
      team,
      origin: teamOrigin(team),
      systemRoles: order.filter((r) => team.roleBindings.some((b) => b.role === r)),
      workspaces: [...new Set(team.roleBindings.flatMap((b) => (b.workspace ? [b.workspace.label] : [])))].sort(),
    }))
    .sort((a, b) => a.team.name.localeCompare(b.team.name))
}

export const teamsSearchSchema = z.object({
  q: z.string().catch('').default(''),
  source: z.enum(['LOCAL', 'IDP']).optional().catch(undefined),
})

export function filterTeams(rows: readonly TeamListRow[], search: z.infer<typeof teamsSearchSchema>): TeamListRow[] {
  const q = search.q.trim().toLowerCase()
  return rows.filter(
    (r) =>
      (!search.source || r.team.source === search.source) &&
      (!q || r.team.name.toLowerCase().includes(q) || r.team.users.some((u) => memberName(u).toLowerCase().includes(q))),
  )
}

/** Teams not yet holding a workspace role here: those a workspace admin may add. */
export function addableTeams<T extends { id: string }>(all: readonly T[], rows: readonly WorkspaceTeamRow[]): T[] {
  const holding = new Set(rows.filter((r) => r.workspaceRole).map((r) => r.team.id))
  return all.filter((t) => !holding.has(t.id))
}
