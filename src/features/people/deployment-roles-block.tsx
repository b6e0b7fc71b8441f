import { useEffect, useId, useRef } from 'react'
import { inputClasses } from '@/components/ui/field'
import { cn } from '@/lib/cn'
import { type Role, ROLE_LABELS } from '@/lib/permissions'
import {
  applyRoleToChosen,
  commonRole,
  type DeploymentOption,
  type DeploymentRoleChoices,
  selectAllDeployments,
  selectionOf,
  setDeploymentRole,
  toggleDeployment,
} from './deployment-roles'

interface Props {
  legend: string
  hint?: string
  deployments: readonly DeploymentOption[]
  /** The deployment roles the signed-in user may grant here. */
  roles: readonly Role[]
  value: DeploymentRoleChoices
  onChange: (next: DeploymentRoleChoices) => void
  /** The server's refusal of one deployment's role, by deployment id. */
  errors?: Readonly<Record<string, string>>
  disabled?: boolean
}

/**
 * Roles on some of a workspace's deployments: a checkbox and a role per
 * deployment, "select all", and one role for every deployment chosen.
 */
export function DeploymentRolesBlock({ legend, hint, deployments, roles, value, onChange, errors = {}, disabled = false }: Props) {
  const id = useId()
  const selectAll = useRef<HTMLInputElement>(null)
  const selection = selectionOf(value, deployments)
  const fallback = roles[0] ?? 'DEPLOYMENT_VIEWER'
  const shared = selection === 'none' ? null : commonRole(value)
  const chosen = deployments.filter((d) => d.id in value).length

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selection === 'some'
  }, [selection])

  if (deployments.length === 0 || roles.length === 0) return null
  return (
    <fieldset className="space-y-3 rounded-md border border-border p-3" aria-describedby={hint ? `${id}-hint` : undefined} disabled={disabled}>
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-border pb-3">
        <label className="flex items-center gap-2 text-sm">
          <input
            ref={selectAll}
            type="checkbox"
            checked={selection === 'all'}
            onChange={(e) => onChange(selectAllDeployments(value, deployments, e.target.checked, shared ?? fallback))}
          />
          Select all {deployments.length} deployments
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Role for all selected ({chosen})
          <select
            className={cn(inputClasses, 'w-36')}
            value={shared ?? ''}
            disabled={selection === 'none'}
            onChange={(e) => {
              const role = roles.find((r) => r === e.target.value)
              if (role) onChange(applyRoleToChosen(value, role))
            }}
          >
            <option value="" disabled>
              {selection === 'none' ? 'Select deployments' : 'Mixed roles'}
            </option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="max-h-64 space-y-2 overflow-y-auto pr-1" aria-label={`${legend}: deployments`}>
        {deployments.map((d) => {
          const on = d.id in value
          const checkId = `${id}-${d.id}`
          const error = errors[d.id]
          const errorId = `${checkId}-error`
          return (
            <li key={d.id} className="grid grid-cols-[minmax(0,1fr)_9rem] items-center gap-2">
              <label htmlFor={checkId} className="flex min-w-0 items-center gap-2 text-sm">
                <input id={checkId} type="checkbox" checked={on} onChange={(e) => onChange(toggleDeployment(value, d.id, e.target.checked, shared ?? fallback))} />
                <span className="truncate">{d.label}</span>
              </label>
              <select
                aria-label={`Role on ${d.label}`}
                className={inputClasses}
                value={value[d.id] ?? ''}
                disabled={!on}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => {
                  const role = roles.find((r) => r === e.target.value)
                  onChange(role ? setDeploymentRole(value, d.id, role) : toggleDeployment(value, d.id, false, fallback))
                }}
              >
                <option value="">No role of its own</option>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              {error ? (
                <p id={errorId} className="col-span-2 text-sm text-danger">
                  {error}
                </p>
              ) : null}
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
