import { type ReactNode, useId, useMemo } from 'react'
import { useSession } from '@/features/auth'
import { cn } from '@/lib/cn'
import { type GrantTarget, grantableRolesOn, type Level, type Role, ROLE_LABELS, roleLevel, type Scope } from '@/lib/permissions'

const WHAT_IT_ALLOWS: Record<Exclude<Scope, 'SYSTEM'>, Record<Level, string>> = {
  WORKSPACE: {
    VIEWER: 'Sees deployments, quota, logs and metrics; changes nothing.',
    EDITOR: 'Also creates, scales and configures deployments, and manages service accounts.',
    ADMIN: 'Also manages members, invites and roles, and may delete the workspace.',
  },
  DEPLOYMENT: {
    VIEWER: 'Sees this deployment, its logs and metrics; Viewer in Airflow.',
    EDITOR: 'Also changes its configuration and deploys code; User (Op) in Airflow.',
    ADMIN: 'Also deletes it; Admin in Airflow.',
  },
}

export function roleHint(role: Role): string {
  const scope = role.startsWith('WORKSPACE') ? 'WORKSPACE' : role.startsWith('DEPLOYMENT') ? 'DEPLOYMENT' : null
  return scope ? WHAT_IT_ALLOWS[scope][roleLevel(role)] : ''
}

/** The roles the signed-in user may grant on a target, from the one permission module. */
export function useGrantableRoles(target: GrantTarget): Role[] {
  const { bindings } = useSession()
  return grantableRolesOn(bindings, target)
}

/** The deployment roles the signed-in user may grant on every one of these deployments. */
export function useGrantableDeploymentRoles(workspaceId: string, deploymentIds: readonly string[]): Role[] {
  const { bindings } = useSession()
  const key = deploymentIds.join(',')
  return useMemo(() => {
    const lists = key.split(',').filter(Boolean).map((deploymentId) => grantableRolesOn(bindings, { scope: 'DEPLOYMENT', workspaceId, deploymentId }))
    const [first, ...rest] = lists
    return first ? first.filter((r) => rest.every((l) => l.includes(r))) : []
  }, [bindings, workspaceId, key])
}

export function RoleBadge({ role, muted = false }: { role: Role; muted?: boolean }) {
  return (
    <span className={cn('inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium', muted ? 'border-border text-muted' : 'border-border-strong')}>
      {ROLE_LABELS[role]}
    </span>
  )
}

interface RoleRadiosProps {
  legend: string
  roles: readonly Role[]
  value: Role | null
  onChange: (role: Role) => void
  /** Roles shown but not choosable, each with why (the reason is shown once, below). */
  disabledRoles?: readonly Role[]
  disabledReason?: ReactNode
}

/** One role out of a few, each with what it allows: a radio group (keyboard: arrows). */
export function RoleRadios({ legend, roles, value, onChange, disabledRoles = [], disabledReason }: RoleRadiosProps) {
  const name = useId()
  const reasonId = `${name}-reason`
  return (
    <fieldset className="space-y-2" aria-describedby={disabledReason ? reasonId : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {roles.map((role) => {
        const disabled = disabledRoles.includes(role)
        const id = `${name}-${role}`
        return (
          <div
            key={role}
            className={cn(
              'flex items-start gap-3 rounded-md border p-3 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft',
              disabled ? 'border-dashed border-border bg-surface-sunken' : 'border-border-strong',
            )}
          >
            <input id={id} type="radio" name={name} className="mt-0.5" value={role} checked={value === role} disabled={disabled} aria-describedby={`${id}-hint`} onChange={() => onChange(role)} />
            <div>
              <label htmlFor={id} className={cn('block font-medium', disabled ? 'cursor-not-allowed' : 'cursor-pointer')}>
                {ROLE_LABELS[role]}
              </label>
              <p id={`${id}-hint`} className="text-muted">
                {roleHint(role)}
              </p>
            </div>
          </div>
        )
      })}
      {disabledReason ? (
        <p id={reasonId} className="rounded-md border border-warning bg-warning-soft p-3 text-sm">
          {disabledReason}
        </p>
      ) : null}
    </fieldset>
  )
}
