// Deterministic randomness for the fake Houston: the seed and every id made
// afterwards come from here, so a given sequence of operations always yields
// the same ids (tests, reloads). Secrets (tokens, API keys) are the exception:
// they come from the platform's crypto source.

/** cyrb128: a fast 128-bit string hash, as four unsigned 32-bit words. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0')

/** Formats 128 bits as a version-4-shaped UUID. */
function formatUuid(words: readonly [number, number, number, number]): string {
  const h = words.map(hex8).join('')
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** A UUID that depends only on `key`: seeded entities keep their ids when the seed grows. */
export function stableId(key: string): string {
  return formatUuid(hash128(`houston:${key}`))
}

export function hashHex(text: string): string {
  return hash128(text).map(hex8).join('')
}

export type PrngState = [number, number, number, number]

/** sfc32: small, fast, and its whole state fits in the snapshot. */
export class Prng {
  private s: PrngState

  constructor(state: PrngState) {
    this.s = [...state]
  }

  static fromKey(key: string): Prng {
    return new Prng(hash128(key))
  }

  get state(): PrngState {
    return [...this.s]
  }

  nextUint32(): number {
    let [a, b, c, d] = this.s
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    this.s = [a, b, c, d]
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('Cannot pick from an empty list')
    return item
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  uuid(): string {
    return formatUuid([this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()])
  }
}

/** An unguessable string for tokens and API keys. */
export function secretString(bytes = 24): string {
  const buf = new Uint8Array(bytes)
  globalThis.crypto.getRandomValues(buf)
  let out = ''
  for (const b of buf) out += b.toString(16).padStart(2, '0')
  return out
}
