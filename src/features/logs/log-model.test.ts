import { describe, expect, it } from 'vitest'
import type { PlatformConfig } from '@/lib/houston-json'
import { downloadName, entriesText, filterFromSearch, isMatch, isVisible, logComponentsFor, logSearchSchema, normaliseLevel, toEntry, windowFor } from './log-model'

const platform = {
  executors: [
    { name: 'LocalExecutor', components: ['scheduler', 'webserver', 'statsd', 'pgbouncer'] },
    { name: 'CeleryExecutor', components: ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'workers', 'flower', 'redis'] },
    { name: 'KubernetesExecutor', components: ['scheduler', 'webserver', 'statsd', 'pgbouncer'] },
  ],
} as unknown as PlatformConfig

describe('logComponentsFor', () => {
  it.each([
    ['CeleryExecutor', '2.10.5', ['scheduler', 'webserver', 'workers', 'triggerer']],
    ['CeleryExecutor', '2.1.4', ['scheduler', 'webserver', 'workers']],
    ['LocalExecutor', '2.2.0', ['scheduler', 'webserver', 'triggerer']],
    ['KubernetesExecutor', '1.10.15', ['scheduler', 'webserver']],
  ] as const)('%s on Airflow %s', (executor, version, expected) => {
    expect(logComponentsFor(platform, executor, version)).toEqual(expected)
  })

  it('falls back to the executor name before the platform config has loaded', () => {
    expect(logComponentsFor(null, 'CeleryExecutor', '2.0.0')).toEqual(['scheduler', 'webserver', 'workers'])
  })
})

describe('normaliseLevel', () => {
  it.each([
    ['error', 'ERROR'],
    ['WARN', 'WARNING'],
    ['fatal', 'CRITICAL'],
    ['NOTICE', 'INFO'],
  ] as const)('%s -> %s', (input, expected) => expect(normaliseLevel(input)).toBe(expected))
})

describe('the search params', () => {
  it('falls back to defaults on bad input', () => {
    expect(logSearchSchema.parse({ range: 'forever', level: 'LOUD', from: 'yesterday', q: 'x' })).toEqual({ range: '1h', from: '', to: '', q: 'x' })
  })
})

describe('windowFor', () => {
  const now = Date.parse('2024-05-01T12:00:00.000Z')
  it.each([
    [{ range: '5m', from: '', to: '' }, { since: '2024-05-01T11:55:00.000Z', until: null }],
    [{ range: '1d', from: '', to: '' }, { since: '2024-04-30T12:00:00.000Z', until: null }],
    [{ range: 'custom', from: '2024-05-01T10:00:00.000Z', to: '2024-05-01T11:00:00.000Z' }, { since: '2024-05-01T10:00:00.000Z', until: '2024-05-01T11:00:00.000Z' }],
    [{ range: 'custom', from: '2024-05-01T10:00:00.000Z', to: '' }, { since: '2024-05-01T10:00:00.000Z', until: null }],
    [{ range: 'custom', from: '', to: '' }, { since: '2024-05-01T11:00:00.000Z', until: null }],
  ] as const)('%j', (search, expected) => expect(windowFor(search, now)).toEqual(expected))
})

describe('filters', () => {
  const e = toEntry({ id: '1', timestamp: '2024-05-01T12:00:00.000Z', component: 'scheduler', level: 'WARNING', message: '\u001b[33mDAG <b>late</b>\u001b[0m' })
  it('precomputes lower-cased text without colour codes', () => {
    expect(e.lower).toBe('dag <b>late</b>')
    expect(e.lines).toBe(1)
  })
  it.each([
    [{ level: undefined, q: '', only: undefined }, true, false],
    [{ level: 'ERROR', q: '', only: undefined }, false, false],
    [{ level: 'WARNING', q: 'LATE', only: undefined }, true, true],
    [{ level: undefined, q: 'missing', only: undefined }, true, false],
    [{ level: undefined, q: 'missing', only: '1' }, false, false],
  ] as const)('%j: visible %s, match %s', (s, visible, match) => {
    const f = filterFromSearch({ ...logSearchSchema.parse({}), ...s }, null)
    expect(isVisible(e, f)).toBe(visible)
    expect(isMatch(e, f)).toBe(match)
  })
  it('hides records after the end of a fixed range', () => {
    expect(isVisible(e, filterFromSearch(logSearchSchema.parse({}), Date.parse('2024-05-01T11:59:59.999Z')))).toBe(false)
  })
})

describe('entriesText', () => {
  it('is plain text, one record per line, multi-line records whole, and empty for nothing', () => {
    const text = entriesText([
      { timestamp: '2024-05-01T12:00:00.000Z', component: 'scheduler', message: '\u001b[31mboom\u001b[0m\nTraceback' },
      { timestamp: '2024-05-01T12:00:01.000Z', component: 'webserver', message: 'GET /health' },
    ])
    expect(text).toBe('2024-05-01T12:00:00.000Z [scheduler] boom\nTraceback\n2024-05-01T12:00:01.000Z [webserver] GET /health\n')
    expect(entriesText([])).toBe('')
  })
  it('names downloads by release, component and start', () => {
    expect(downloadName('lunar-orbit-1234', 'scheduler', '2024-05-01T12:00:00.000Z')).toBe('lunar-orbit-1234-scheduler-logs-2024-05-01T12-00-00-000Z.log')
  })
})
