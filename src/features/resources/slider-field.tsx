import { useId, useState, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { Slider } from '@/components/ui/slider'
import { cn } from '@/lib/cn'

export interface FieldProblem {
  message: string
  /** The closest value that would pass (checkSizing's `nearest`). */
  nearest?: number | undefined
}

export interface SliderFieldProps {
  label: string
  value: number
  onChange: (value: number) => void
  range: { minimum: number; limit: number }
  /** The slider's step; typed values may be any whole number. */
  step?: number
  /** Shown after the number, e.g. "AU" or "seconds". */
  unit: string
  /** Why the range is what it is, in words. */
  hint: ReactNode
  /** What the value means besides its number, e.g. "2 CPU · 7.5 GiB". */
  describe?: (value: number) => string
  problem?: FieldProblem | null | undefined
}

const unitText = (n: number, unit: string) => (unit ? `${n} ${unit}` : String(n))

/**
 * A number chosen with a slider or typed beside it. The slider keeps to the
 * range; a typed value outside it is kept and explained (with the nearest
 * valid value to jump to) so the person sees why rather than a silent clamp.
 */
export function SliderField({ label, value, onChange, range, step = 1, unit, hint, describe, problem }: SliderFieldProps) {
  const id = useId()
  const inputId = `${id}-input`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const [text, setText] = useState(String(value))
  const [shown, setShown] = useState(value)
  // A change from outside (the slider, a preset, a reset) replaces what is typed.
  if (value !== shown) {
    setShown(value)
    setText(String(value))
  }
  const blank = text.trim() === ''
  const error: FieldProblem | null = blank
    ? { message: `Enter a number from ${range.minimum} to ${range.limit}.` }
    : (problem ?? null)
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ')
  const description = describe?.(value)

  return (
    <div role="group" aria-labelledby={`${id}-label`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <label id={`${id}-label`} htmlFor={inputId} className="text-sm font-medium">
          {label}
        </label>
        {description ? <span className="text-xs text-muted tabular-nums">{description}</span> : null}
      </div>
      <div className="flex items-center gap-3">
        <Slider
          className="min-w-0 flex-1"
          value={value}
          onValueChange={onChange}
          min={range.minimum}
          max={range.limit}
          step={step}
          label={label}
          valueText={description ? `${unitText(value, unit)}, ${description}` : unitText(value, unit)}
          aria-describedby={describedBy}
        />
        <div className="flex shrink-0 items-center gap-1.5">
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={range.minimum}
            max={range.limit}
            step={1}
            value={text}
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy}
            className={cn(inputClasses, 'w-24 tabular-nums')}
            onChange={(e) => {
              const next = e.target.value
              setText(next)
              if (next.trim() === '') return
              const n = Number(next)
              if (Number.isFinite(n)) {
                setShown(n)
                onChange(n)
              }
            }}
            onBlur={() => {
              if (text.trim() === '') setText(String(value))
            }}
          />
          {unit ? <span className="text-sm text-muted">{unit}</span> : null}
        </div>
      </div>
      <p id={hintId} className="text-xs text-muted">
        {hint}
      </p>
      {error ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-danger">
          <span id={errorId}>
            {error.message}
            {error.nearest !== undefined && error.nearest !== value ? ` The nearest valid value is ${unitText(error.nearest, unit)}.` : ''}
          </span>
          {error.nearest !== undefined && error.nearest !== value ? (
            <Button size="sm" onClick={() => onChange(error.nearest ?? value)}>
              Use {unitText(error.nearest, unit)}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
