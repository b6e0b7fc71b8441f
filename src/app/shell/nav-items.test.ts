import { describe, expect, it } from 'vitest'
import { accessFor } from '@/features/auth'
import { navSections } from './nav-items'

const labels = (sections: ReturnType<typeof navSections>) => sections.flatMap((s) => s.items.map((i) => i.label))

describe('navSections', () => {
  it('shows a workspace viewer the screens they can read and no admin section', () => {
    const access = accessFor([{ role: 'WORKSPACE_VIEWER', workspaceId: 'w1' }])
    const shown = labels(navSections(access, 'w1', 'd1'))
    expect(shown).toContain('Logs')
    expect(shown).toContain('Members')
    expect(shown).not.toContain('Users')
  })

  it('shows a system admin the admin section everywhere', () => {
    const access = accessFor([{ role: 'SYSTEM_ADMIN' }])
    expect(labels(navSections(access, undefined, undefined))).toEqual(['All workspaces', 'Users', 'Workspaces and quotas', 'All deployments'])
  })

  it('gives a user with no binding on a workspace nothing inside it', () => {
    const access = accessFor([{ role: 'WORKSPACE_ADMIN', workspaceId: 'other' }])
    const sections = navSections(access, 'w1', 'd1')
    expect(sections.find((s) => s.title === 'Workspace')?.items).toEqual([])
    expect(sections.find((s) => s.title === 'Deployment')?.items).toEqual([])
  })

  it('lets a deployment-level override open logs of that deployment only', () => {
    const access = accessFor([{ role: 'DEPLOYMENT_VIEWER', workspaceId: 'w1', deploymentId: 'd1' }])
    expect(labels(navSections(access, 'w1', 'd1'))).toContain('Logs')
    expect(labels(navSections(access, 'w1', 'd2'))).not.toContain('Logs')
  })
})
