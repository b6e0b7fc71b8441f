import { describe, expect, it } from 'vitest'
import { busiest, chartRows, csvField, csvFileName, dayLabel, totalOf, type UsageRow, usageCsv, usageSearchSchema } from './usage-data'

const row = (key: string, taskRuns: number, label = key, detail?: string): UsageRow => ({ key, label, taskRuns, ...(detail ? { detail } : {}) })

describe('the range in the URL', () => {
  it.each<[Record<string, string>, string]>([
    [{}, '90'],
    [{ days: '7' }, '7'],
    [{ days: '30' }, '30'],
    [{ days: '365' }, '90'],
    [{ days: 'lots' }, '90'],
  ])('%j -> %s days', (params, days) => {
    expect(usageSearchSchema.parse(params).days).toBe(days)
  })
})

describe('chart rows', () => {
  const rows = [row('a', 5), row('b', 50), row('c', 0), row('d', 20)]
  it('draws every row when they fit', () => {
    expect(chartRows(rows, 4)).toEqual({ bars: rows, rest: null })
  })
  it('draws the busiest and sums the rest', () => {
    expect(chartRows(rows, 2)).toEqual({ bars: [row('b', 50), row('d', 20)], rest: { count: 2, taskRuns: 5 } })
  })
  it('finds the busiest row, none when nothing ran', () => {
    expect(busiest(rows)?.key).toBe('b')
    expect(busiest([row('x', 0)])).toBeNull()
    expect(totalOf(rows)).toBe(75)
  })
})

describe('CSV export', () => {
  it.each<[string | number, string]>([
    ['Customer ETL', 'Customer ETL'],
    ['ETL, nightly', '"ETL, nightly"'],
    ['The "big" one', '"The ""big"" one"'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-5 AU', "'-5 AU"],
    ['@admin', "'@admin"],
    [1234, '1234'],
  ])('field %j -> %s', (value, out) => {
    expect(csvField(value)).toBe(out)
  })

  it('has a header, a line per row and the total, with CRLF line ends', () => {
    expect(usageCsv(['Date', 'Task runs'], [row('2025-06-01', 10), row('2025-06-02', 32)])).toBe('Date,Task runs\r\n2025-06-01,10\r\n2025-06-02,32\r\nTotal,42\r\n')
    expect(usageCsv(['Deployment', 'Release name', 'Task runs'], [row('d1', 7, 'Customer ETL', 'bright-star-1234')])).toBe(
      'Deployment,Release name,Task runs\r\nCustomer ETL,bright-star-1234,7\r\nTotal,,7\r\n',
    )
    expect(usageCsv(['Workspace', 'Task runs'], [])).toBe('Workspace,Task runs\r\nTotal,0\r\n')
  })

  it.each<[string, string | undefined, string | undefined, string]>([
    ['Data Platform', '2025-03-05', '2025-06-02', 'task-usage-data-platform-2025-03-05-to-2025-06-02.csv'],
    ['Müller & Co: ETL!', '2025-06-01', '2025-06-02', 'task-usage-muller-co-etl-2025-06-01-to-2025-06-02.csv'],
    ['???', undefined, undefined, 'task-usage-usage.csv'],
  ])('names the file for %s', (scope, from, to, name) => {
    expect(csvFileName(scope, from, to)).toBe(name)
  })
})

describe('day labels', () => {
  it('are UTC days', () => {
    expect(dayLabel('2025-06-02')).toBe('2 Jun')
    expect(dayLabel('not a day')).toBe('not a day')
  })
})
