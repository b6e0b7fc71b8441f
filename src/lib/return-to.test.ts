import { describe, expect, it } from 'vitest'
import { safeReturnTo } from './return-to'

describe('safeReturnTo', () => {
  it.each([
    ['/workspaces/abc?tab=logs#l12', '/workspaces/abc?tab=logs#l12'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example.com/', '/'],
    ['//evil.example.com/path', '/'],
    ['/\\evil.example.com', '/'],
    ['javascript:alert(1)', '/'],
    ['/%2F%2Fevil.example.com', '/%2F%2Fevil.example.com'],
    ['/sign-in?returnTo=/x', '/'],
    ['/ok\nLocation: x', '/'],
    ['relative/path', '/'],
  ])('%s -> %s', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected)
  })
})
