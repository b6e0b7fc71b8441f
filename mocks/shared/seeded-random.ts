// Deterministic randomness for the fake backend's generated data (logs,
// metrics): the same key always gives the same numbers, so a record or a
// sample is a pure function of what identifies it, and nothing depends on
// Math.random or on what was generated before.

/** FNV-1a over a string's UTF-16 code units: a 32-bit seed from a name. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Mixes a 32-bit seed with an integer of up to 53 bits (a time slot). */
export function mix(seed: number, n: number): number {
  const lo = n >>> 0
  const hi = Math.floor(n / 0x100000000) >>> 0
  let h = Math.imul(seed ^ lo, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h ^ hi, 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h ^ 0x27d4eb2f, 0x165667b1)
  h ^= h >>> 15
  return h >>> 0
}

/** A small, fast PRNG (mulberry32): floats in [0, 1). */
export type Rng = () => number

export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One float in [0, 1) for (seed, n), without building a generator. */
export function unit(seed: number, n: number): number {
  return mix(seed, n) / 4294967296
}

export function pick<T>(random: Rng, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0]
}

export function int(random: Rng, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}
