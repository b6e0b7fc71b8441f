import { describe, expect, it } from 'vitest'
import { isEmailAddress } from './email'

describe('isEmailAddress: the platform rule, for every form and the fake backend', () => {
  it.each<[string, boolean]>([
    ['ann@example.com', true],
    ['  Ann@Example.COM ', true],
    ['first.last+tag@sub.example.co.uk', true],
    // Internationalised addresses are addresses (z.email() refused these).
    ['josé@example.com', true],
    ['ops@bücher.de', true],
    ['', false],
    ['plainaddress', false],
    ['a@b', false],
    ['two@@example.com', false],
    ['spa ce@example.com', false],
    ['a@example..com', false],
    ['@example.com', false],
    [`${'a'.repeat(250)}@example.com`, false],
  ])('%j -> %s', (value, ok) => {
    expect(isEmailAddress(value)).toBe(ok)
  })
})
