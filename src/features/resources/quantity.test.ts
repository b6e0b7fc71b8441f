import { describe, expect, it } from 'vitest'
import { CPU_UNITS, formatIn, formatQuantity, MEMORY_UNITS, naturalUnit, parseIn } from './quantity'

const [millicores, cores] = CPU_UNITS as [(typeof CPU_UNITS)[number], (typeof CPU_UNITS)[number]]
const [mib, gib] = MEMORY_UNITS as [(typeof MEMORY_UNITS)[number], (typeof MEMORY_UNITS)[number]]

describe('quantities', () => {
  it.each([
    [CPU_UNITS, 1500, '1.5 cores'],
    [CPU_UNITS, 500, '500 millicores'],
    [CPU_UNITS, 1234, '1.234 cores'],
    [CPU_UNITS, 2000, '2 cores'],
    [MEMORY_UNITS, 3072, '3 GiB'],
    [MEMORY_UNITS, 1920, '1.875 GiB'],
    [MEMORY_UNITS, 384, '384 MiB'],
    [MEMORY_UNITS, 1000, '1000 MiB'],
    [MEMORY_UNITS, 1025, '1025 MiB'],
  ] as const)('%#: %i reads as %s', (units, value, text) => expect(formatQuantity(units, value)).toBe(text))

  it.each([
    ['1.5', cores, millicores, { value: 1500 }],
    ['0.25', cores, millicores, { value: 250 }],
    ['1,5', cores, millicores, { value: 1500 }],
    ['1.2345', cores, millicores, { error: '1.2345 cores is not a whole number of millicores.' }],
    ['3', gib, mib, { value: 3072 }],
    ['1.3', gib, mib, { error: '1.3 GiB is not a whole number of MiB.' }],
    ['-1', mib, mib, { error: '“-1” is not a number of MiB.' }],
    ['', mib, mib, { error: 'Enter a number.' }],
  ] as const)('%s %s parses', (text, unit, base, expected) => expect(parseIn(text, unit, base)).toEqual(expected))

  it('formats in a chosen unit', () => {
    expect(formatIn(500, cores)).toBe('0.5')
    expect(naturalUnit(CPU_UNITS, 0).id).toBe('millicores')
  })
})
