// A deployment's DAG deployment settings: Houston's `DagDeployment` input
// checked with the rules of src/lib/dag-deployment.ts, and read back without
// its secrets.
import { dagDeploymentProblems, type DagDeploymentInput, SYNC_INTERVAL } from '../../src/lib/dag-deployment'
import { IMAGE_DAGS } from './deploys'
import { badInput } from './errors'
import type { DagDeploymentRecord } from './state'

const trimmed = (v: string | null | undefined): string | null => {
  const t = v?.trim() ?? ''
  return t === '' ? null : t
}

/**
 * The settings a deployment will have. For git-sync, an SSH key or known
 * hosts left out keep the stored ones; moving to another mechanism forgets
 * them. Refuses input the rules refuse, on `dagDeployment.<field>`.
 */
export function parseDagDeployment(input: DagDeploymentInput, stored: DagDeploymentRecord | null): DagDeploymentRecord {
  const keeps = stored?.type === 'git_sync' && input.type === 'git_sync'
  const storedSecrets = { sshKey: keeps && stored.sshKey !== null, knownHosts: keeps && stored.knownHosts !== null }
  const [first, ...rest] = dagDeploymentProblems(input, storedSecrets)
  if (first) {
    throw badInput(`dagDeployment.${first.field}`, first.message, {
      problems: [first, ...rest].map((p) => ({ field: `dagDeployment.${p.field}`, message: p.message })),
    })
  }
  switch (input.type) {
    case 'image':
    case 'dag_only':
      return { ...IMAGE_DAGS, type: input.type }
    case 'volume':
      return { ...IMAGE_DAGS, type: 'volume', nfsLocation: trimmed(input.nfsLocation) }
    case 'git_sync':
      return {
        ...IMAGE_DAGS,
        type: 'git_sync',
        repositoryUrl: trimmed(input.repositoryUrl),
        branchName: trimmed(input.branchName),
        syncInterval: input.syncInterval ?? SYNC_INTERVAL.default,
        dagDirectoryLocation: trimmed(input.dagDirectoryLocation) ?? 'dags',
        rev: trimmed(input.rev),
        sshKey: trimmed(input.sshKey) !== null ? (input.sshKey ?? '').trim() : keeps ? stored.sshKey : null,
        knownHosts: trimmed(input.knownHosts) !== null ? (input.knownHosts ?? '').trim() : keeps ? stored.knownHosts : null,
      }
  }
}

/** What the API returns: never the SSH key or the known hosts, only whether they are stored. */
export function dagDeploymentSettings(d: DagDeploymentRecord) {
  return {
    type: d.type,
    nfsLocation: d.nfsLocation,
    repositoryUrl: d.repositoryUrl,
    branchName: d.branchName,
    syncInterval: d.syncInterval,
    dagDirectoryLocation: d.dagDirectoryLocation,
    rev: d.rev,
    sshKeySet: d.sshKey !== null,
    knownHostsSet: d.knownHosts !== null,
  }
}
