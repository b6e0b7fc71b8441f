import { useId, useState, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { cn } from '@/lib/cn'
import { formatIn, formatQuantity, naturalUnit, parseIn, type QuantityUnit } from './quantity'
import type { FieldProblem } from './slider-field'

export interface QuantityFieldProps {
  label: string
  /** In base units: millicpu or MiB. */
  value: number
  onChange: (value: number) => void
  /** The first unit is the base unit. */
  units: readonly QuantityUnit[]
  hint: ReactNode
  problem?: FieldProblem | null | undefined
}

/**
 * A CPU or memory figure typed as a number with a unit. Changing the unit
 * keeps the quantity and rewrites the number; a number that is not a whole
 * number of base units is kept and explained rather than rounded silently.
 */
export function QuantityField({ label, value, onChange, units, hint, problem }: QuantityFieldProps) {
  const id = useId()
  const inputId = `${id}-input`
  const unitId = `${id}-unit`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const base = units[0]
  const [unitKey, setUnitKey] = useState(() => naturalUnit(units, value).id)
  const unit = units.find((u) => u.id === unitKey) ?? naturalUnit(units, value)
  const [text, setText] = useState(() => formatIn(value, unit))
  const [shown, setShown] = useState(value)
  // A change from outside (a preset, a strategy switch, a reset) replaces what is typed.
  if (value !== shown) {
    setShown(value)
    setText(formatIn(value, unit))
  }
  if (!base) return null
  const parsed = parseIn(text, unit, base)
  const error: FieldProblem | null = 'error' in parsed ? { message: parsed.error } : (problem ?? null)
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ')
  const nearest = error?.nearest

  return (
    <div role="group" aria-labelledby={`${id}-label`} className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <label id={`${id}-label`} htmlFor={inputId} className="text-sm font-medium">
          {label}
        </label>
        <span className="text-xs text-muted tabular-nums">{formatQuantity(units, value)}</span>
      </div>
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          className={cn(inputClasses, 'w-32 tabular-nums')}
          onChange={(e) => {
            const next = e.target.value
            setText(next)
            const p = parseIn(next, unit, base)
            if ('value' in p) {
              setShown(p.value)
              onChange(p.value)
            }
          }}
          onBlur={() => {
            if (text.trim() === '') setText(formatIn(value, unit))
          }}
        />
        <label htmlFor={unitId} className="sr-only">
          {label} unit
        </label>
        <select
          id={unitId}
          className={cn(inputClasses, 'w-auto')}
          value={unit.id}
          onChange={(e) => {
            const next = units.find((u) => u.id === e.target.value)
            if (!next) return
            setUnitKey(next.id)
            // The quantity stays; the number is written in the new unit.
            setText(formatIn(value, next))
          }}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </div>
      <p id={hintId} className="text-xs text-muted">
        {hint}
      </p>
      {error ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-danger">
          <span id={errorId}>
            {error.message}
            {nearest !== undefined && nearest !== value ? ` The nearest valid value is ${formatQuantity(units, nearest)}.` : ''}
          </span>
          {nearest !== undefined && nearest !== value ? (
            <Button size="sm" onClick={() => onChange(nearest)}>
              Use {formatQuantity(units, nearest)}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
