import type { ApolloCache } from '@apollo/client'
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react'
import { useState } from 'react'
import { useParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import type { ServiceAccountRowFragment } from '@/gql/graphql'
import {
  CreateDeploymentServiceAccountMutation,
  CreateWorkspaceServiceAccountMutation,
  DeleteDeploymentServiceAccountMutation,
  DeleteWorkspaceServiceAccountMutation,
  DeploymentServiceAccountsQuery,
  WorkspaceServiceAccountsQuery,
} from './operations'
import { useGrantableRoles } from './role-choice'
import { byLabel, type CreateInput, CreateServiceAccountDialog, DeleteServiceAccountDialog, NoServiceAccounts, ServiceAccountsTable, withoutApiKey } from './service-account-parts'

function evictAccount(cache: ApolloCache, id: string) {
  cache.evict({ id: cache.identify({ __typename: 'ServiceAccount', id }) })
  cache.gc()
}

export function WorkspaceServiceAccountsPage() {
  const { workspaceId = '' } = useParams()
  const access = useAccess()
  const client = useApolloClient()
  const variables = { workspaceUuid: workspaceId }
  const { data, loading, error, refetch } = useQuery(WorkspaceServiceAccountsQuery, { variables })
  const roles = useGrantableRoles({ scope: 'WORKSPACE', workspaceId })
  // no-cache: the answer carries the API key, which must never be stored.
  const [create] = useMutation(CreateWorkspaceServiceAccountMutation, { fetchPolicy: 'no-cache' })
  const [remove] = useMutation(DeleteWorkspaceServiceAccountMutation)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<ServiceAccountRowFragment | null>(null)

  if (!data && loading) return <LoadingState label="Loading service accounts…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const canCreate = access.workspace(workspaceId, 'workspace.serviceAccounts.create') && roles.length > 0
  const canDelete = access.workspace(workspaceId, 'workspace.serviceAccounts.delete')
  const what = `workspace ${data.workspace.label}`
  const whatShown = isolated`workspace ${data.workspace.label}`

  const onCreate = async (input: CreateInput) => {
    const result = await create({ variables: { workspaceUuid: workspaceId, ...input } })
    const created = result.data?.createWorkspaceServiceAccount
    if (!created?.apiKey) throw new Error('The server created the account but sent no API key.')
    const account = { ...withoutApiKey(created), __typename: 'ServiceAccount' as const }
    client.cache.updateQuery({ query: WorkspaceServiceAccountsQuery, variables }, (prev) =>
      prev ? { ...prev, workspaceServiceAccounts: [...prev.workspaceServiceAccounts.filter((a) => a.id !== account.id), account].sort(byLabel) } : prev,
    )
    return { label: created.label, apiKey: created.apiKey }
  }

  const onDelete = async (a: ServiceAccountRowFragment) => {
    await remove({ variables: { serviceAccountUuid: a.id, workspaceUuid: workspaceId }, update: (cache) => evictAccount(cache, a.id) })
  }

  return (
    <>
      <PageHeader
        title={isolated`${data.workspace.label}: service accounts`}
        description="Non-human identities for CI/CD and automation, with a role on the whole workspace."
        actions={
          canCreate ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New service account
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="Service accounts could not be refreshed" onRetry={() => void refetch()} /> : null}
      {data.workspaceServiceAccounts.length === 0 ? (
        <NoServiceAccounts canCreate={canCreate} what={whatShown} />
      ) : (
        <ServiceAccountsTable accounts={data.workspaceServiceAccounts} caption={`Service accounts of ${what}`} canDelete={canDelete} onDelete={setDeleting} />
      )}
      {canCreate ? <CreateServiceAccountDialog open={creating} onOpenChange={setCreating} what={whatShown} roles={roles} onCreate={onCreate} /> : null}
      {canDelete ? <DeleteServiceAccountDialog account={deleting} onClose={() => setDeleting(null)} onDelete={onDelete} /> : null}
    </>
  )
}

export function DeploymentServiceAccountsPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const access = useAccess()
  const client = useApolloClient()
  const variables = { deploymentUuid: deploymentId }
  const { data, loading, error, refetch } = useQuery(DeploymentServiceAccountsQuery, { variables })
  const roles = useGrantableRoles({ scope: 'DEPLOYMENT', workspaceId, deploymentId })
  const [create] = useMutation(CreateDeploymentServiceAccountMutation, { fetchPolicy: 'no-cache' })
  const [remove] = useMutation(DeleteDeploymentServiceAccountMutation)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<ServiceAccountRowFragment | null>(null)

  if (!data && loading) return <LoadingState label="Loading service accounts…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const canCreate = access.deployment(workspaceId, deploymentId, 'deployment.serviceAccounts.create') && roles.length > 0
  const canDelete = access.deployment(workspaceId, deploymentId, 'deployment.serviceAccounts.delete')
  const what = `deployment ${data.deployment.label}`
  const whatShown = isolated`deployment ${data.deployment.label}`

  const onCreate = async (input: CreateInput) => {
    const result = await create({ variables: { deploymentUuid: deploymentId, ...input } })
    const created = result.data?.createDeploymentServiceAccount
    if (!created?.apiKey) throw new Error('The server created the account but sent no API key.')
    const account = { ...withoutApiKey(created), __typename: 'ServiceAccount' as const }
    client.cache.updateQuery({ query: DeploymentServiceAccountsQuery, variables }, (prev) =>
      prev ? { ...prev, deploymentServiceAccounts: [...prev.deploymentServiceAccounts.filter((a) => a.id !== account.id), account].sort(byLabel) } : prev,
    )
    return { label: created.label, apiKey: created.apiKey }
  }

  const onDelete = async (a: ServiceAccountRowFragment) => {
    await remove({ variables: { serviceAccountUuid: a.id, deploymentUuid: deploymentId }, update: (cache) => evictAccount(cache, a.id) })
  }

  return (
    <>
      <PageHeader
        title={isolated`${data.deployment.label}: service accounts`}
        description={
          <>
            Non-human identities for CI/CD and automation, with a role on this deployment only (<span className="font-mono"><bdi>{data.deployment.releaseName}</bdi></span>).
          </>
        }
        actions={
          canCreate ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New service account
            </Button>
          ) : null
        }
      />
      {error ? <ErrorState error={error} title="Service accounts could not be refreshed" onRetry={() => void refetch()} /> : null}
      {data.deploymentServiceAccounts.length === 0 ? (
        <NoServiceAccounts canCreate={canCreate} what={whatShown} />
      ) : (
        <ServiceAccountsTable accounts={data.deploymentServiceAccounts} caption={`Service accounts of ${what}`} canDelete={canDelete} onDelete={setDeleting} />
      )}
      {canCreate ? <CreateServiceAccountDialog open={creating} onOpenChange={setCreating} what={whatShown} roles={roles} onCreate={onCreate} /> : null}
      {canDelete ? <DeleteServiceAccountDialog account={deleting} onClose={() => setDeleting(null)} onDelete={onDelete} /> : null}
    </>
  )
}
