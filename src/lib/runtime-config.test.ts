import { describe, expect, it } from 'vitest'
import { fillUrlTemplate, parseRuntimeConfig, resolveConfig, type RuntimeConfig } from './runtime-config'

function parse(input: unknown): RuntimeConfig {
  const parsed = parseRuntimeConfig(input)
  if (!parsed.success) throw new Error(parsed.problems.join('; '))
  return parsed.data
}

describe('runtime config', () => {
  it('runs the demo backend when no GraphQL URL is configured', () => {
    const config = resolveConfig(parse({}), 'http://console.test')
    expect(config).toMatchObject({ demo: true, graphqlUrl: 'http://console.test/v1', graphqlWsUrl: 'ws://console.test/ws', metricsUrl: 'http://console.test' })
  })

  it('uses a configured backend as given', () => {
    const raw = parse({ graphqlUrl: 'https://houston.example.com/v1', graphqlWsUrl: 'wss://houston.example.com/ws', metricsUrl: 'https://prom.example.com' })
    expect(resolveConfig(raw, 'https://console.example.com')).toMatchObject({
      demo: false,
      graphqlUrl: 'https://houston.example.com/v1',
      graphqlWsUrl: 'wss://houston.example.com/ws',
      metricsUrl: 'https://prom.example.com',
      grafanaUrlTemplate: null,
    })
  })

  it('leaves subscriptions off for a backend without a WebSocket URL', () => {
    const raw = parse({ graphqlUrl: 'https://houston.example.com/v1' })
    expect(resolveConfig(raw, 'https://console.example.com').graphqlWsUrl).toBeNull()
  })

  it('refuses a config with the wrong types', () => {
    expect(parseRuntimeConfig({ graphqlUrl: 42 })).toEqual({ success: false, problems: ['graphqlUrl: expected a non-empty string or null, got number'] })
    expect(parseRuntimeConfig({ graphqlUrl: '' }).success).toBe(false)
    expect(parseRuntimeConfig(['https://houston.example.com/v1']).success).toBe(false)
    expect(parseRuntimeConfig(null).success).toBe(false)
  })

  it('fills URL templates with encoded values and leaves unknown names', () => {
    expect(fillUrlTemplate('https://g.example.com/d/x?var-release={releaseName}&x={other}', { releaseName: 'a b&c' })).toBe(
      'https://g.example.com/d/x?var-release=a%20b%26c&x={other}',
    )
  })
})
