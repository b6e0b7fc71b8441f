import { describe, expect, it } from 'vitest'
import { formatInteger } from './format'

describe('formatInteger', () => {
  it('groups whole numbers as en-US does', () => {
    const samples = [0, 1, 12, 123, 1234, 12_345, 123_456, 1_234_567, 100_000, 999_999_999, -1, -1234, -123_456_789, Number.MAX_SAFE_INTEGER]
    const intl = new Intl.NumberFormat('en-US')
    for (const n of samples) expect(formatInteger(n)).toBe(intl.format(n))
  })

  it('leaves what is not a whole number to Intl', () => {
    expect(formatInteger(1234.5)).toBe('1,234.5')
    expect(formatInteger(Number.NaN)).toBe('NaN')
  })
})
