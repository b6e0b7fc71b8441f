// How a deployment gets its DAGs, and the rules for each mechanism, shared by
// the settings form and the fake backend so both refuse the same input.

export const DAG_DEPLOYMENT_TYPES = ['image', 'volume', 'git_sync', 'dag_only'] as const
export type DagDeploymentType = (typeof DAG_DEPLOYMENT_TYPES)[number]

export const DAG_DEPLOYMENT_LABELS: Record<DagDeploymentType, string> = {
  image: 'Image',
  volume: 'NFS volume',
  git_sync: 'Git sync',
  dag_only: 'DAG-only deploys',
}

export const DAG_DEPLOYMENT_DESCRIPTIONS: Record<DagDeploymentType, string> = {
  image: 'DAGs ship inside the image your CI deploys: code and DAGs change together.',
  volume: 'The platform mounts an NFS share; whatever is on it is what Airflow runs.',
  git_sync: 'A sidecar pulls a Git branch on an interval; a push is live within the interval.',
  dag_only: 'DAGs are deployed on their own, without building an image; the image changes only for dependencies.',
}

/** Where a mechanism's DAGs come from, in a sentence: "takes its DAGs from …". */
export const DAG_SOURCE: Record<DagDeploymentType, string> = {
  image: 'its image',
  dag_only: 'DAG-only deploys',
  volume: 'an NFS volume',
  git_sync: 'git-sync',
}

/** Mechanisms whose DAGs are not part of a deploy, so a deploy cannot be rolled back. */
export const ROLLBACK_REFUSED: readonly DagDeploymentType[] = ['volume', 'git_sync']

export const rollbackPossible = (type: DagDeploymentType): boolean => !ROLLBACK_REFUSED.includes(type)

/** The git-sync interval, in seconds: how often the branch is pulled. */
export const SYNC_INTERVAL = { default: 60, minimum: 5, limit: 3600 } as const

/** `nfs://host:/path`: a host name or IPv4 address, a colon, an absolute export path. */
export const NFS_LOCATION_PATTERN = /^nfs:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*:\/[^\s]*$/i

const HTTPS_REPO = /^https?:\/\/[^\s/@]+(?::\d+)?\/[^\s]+$/i
const SSH_URL_REPO = /^ssh:\/\/[^\s@]+@[^\s/:]+(?::\d+)?\/[^\s]+$/i
const SCP_REPO = /^[a-z0-9._-]+@[a-z0-9.-]+:[^\s]+$/i
const BRANCH = /^(?!\/)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[^\s~^:?*[\\]+(?<!\/)(?<!\.lock)$/
const PRIVATE_KEY = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/

/** Whether a Git URL is reached over SSH (and so needs an SSH key). */
export const isSshRepository = (url: string): boolean => SSH_URL_REPO.test(url.trim()) || SCP_REPO.test(url.trim())

export function nfsLocationProblem(value: string): string | null {
  const v = value.trim()
  if (!v) return 'Enter the NFS location, e.g. nfs://nfs.example.com:/exports/dags.'
  if (!NFS_LOCATION_PATTERN.test(v)) return `“${v}” is not an NFS location: write it as nfs://host:/path, e.g. nfs://nfs.example.com:/exports/dags.`
  return null
}

export function repositoryUrlProblem(value: string): string | null {
  const v = value.trim()
  if (!v) return 'Enter the repository URL.'
  if (!HTTPS_REPO.test(v) && !isSshRepository(v)) {
    return `“${v}” is not a Git repository URL: use https://host/org/repo.git, ssh://git@host/org/repo.git or git@host:org/repo.git.`
  }
  return null
}

export function branchNameProblem(value: string): string | null {
  const v = value.trim()
  if (!v) return 'Enter the branch to sync, e.g. main.'
  if (v.length > 255 || !BRANCH.test(v)) return `“${v}” is not a valid Git branch name.`
  return null
}

export function syncIntervalProblem(value: number): string | null {
  if (!Number.isInteger(value)) return 'The sync interval is a whole number of seconds.'
  if (value < SYNC_INTERVAL.minimum || value > SYNC_INTERVAL.limit) {
    return `The sync interval must be from ${SYNC_INTERVAL.minimum} to ${SYNC_INTERVAL.limit} seconds.`
  }
  return null
}

export function dagDirectoryProblem(value: string): string | null {
  const v = value.trim()
  if (v.length > 255) return 'The DAGs directory is at most 255 characters.'
  if (v.startsWith('/') || v.split('/').includes('..')) return 'Give the DAGs directory relative to the repository root, without “..”, e.g. dags.'
  return null
}

export function revProblem(value: string): string | null {
  const v = value.trim()
  if (v.length > 255 || /\s/.test(v)) return 'The revision is a commit SHA, a tag or HEAD, without spaces.'
  return null
}

export function sshKeyProblem(value: string): string | null {
  if (!PRIVATE_KEY.test(value.trim())) return 'Paste the whole private key, from -----BEGIN … PRIVATE KEY----- to -----END … PRIVATE KEY-----.'
  return null
}

export function knownHostsProblem(value: string): string | null {
  const lines = value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  if (lines.length === 0) return 'Paste at least one known_hosts line, e.g. the output of ssh-keyscan github.com.'
  if (lines.some((l) => l.split(/\s+/).length < 3)) return 'Each known_hosts line is “host key-type key”, e.g. github.com ssh-ed25519 AAAA….'
  return null
}

/** What a client sends (Houston's `DagDeployment` input): secrets only when they change. */
export interface DagDeploymentInput {
  type: DagDeploymentType
  nfsLocation?: string | null
  repositoryUrl?: string | null
  branchName?: string | null
  syncInterval?: number | null
  dagDirectoryLocation?: string | null
  rev?: string | null
  sshKey?: string | null
  knownHosts?: string | null
}

export interface DagDeploymentProblem {
  /** The input's field, e.g. `nfsLocation`. */
  field: keyof DagDeploymentInput
  message: string
}

const FIELDS_OF: Record<DagDeploymentType, readonly (keyof DagDeploymentInput)[]> = {
  image: [],
  dag_only: [],
  volume: ['nfsLocation'],
  git_sync: ['repositoryUrl', 'branchName', 'syncInterval', 'dagDirectoryLocation', 'rev', 'sshKey', 'knownHosts'],
}

/**
 * Every problem with a DAG deployment input. `storedSecrets` says whether an
 * SSH key and known hosts are already stored for git-sync: a key left out
 * then keeps the stored one.
 */
export function dagDeploymentProblems(input: DagDeploymentInput, storedSecrets: { sshKey: boolean; knownHosts: boolean } = { sshKey: false, knownHosts: false }): DagDeploymentProblem[] {
  const problems: DagDeploymentProblem[] = []
  const add = (field: keyof DagDeploymentInput, message: string | null) => {
    if (message) problems.push({ field, message })
  }
  const allowed = FIELDS_OF[input.type]
  for (const field of ['nfsLocation', 'repositoryUrl', 'branchName', 'syncInterval', 'dagDirectoryLocation', 'rev', 'sshKey', 'knownHosts'] as const) {
    const value = input[field]
    if (value !== undefined && value !== null && value !== '' && !allowed.includes(field)) {
      add(field, `${field} does not apply to ${DAG_DEPLOYMENT_LABELS[input.type]}.`)
    }
  }
  if (input.type === 'volume') add('nfsLocation', nfsLocationProblem(input.nfsLocation ?? ''))
  if (input.type === 'git_sync') {
    const url = input.repositoryUrl ?? ''
    add('repositoryUrl', repositoryUrlProblem(url))
    add('branchName', branchNameProblem(input.branchName ?? ''))
    if (input.syncInterval !== undefined && input.syncInterval !== null) add('syncInterval', syncIntervalProblem(input.syncInterval))
    if (input.dagDirectoryLocation) add('dagDirectoryLocation', dagDirectoryProblem(input.dagDirectoryLocation))
    if (input.rev) add('rev', revProblem(input.rev))
    const key = input.sshKey ?? ''
    if (key) add('sshKey', sshKeyProblem(key))
    else if (isSshRepository(url) && !storedSecrets.sshKey) add('sshKey', 'A repository reached over SSH needs an SSH key: paste its private key.')
    const hosts = input.knownHosts ?? ''
    if (hosts) add('knownHosts', knownHostsProblem(hosts))
    else if (isSshRepository(url) && !storedSecrets.knownHosts) add('knownHosts', 'A repository reached over SSH needs its host’s known_hosts line, so that the host can be verified.')
  }
  return problems
}
