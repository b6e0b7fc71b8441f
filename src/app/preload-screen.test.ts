import { describe, expect, it, vi } from 'vitest'
import { preloadScreen } from './router'

// Stand-ins for two screens' modules: each records when its code is loaded.
const loaded = vi.hoisted(() => [] as string[])
vi.mock('./screens/workspace-overview', () => {
  loaded.push('workspace overview')
  return { default: () => null }
})
vi.mock('./screens/deployment-logs', () => {
  loaded.push('deployment logs')
  return { default: () => null }
})

describe('preloadScreen', () => {
  it('starts loading the code of the screen at an address, and of no other', async () => {
    expect(loaded).toEqual([])
    preloadScreen('/workspaces/0b6c3f9e-1111-4a2b-9c3d-000000000001')
    await vi.waitFor(() => expect(loaded).toEqual(['workspace overview']))
    preloadScreen('/workspaces/0b6c3f9e-1111-4a2b-9c3d-000000000001/deployments/0b6c3f9e-1111-4a2b-9c3d-000000000002/logs')
    await vi.waitFor(() => expect(loaded).toEqual(['workspace overview', 'deployment logs']))
  })

  it('loads nothing for an address that names no screen', async () => {
    const before = [...loaded]
    preloadScreen('/no/such/page')
    preloadScreen('/forbidden')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(loaded).toEqual(before)
  })
})
