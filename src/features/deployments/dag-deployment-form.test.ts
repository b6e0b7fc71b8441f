import { describe, expect, it } from 'vitest'
import { dagFieldOf, dagFormSchema, type DagSettings, formFromSettings, removesDeployedDags, toDagInput } from './dag-deployment-form'

const stored: DagSettings = { type: 'git_sync', nfsLocation: null, repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main', syncInterval: 60, dagDirectoryLocation: 'dags', rev: null, sshKeySet: true, knownHostsSet: true }

describe('the DAG deployment form', () => {
  it('starts from the server settings with the secrets empty', () => {
    expect(formFromSettings(stored)).toMatchObject({ type: 'git_sync', sshKey: '', knownHosts: '', syncInterval: '60' })
  })

  it('sends only the chosen mechanism, and secrets only when typed', () => {
    const values = formFromSettings(stored)
    expect(toDagInput(values)).toEqual({ type: 'git_sync', repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main', syncInterval: 60, dagDirectoryLocation: 'dags', rev: null, sshKey: null, knownHosts: null })
    expect(toDagInput({ ...values, type: 'volume', nfsLocation: ' nfs://n:/x ' })).toEqual({ type: 'volume', nfsLocation: 'nfs://n:/x' })
    expect(toDagInput({ ...values, type: 'image' })).toEqual({ type: 'image' })
  })

  it('keeps a stored key but asks for one when moving to an SSH repository', () => {
    const schema = dagFormSchema(stored)
    expect(schema.safeParse(formFromSettings(stored)).success).toBe(true)
    const fresh = dagFormSchema({ ...stored, type: 'image', sshKeySet: false, knownHostsSet: false })
    const issues = fresh.safeParse(formFromSettings(stored))
    expect(issues.success ? [] : issues.error.issues.map((i) => i.path.join('.'))).toEqual(['sshKey', 'knownHosts'])
    const bad = schema.safeParse({ ...formFromSettings(stored), syncInterval: '1.5' })
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['The sync interval is a whole number of seconds.'])
  })

  it('maps server fields and knows when the deployed DAGs go', () => {
    expect(dagFieldOf('dagDeployment.nfsLocation')).toBe('nfsLocation')
    expect(dagFieldOf('dagDeployment.type')).toBeNull()
    expect(removesDeployedDags('image', 'dag_only')).toBe(true)
    expect(removesDeployedDags('dag_only', 'dag_only')).toBe(false)
    expect(removesDeployedDags('dag_only', 'image')).toBe(false)
  })
})
