import { z } from 'zod'
import {
  DAG_DEPLOYMENT_TYPES,
  type DagDeploymentInput,
  dagDeploymentProblems,
  type DagDeploymentType,
  SYNC_INTERVAL,
} from '@/lib/dag-deployment'

/** What the server sends back: never the SSH key or the known hosts. */
export interface DagSettings {
  type: DagDeploymentType
  nfsLocation: string | null
  repositoryUrl: string | null
  branchName: string | null
  syncInterval: number | null
  dagDirectoryLocation: string | null
  rev: string | null
  sshKeySet: boolean
  knownHostsSet: boolean
}

export interface DagFormValues {
  type: DagDeploymentType
  nfsLocation: string
  repositoryUrl: string
  branchName: string
  syncInterval: string
  dagDirectoryLocation: string
  rev: string
  /** Write-only: empty keeps the stored key. */
  sshKey: string
  knownHosts: string
}

/** The form's starting values: the server's settings, secrets always empty. */
export function formFromSettings(s: DagSettings): DagFormValues {
  return {
    type: s.type,
    nfsLocation: s.nfsLocation ?? '',
    repositoryUrl: s.repositoryUrl ?? '',
    branchName: s.branchName ?? 'main',
    syncInterval: String(s.syncInterval ?? SYNC_INTERVAL.default),
    dagDirectoryLocation: s.dagDirectoryLocation ?? 'dags',
    rev: s.rev ?? '',
    sshKey: '',
    knownHosts: '',
  }
}

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim())

/** Houston's `DagDeployment` input: only the chosen mechanism's fields; secrets only when typed. */
export function toDagInput(v: DagFormValues): DagDeploymentInput {
  switch (v.type) {
    case 'image':
    case 'dag_only':
      return { type: v.type }
    case 'volume':
      return { type: 'volume', nfsLocation: v.nfsLocation.trim() }
    case 'git_sync':
      return {
        type: 'git_sync',
        repositoryUrl: v.repositoryUrl.trim(),
        branchName: v.branchName.trim(),
        syncInterval: v.syncInterval.trim() === '' ? null : Number(v.syncInterval),
        dagDirectoryLocation: orNull(v.dagDirectoryLocation),
        rev: orNull(v.rev),
        sshKey: orNull(v.sshKey) === null ? null : v.sshKey.trim(),
        knownHosts: orNull(v.knownHosts) === null ? null : v.knownHosts.trim(),
      }
  }
}

/** The form schema: the rules the server applies (src/lib/dag-deployment.ts), placed on the form's fields. */
export function dagFormSchema(stored: DagSettings) {
  return z
    .object({
      type: z.enum(DAG_DEPLOYMENT_TYPES),
      nfsLocation: z.string(),
      repositoryUrl: z.string(),
      branchName: z.string(),
      syncInterval: z.string(),
      dagDirectoryLocation: z.string(),
      rev: z.string(),
      sshKey: z.string(),
      knownHosts: z.string(),
    })
    .superRefine((values, ctx) => {
      if (values.type === 'git_sync' && values.syncInterval.trim() !== '' && !/^\d+$/.test(values.syncInterval.trim())) {
        ctx.addIssue({ code: 'custom', path: ['syncInterval'], message: 'The sync interval is a whole number of seconds.' })
        return
      }
      const keeps = stored.type === 'git_sync' && values.type === 'git_sync'
      for (const p of dagDeploymentProblems(toDagInput(values), { sshKey: keeps && stored.sshKeySet, knownHosts: keeps && stored.knownHostsSet })) {
        ctx.addIssue({ code: 'custom', path: [p.field], message: p.message })
      }
    })
}

/** Maps a server field such as `dagDeployment.nfsLocation` onto the form's field. */
export function dagFieldOf(field: string | undefined): keyof DagFormValues | null {
  const m = field?.match(/^dagDeployment\.(\w+)$/)
  const name = m?.[1]
  const known: readonly string[] = ['nfsLocation', 'repositoryUrl', 'branchName', 'syncInterval', 'dagDirectoryLocation', 'rev', 'sshKey', 'knownHosts']
  return name && known.includes(name) ? (name as keyof DagFormValues) : null
}

/** Whether saving removes the DAGs currently deployed: a move to DAG-only deploys from another mechanism. */
export const removesDeployedDags = (from: DagDeploymentType, to: DagDeploymentType): boolean => to === 'dag_only' && from !== 'dag_only'
