// CPU and memory as people type them: a number and a unit (millicores or
// cores, MiB or GiB), kept as whole millicpu and MiB.

export interface QuantityUnit {
  id: string
  label: string
  /** The label for exactly one. */
  one: string
  /** Base units (millicpu, MiB) in one of this unit. */
  factor: number
}

export const CPU_UNITS: readonly QuantityUnit[] = [
  { id: 'millicores', label: 'millicores', one: 'millicore', factor: 1 },
  { id: 'cores', label: 'cores', one: 'core', factor: 1000 },
]

export const MEMORY_UNITS: readonly QuantityUnit[] = [
  { id: 'MiB', label: 'MiB', one: 'MiB', factor: 1 },
  { id: 'GiB', label: 'GiB', one: 'GiB', factor: 1024 },
]

const DECIMALS = 3

/** Whether a value is written exactly in a unit with at most three decimals. */
const exactIn = (value: number, unit: QuantityUnit): boolean => Number.isInteger(Math.round((value / unit.factor) * 10 ** DECIMALS * 1e6) / 1e6)

/** The unit a value reads best in: the largest it reaches and is written exactly in. */
export function naturalUnit(units: readonly QuantityUnit[], value: number): QuantityUnit {
  const fallback = units[0]
  if (!fallback) throw new Error('No units')
  return [...units].reverse().find((u) => value >= u.factor && exactIn(value, u)) ?? fallback
}

/** A value in a unit, without trailing zeros: 1500 in cores is "1.5". */
export function formatIn(value: number, unit: QuantityUnit): string {
  return String(Number((value / unit.factor).toFixed(DECIMALS)))
}

export type Parsed = { value: number } | { error: string }

/** What a person typed, in base units; an error when it is no number or no whole number of base units. */
export function parseIn(text: string, unit: QuantityUnit, base: QuantityUnit): Parsed {
  const trimmed = text.trim().replace(',', '.')
  if (trimmed === '') return { error: 'Enter a number.' }
  const n = Number(trimmed)
  if (!Number.isFinite(n) || n < 0) return { error: `“${text.trim()}” is not a number of ${unit.label}.` }
  const value = n * unit.factor
  const whole = Math.round(value)
  if (Math.abs(value - whole) > 1e-6) return { error: `${trimmed} ${unit.label} is not a whole number of ${base.label}.` }
  return { value: whole }
}

/** "1.5 cores", "3 GiB": a value in the unit it reads best in. */
export function formatQuantity(units: readonly QuantityUnit[], value: number): string {
  const unit = naturalUnit(units, value)
  const n = formatIn(value, unit)
  return `${n} ${n === '1' ? unit.one : unit.label}`
}
