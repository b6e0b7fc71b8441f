import { describe, expect, it } from 'vitest'
import { dagDeploymentProblems, isSshRepository, nfsLocationProblem, rollbackPossible } from './dag-deployment'

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----'
const HOSTS = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA'

describe('NFS locations', () => {
  it.each([
    ['nfs://nfs.example.com:/exports/dags', true],
    ['nfs://10.0.0.12:/exports', true],
    ['nfs://host:/', true],
    ['nfs://nfs.example.com/exports/dags', false],
    ['nfs://:/exports', false],
    ['https://nfs.example.com:/exports', false],
    ['nfs://nfs.example.com:exports', false],
    ['', false],
  ])('%s is valid: %s', (value, ok) => expect(nfsLocationProblem(value) === null).toBe(ok))
})

describe('DAG deployment input', () => {
  it.each([
    [{ type: 'image' }, []],
    [{ type: 'dag_only' }, []],
    [{ type: 'image', repositoryUrl: 'https://github.com/a/b.git' }, ['repositoryUrl']],
    [{ type: 'volume', nfsLocation: 'nfs://n:/x' }, []],
    [{ type: 'git_sync', repositoryUrl: 'https://github.com/acme/dags.git', branchName: 'main' }, []],
    [{ type: 'git_sync', repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main' }, ['sshKey', 'knownHosts']],
    [{ type: 'git_sync', repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main', sshKey: KEY, knownHosts: HOSTS }, []],
    [{ type: 'git_sync', repositoryUrl: 'ssh://git@github.com/acme/dags.git', branchName: 'feature/x', syncInterval: 3601, sshKey: KEY, knownHosts: 'github.com' }, ['syncInterval', 'knownHosts']],
    [{ type: 'git_sync', repositoryUrl: 'https://github.com/acme/dags.git', branchName: 'main', rev: 'abc 123', dagDirectoryLocation: '/abs' }, ['dagDirectoryLocation', 'rev']],
  ] as const)('%j has problems on %j', (input, fields) => {
    expect(dagDeploymentProblems(input).map((p) => p.field)).toEqual(fields)
  })

  it('keeps a stored key and known hosts when none is sent', () => {
    const input = { type: 'git_sync', repositoryUrl: 'git@github.com:acme/dags.git', branchName: 'main' } as const
    expect(dagDeploymentProblems(input, { sshKey: true, knownHosts: true })).toEqual([])
  })

  it('tells SSH repositories apart and refuses rollback with NFS and git-sync', () => {
    expect(isSshRepository('git@github.com:acme/dags.git')).toBe(true)
    expect(isSshRepository('https://github.com/acme/dags.git')).toBe(false)
    expect(['image', 'dag_only', 'volume', 'git_sync'].map((t) => rollbackPossible(t as 'image'))).toEqual([true, true, false, false])
  })
})
