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
    expect(labels(navSections(access, undefined, undefined))).toEqual([
      'All workspaces',
      'Your roles',
      'Users',
      'Workspaces and quotas',
      'All deployments',
      'All teams',
      'Platform task usage',
    ])
  })

  it('shows a system viewer the platform-wide teams and task usage, nothing else of the admin section', () => {
    const access = accessFor([{ role: 'SYSTEM_VIEWER' }])
    expect(navSections(access, undefined, undefined).find((s) => s.title === 'System admin')?.items.map((i) => i.label)).toEqual(['All teams', 'Platform task usage'])
  })

  it('shows teams and task usage to workspace viewers, and to a member through a team', () => {
    const viewer = labels(navSections(accessFor([{ role: 'WORKSPACE_VIEWER', workspaceId: 'w1' }]), 'w1', 'd1'))
    expect(viewer).toEqual(expect.arrayContaining(['Teams', 'Task usage', 'Deployment teams', 'Deployment task usage']))
    const viaTeam = labels(navSections(accessFor([{ role: 'WORKSPACE_VIEWER', workspaceId: 'w1', via: { teamId: 't', teamName: 'T' } }]), 'w1', 'd1'))
    expect(viaTeam).toEqual(viewer)
    // A role on one deployment: its task usage, not the workspace's.
    const deploymentOnly = labels(navSections(accessFor([{ role: 'DEPLOYMENT_VIEWER', workspaceId: 'w1', deploymentId: 'd1' }]), 'w1', 'd1'))
    expect(deploymentOnly).toContain('Deployment task usage')
    expect(deploymentOnly).not.toContain('Task usage')
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
