import { Slider as Primitive } from 'radix-ui'
import { cn } from '@/lib/cn'

export interface SliderProps {
  value: number
  onValueChange: (value: number) => void
  min: number
  max: number
  step?: number
  /** The thumb's accessible name. */
  label: string
  /** What a screen reader says for the value, e.g. "20 AU, 2 CPU, 7.5 GiB". */
  valueText?: string
  'aria-describedby'?: string
  disabled?: boolean
  className?: string
}

/**
 * A single-thumb slider: arrows step, PageUp/PageDown step ten times, Home
 * and End go to the ends. Values outside [min, max] are shown at the nearer end.
 */
export function Slider({ value, onValueChange, min, max, step = 1, label, valueText, disabled, className, ...rest }: SliderProps) {
  const shown = Math.min(max, Math.max(min, value))
  return (
    <Primitive.Root
      className={cn('relative flex h-6 w-full touch-none select-none items-center data-[disabled]:opacity-55', className)}
      value={[shown]}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      onValueChange={(values) => {
        const next = values[0]
        if (next !== undefined && next !== shown) onValueChange(next)
      }}
    >
      <Primitive.Track className="relative h-2 grow overflow-hidden rounded-full border border-border-strong bg-surface-sunken">
        <Primitive.Range className="absolute h-full bg-accent" />
      </Primitive.Track>
      <Primitive.Thumb
        aria-label={label}
        aria-valuetext={valueText}
        aria-describedby={rest['aria-describedby']}
        className="block size-5 cursor-grab rounded-full border-2 border-accent bg-surface shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus active:cursor-grabbing"
      />
    </Primitive.Root>
  )
}
