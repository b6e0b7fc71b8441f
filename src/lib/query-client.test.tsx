import { describe, expect, it } from 'vitest'
import { clearRegisteredCaches } from './cache-registry'
import { sharedQueryClient } from './query-client'

describe('the shared query client', () => {
  it('is one client, emptied with every other cache when the session ends', () => {
    const client = sharedQueryClient()
    expect(sharedQueryClient()).toBe(client)
    client.setQueryData(['metrics', 'd1'], { value: 42 })
    clearRegisteredCaches()
    expect(client.getQueryData(['metrics', 'd1'])).toBeUndefined()
  })
})
