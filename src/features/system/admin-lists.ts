// The system admin lists' rules: what their URLs hold, which roles a user has
// platform-wide, and how the platform's deployments are searched and paged.
import { z } from 'zod'
import type { DeploymentStatus } from '@/gql/graphql'
import { type Role, roleScope } from '@/lib/permissions'

export const USERS_PAGE_SIZE = 50
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const usersSearchSchema = z.object({
  q: z.string().catch('').default(''),
  /** The id of the last user of the previous page (the API's cursor). */
  after: z.string().regex(UUID).optional().catch(undefined),
})

/**
 * The cursors of the pages before this one, kept in the history entry's
 * state (not the URL, which stays short and shareable): '' is the first page.
 */
export function backStackOf(state: unknown): string[] {
  if (typeof state !== 'object' || state === null || !('usersBack' in state)) return []
  const back: unknown = state.usersBack
  return Array.isArray(back) && back.every((c): c is string => typeof c === 'string') ? back : []
}

interface BindingLike {
  role: Role
  workspace: unknown
  deployment: unknown
  /** Set for a role held through a team. */
  team?: { name: string } | null
}

/** The system roles a user holds directly (those that may be granted and revoked on the user). */
export function systemRolesOf(bindings: readonly BindingLike[]): Role[] {
  const order: Role[] = ['SYSTEM_ADMIN', 'SYSTEM_EDITOR', 'SYSTEM_VIEWER']
  const held = new Set(bindings.filter((b) => roleScope(b.role) === 'SYSTEM' && !b.workspace && !b.deployment && !b.team).map((b) => b.role))
  return order.filter((r) => held.has(r))
}

/** System roles a user holds through teams: each role with the teams that give it. */
export function teamSystemRolesOf(bindings: readonly BindingLike[]): { role: Role; teams: string[] }[] {
  const byRole = new Map<Role, string[]>()
  for (const b of bindings) {
    if (roleScope(b.role) !== 'SYSTEM' || !b.team) continue
    byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.team.name])
  }
  const order: Role[] = ['SYSTEM_ADMIN', 'SYSTEM_EDITOR', 'SYSTEM_VIEWER']
  return order.flatMap((role) => {
    const teams = byRole.get(role)
    return teams ? [{ role, teams: [...teams].sort() }] : []
  })
}

export function workspaceCountOf(bindings: readonly { workspace: { id: string } | null; deployment: unknown }[]): number {
  return new Set(bindings.flatMap((b) => (b.workspace && !b.deployment ? [b.workspace.id] : []))).size
}

/** One page of a cursor-paged list, asked for with one extra row to learn whether more follow. */
export function pageOf<T>(rows: readonly T[], size: number): { rows: T[]; hasNext: boolean } {
  return { rows: rows.slice(0, size), hasNext: rows.length > size }
}

export const DEPLOYMENTS_PAGE_SIZE = 50
const STATUSES = ['HEALTHY', 'DEPLOYING', 'UNHEALTHY', 'UNKNOWN'] as const satisfies readonly DeploymentStatus[]

export const deploymentsSearchSchema = z.object({
  q: z.string().catch('').default(''),
  status: z.enum(STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
})
export type DeploymentsSearch = z.infer<typeof deploymentsSearchSchema>

interface DeploymentLike {
  label: string
  releaseName: string
  status: DeploymentStatus
  workspace: { label: string }
}

export function filterDeployments<T extends DeploymentLike>(rows: readonly T[], search: Pick<DeploymentsSearch, 'q' | 'status'>): T[] {
  const q = search.q.trim().toLowerCase()
  return rows
    .filter(
      (d) =>
        (!search.status || d.status === search.status) &&
        (!q || d.label.toLowerCase().includes(q) || d.releaseName.includes(q) || d.workspace.label.toLowerCase().includes(q)),
    )
    .sort((a, b) => a.label.localeCompare(b.label) || a.releaseName.localeCompare(b.releaseName))
}

/** A page of a list held whole; a page beyond the end shows the last one. */
export function slicePage<T>(rows: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size))
  const p = Math.min(Math.max(1, page), pages)
  const start = (p - 1) * size
  const slice = rows.slice(start, start + size)
  return { rows: slice, page: p, pages, from: slice.length ? start + 1 : 0, to: start + slice.length }
}
