// ANSI escape codes in log text: SGR colour and weight codes become styled
// segments (rendered as spans, never as HTML); every other escape sequence and
// control character is dropped. Colours map to the console's semantic tokens
// so that dark mode and contrast hold; 256-colour and true-colour codes fall
// back to the nearest of the eight basic colours.

export type AnsiColour = 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white'

export interface AnsiStyle {
  fg?: AnsiColour
  bg?: AnsiColour
  bold?: boolean
  dim?: boolean
  italic?: boolean
  underline?: boolean
}

export interface Segment {
  text: string
  style: AnsiStyle
}

const BASIC: readonly AnsiColour[] = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']

// CSI sequences (ESC [ params final), OSC sequences (ESC ] ... BEL/ST) and two-character escapes.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b(?:\[([0-9;:?]*)([@-~])|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g
// C0 control characters other than tab and newline, and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f]/g

/** The text with every escape sequence and stray control character removed. */
export function stripAnsi(text: string): string {
  if (!text.includes('\u001b')) return CONTROL.test(text) ? text.replace(CONTROL, '') : text
  return text.replace(ESCAPE, '').replace(CONTROL, '')
}

/** The basic colour nearest to a 256-colour palette index. */
function colour256(n: number): AnsiColour | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined
  if (n < 16) return BASIC[n % 8]
  if (n >= 232) return n < 244 ? 'black' : 'white'
  const i = n - 16
  return rgbToBasic(Math.floor(i / 36) * 51, (Math.floor(i / 6) % 6) * 51, (i % 6) * 51)
}

function rgbToBasic(r: number, g: number, b: number): AnsiColour {
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  if (max - min < 40) return max > 128 ? 'white' : 'black'
  const on = (v: number) => v > (max + min) / 2
  const index = (on(r) ? 1 : 0) + (on(g) ? 2 : 0) + (on(b) ? 4 : 0)
  return BASIC[index] ?? 'white'
}

/** Applies one SGR parameter list (e.g. "1;31") to a style, returning the new style. */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)))
  let next: AnsiStyle = { ...style }
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] ?? 0
    if (c === 0) next = {}
    else if (c === 1) next.bold = true
    else if (c === 2) next.dim = true
    else if (c === 3) next.italic = true
    else if (c === 4) next.underline = true
    else if (c === 22) {
      delete next.bold
      delete next.dim
    } else if (c === 23) delete next.italic
    else if (c === 24) delete next.underline
    else if (c >= 30 && c <= 37) next.fg = BASIC[c - 30]
    else if (c === 39) delete next.fg
    else if (c >= 40 && c <= 47) next.bg = BASIC[c - 40]
    else if (c === 49) delete next.bg
    else if (c >= 90 && c <= 97) next = { ...next, fg: BASIC[c - 90], bold: true }
    else if (c >= 100 && c <= 107) next.bg = BASIC[c - 100]
    else if (c === 38 || c === 48) {
      const mode = codes[i + 1]
      let found: AnsiColour | undefined
      if (mode === 5) {
        found = colour256(codes[i + 2] ?? -1)
        i += 2
      } else if (mode === 2) {
        found = rgbToBasic(codes[i + 2] ?? 0, codes[i + 3] ?? 0, codes[i + 4] ?? 0)
        i += 4
      }
      if (found) {
        if (c === 38) next.fg = found
        else next.bg = found
      }
    }
  }
  const clean: AnsiStyle = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined))
  return clean
}

const sameStyle = (a: AnsiStyle, b: AnsiStyle) =>
  a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline

/** Splits log text into runs of one style; the runs' text joined is `stripAnsi(text)`. */
export function parseAnsi(text: string): Segment[] {
  const out: Segment[] = []
  const push = (chunk: string, style: AnsiStyle) => {
    const clean = chunk.replace(CONTROL, '')
    if (clean === '') return
    const last = out.at(-1)
    if (last && sameStyle(last.style, style)) last.text += clean
    else out.push({ text: clean, style })
  }
  if (!text.includes('\u001b')) {
    push(text, {})
    return out
  }
  let style: AnsiStyle = {}
  let at = 0
  for (const m of text.matchAll(ESCAPE)) {
    push(text.slice(at, m.index), style)
    at = m.index + m[0].length
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '')
  }
  push(text.slice(at), style)
  return out
}

export interface HighlightedSegment extends Segment {
  /** Index of the search match this part belongs to, or -1. */
  match: number
}

/**
 * Cuts styled segments further where case-insensitive matches of `needle`
 * start and end, so that each match can be marked without losing colours.
 */
export function highlightSegments(segments: readonly Segment[], needle: string): HighlightedSegment[] {
  const plain = segments.map((s) => s.text).join('')
  const ranges = needle === '' ? [] : findMatches(plain, needle)
  if (ranges.length === 0) return segments.map((s) => ({ ...s, match: -1 }))
  const out: HighlightedSegment[] = []
  let offset = 0
  let r = 0
  for (const seg of segments) {
    const end = offset + seg.text.length
    let pos = offset
    while (pos < end) {
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= pos) r++
      const range = ranges[r]
      if (!range || range[0] >= end) {
        out.push({ text: seg.text.slice(pos - offset), style: seg.style, match: -1 })
        pos = end
      } else if (range[0] > pos) {
        out.push({ text: seg.text.slice(pos - offset, range[0] - offset), style: seg.style, match: -1 })
        pos = range[0]
      } else {
        const stop = Math.min(range[1], end)
        out.push({ text: seg.text.slice(pos - offset, stop - offset), style: seg.style, match: r })
        pos = stop
      }
    }
    offset = end
  }
  return out
}

/** [start, end) of each non-overlapping case-insensitive occurrence of `needle` in `text`. */
export function findMatches(text: string, needle: string): [number, number][] {
  if (needle === '') return []
  const lower = text.toLowerCase()
  const n = needle.toLowerCase()
  // Lower-casing changed some lengths (rare Unicode cases): offsets would drift, so mark nothing.
  if (lower.length !== text.length) return []
  const out: [number, number][] = []
  for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, i + n.length)) out.push([i, i + n.length])
  return out
}
