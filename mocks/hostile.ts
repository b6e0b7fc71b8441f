// Strings that break a console which renders server data as HTML, trusts a
// link it was given, or assumes text is short, left to right, on one line.
// The `hostile` seed serves them in every text field, and the e2e run types
// them into every text input (e2e/hostile.spec.ts). Every script payload sets
// `window.__pwned`, so "no script ran" is one check.

const WORDS = ['ingestion', 'pipeline', 'nightly', 'warehouse', 'backfill', 'attribution', 'quarterly', 'reconciliation', 'of', 'the', 'and']

/** Space-separated words up to `length` characters: wraps, but only between words. */
function words(length: number): string {
  let out = ''
  for (let i = 0; ; i++) {
    const next = `${out}${out ? ' ' : ''}${WORDS[i % WORDS.length] ?? ''}`
    if (next.length > length) return out
    out = next
  }
}

export const HOSTILE = {
  /** Markup that runs script the moment it is parsed as HTML. */
  imgOnerror: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  /** Closes an attribute value and a tag, then opens one that runs script. */
  svgBreakout: '"><svg onload=window.__pwned=1>',
  /** Runs script when rendered as a link's href and followed. */
  javascriptUrl: 'javascript:window.__pwned=1',
  /** 10,000 characters without a break opportunity: must wrap or truncate, never widen the page. */
  unbroken: 'W'.repeat(10_000),
  /** 1,000 characters of ordinary words (a description's maximum). */
  words: words(1_000),
  /**
   * U+202E RIGHT-TO-LEFT OVERRIDE makes "fdp.exe" read "exe.pdf", then Arabic and Hebrew; the override is
   * never closed (no U+202C), so whatever follows on the same line runs backwards unless the name is isolated.
   */
  rtl: 'Invoice \u202Efdp.exe مرحبا بالعالم שלום עולם',
  /** Zero-width space, non-joiner, joiner, word joiner and BOM between letters. */
  zeroWidth: 'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFjoiner',
  /** Stacked combining marks ("Zalgo"). */
  combining: 'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034Da\u0300\u0301\u0302\u0303\u0304l\u0308\u0331\u0332g\u0303\u0330\u0330o\u0336\u0337',
  /** ZWJ family and rainbow flag, regional-indicator flags, skin-tone modifiers. */
  emoji: '👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 🇯🇵 👍🏻 👍🏽 👍🏿',
  /** Evaluated by template engines that render user data (Angular, Jinja, ERB, JS template strings). */
  template: '{{7*7}} ${7*7} <%= 7*7 %> #{7*7}',
  /** Newlines and tabs inside a value. */
  whitespace: 'first line\nsecond line\n\tindented\tby tabs',
} as const

export type HostileName = keyof typeof HOSTILE

/** Every string of the corpus, with its name. */
export const HOSTILE_STRINGS: readonly (readonly [HostileName, string])[] = Object.entries(HOSTILE) as [HostileName, string][]

/** The corpus cut to `max` characters, for fields whose length the backend limits. */
export function hostileWithin(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max)
}

/**
 * Email local parts that still make a valid address (no spaces, one @): the
 * markup payloads without their spaces, and a long local part.
 */
export const HOSTILE_EMAILS = {
  script: '<script>window.__pwned=1</script>@example.com',
  imgOnerror: '<img/src=x/onerror=window.__pwned=1>@example.com',
  svgBreakout: '"><svg/onload=window.__pwned=1>@example.com',
  /** 240 characters: under the 254 the backend accepts, with no break opportunity. */
  long: `${'w'.repeat(228)}@example.com`,
  rtl: 'invoice\u202Efdp.exe@example.com',
  /** Template payloads: must come back as typed, never as 49. Not in the hostile seed, so it can be invited. */
  template: '{{7*7}}${7*7}@example.com',
} as const
