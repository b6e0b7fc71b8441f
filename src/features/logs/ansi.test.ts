import { describe, expect, it } from 'vitest'
import { applySgr, findMatches, highlightSegments, parseAnsi, stripAnsi } from './ansi'

const ESC = '\u001b'

describe('parseAnsi', () => {
  it.each([
    ['plain text', 'hello', [{ text: 'hello', style: {} }]],
    ['a red word', `${ESC}[31mred${ESC}[0m plain`, [{ text: 'red', style: { fg: 'red' } }, { text: ' plain', style: {} }]],
    ['bold and colour together', `${ESC}[1;33mwarn${ESC}[0m`, [{ text: 'warn', style: { bold: true, fg: 'yellow' } }]],
    ['Airflow coloured formatter', `[${ESC}[34m2024-05-01${ESC}[0m] ${ESC}[31mERROR${ESC}[0m - x`, [
      { text: '[', style: {} },
      { text: '2024-05-01', style: { fg: 'blue' } },
      { text: '] ', style: {} },
      { text: 'ERROR', style: { fg: 'red' } },
      { text: ' - x', style: {} },
    ]],
    ['bright colours are bold', `${ESC}[92mok`, [{ text: 'ok', style: { fg: 'green', bold: true } }]],
    ['background colours', `${ESC}[41mbad`, [{ text: 'bad', style: { bg: 'red' } }]],
    ['256 colours fall back to a basic colour', `${ESC}[38;5;196mred`, [{ text: 'red', style: { fg: 'red' } }]],
    ['true colour falls back too', `${ESC}[38;2;0;200;0mgreen`, [{ text: 'green', style: { fg: 'green' } }]],
    ['default foreground resets colour only', `${ESC}[1;31mA${ESC}[39mB`, [{ text: 'A', style: { bold: true, fg: 'red' } }, { text: 'B', style: { bold: true } }]],
    ['ESC[m is a reset', `${ESC}[31mA${ESC}[mB`, [{ text: 'A', style: { fg: 'red' } }, { text: 'B', style: {} }]],
    ['cursor codes are dropped', `a${ESC}[2Kb${ESC}[1Ac`, [{ text: 'abc', style: {} }]],
    ['OSC titles are dropped', `${ESC}]0;title\u0007text`, [{ text: 'text', style: {} }]],
    ['stray control characters are dropped, newlines and tabs kept', 'a\u0000b\n\tc\u0007', [{ text: 'ab\n\tc', style: {} }]],
    ['a multi-line record stays one run', 'Traceback:\n  File "x"\nError', [{ text: 'Traceback:\n  File "x"\nError', style: {} }]],
  ] as const)('%s', (_name, input, expected) => {
    expect(parseAnsi(input)).toEqual(expected)
  })

  it('joins to the stripped text', () => {
    const text = `${ESC}[1m${ESC}[31mboom${ESC}[0m\n${ESC}[33mwarn${ESC}[0m`
    expect(parseAnsi(text).map((s) => s.text).join('')).toBe(stripAnsi(text))
    expect(stripAnsi(text)).toBe('boom\nwarn')
  })
})

describe('applySgr', () => {
  it.each([
    [{}, '1', { bold: true }],
    [{ bold: true, fg: 'red' }, '22', { fg: 'red' }],
    [{ fg: 'red', bg: 'blue' }, '49', { fg: 'red' }],
    [{ italic: true, underline: true }, '23;24', {}],
    [{ fg: 'red' }, '0', {}],
    [{ fg: 'red' }, '', {}],
  ] as const)('%j + %s = %j', (style, params, expected) => {
    expect(applySgr(style, params)).toEqual(expected)
  })
})

describe('highlightSegments', () => {
  it('marks case-insensitive matches across colour boundaries without losing colours', () => {
    const parts = highlightSegments(parseAnsi(`${ESC}[31mERR${ESC}[0mOR and error`), 'error')
    expect(parts).toEqual([
      { text: 'ERR', style: { fg: 'red' }, match: 0 },
      { text: 'OR', style: {}, match: 0 },
      { text: ' and ', style: {}, match: -1 },
      { text: 'error', style: {}, match: 1 },
    ])
  })

  it('leaves text alone without a needle or a match', () => {
    expect(highlightSegments(parseAnsi('abc'), '')).toEqual([{ text: 'abc', style: {}, match: -1 }])
    expect(highlightSegments(parseAnsi('abc'), 'z')).toEqual([{ text: 'abc', style: {}, match: -1 }])
  })

  it.each([
    ['aaaa', 'aa', [[0, 2], [2, 4]]],
    ['Hello hello', 'HELLO', [[0, 5], [6, 11]]],
    ['abc', '', []],
  ] as const)('findMatches(%s, %s)', (text, needle, expected) => {
    expect(findMatches(text, needle)).toEqual(expected)
  })
})
