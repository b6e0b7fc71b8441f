import { describe, expect, it } from 'vitest'
import { olderFrom } from './use-log-stream'

const NOW = Date.UTC(2024, 4, 1, 12)
const iso = (ms: number) => new Date(ms).toISOString()
const hourAgo = iso(NOW - 3_600_000)
const to = iso(NOW - 30_000)

describe('where the older part of a live window starts', () => {
  it('at the window’s start for a deployment of ordinary volume', () => {
    // 20 records a second: an hour is 72,000, within the 100,000 the screen keeps.
    expect(olderFrom(hourAgo, to, { count: 600, spanMs: 30_000 }, 100_000 - 600)).toBe(hourAgo)
  })

  it('as far back as fits for a busy one, so that nothing loaded is dropped at once', () => {
    // 2,000 records a second: 60,000 in the first half minute leave room for 40,000, twenty seconds more.
    expect(olderFrom(hourAgo, to, { count: 60_000, spanMs: 30_000 }, 40_000)).toBe(iso(NOW - 50_000))
  })

  it('nowhere when the first stretch filled the screen', () => {
    expect(olderFrom(hourAgo, to, { count: 100_000, spanMs: 30_000 }, 0)).toBeNull()
  })

  it('at the window’s start when the first stretch was empty or one record', () => {
    expect(olderFrom(hourAgo, to, { count: 0, spanMs: 0 }, 100_000)).toBe(hourAgo)
    expect(olderFrom(hourAgo, to, { count: 1, spanMs: 0 }, 99_999)).toBe(hourAgo)
  })
})
