import { useMutation, useQuery } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useNavigate, useParams } from 'react-router'
import { toast } from 'sonner'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { TypedConfirmDialog } from '@/components/ui/confirm-dialog'
import { TextAreaField, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { apiProblems } from '@/lib/graphql-errors'
import { formatDateTime } from '@/lib/format'
import { DeleteWorkspaceMutation, UpdateWorkspaceMutation, WorkspaceSettingsQuery, WorkspacesQuery } from './operations'

const schema = z.object({
  label: z.string().trim().min(1, 'Enter a name.').max(100, 'Names are at most 100 characters.'),
  description: z.string().max(1000, 'Descriptions are at most 1,000 characters.'),
})
type Values = z.infer<typeof schema>

function DetailsForm({ workspaceId, label, description }: { workspaceId: string; label: string; description: string }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { label, description } })
  const [update, { loading, error }] = useMutation(UpdateWorkspaceMutation)
  const problems = error ? apiProblems(error) : []
  const submit = async (values: Values) => {
    const result = await update({ variables: { workspaceUuid: workspaceId, payload: { label: values.label.trim(), description: values.description.trim() || null } } }).catch(() => null)
    if (!result?.data) return
    form.reset({ label: result.data.updateWorkspace.label, description: result.data.updateWorkspace.description ?? '' })
    toast.success('Workspace saved')
  }
  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)}>
      <TextField label="Name" error={form.formState.errors.label?.message ?? problems.find((p) => p.field?.endsWith('label'))?.message} {...form.register('label')} />
      <TextAreaField label="Description" error={form.formState.errors.description?.message} {...form.register('description')} />
      {problems.filter((p) => !p.field?.endsWith('label')).map((p) => (
        <InlineAlert key={p.message} tone="danger">
          {p.message}
        </InlineAlert>
      ))}
      <Button type="submit" variant="primary" busy={loading || form.formState.isSubmitting} disabled={!form.formState.isDirty}>
        Save changes
      </Button>
    </form>
  )
}

function DeleteWorkspace({ workspaceId, label, deploymentCount }: { workspaceId: string; label: string; deploymentCount: number }) {
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [remove, { loading, error }] = useMutation(DeleteWorkspaceMutation, {
    update(cache, { data }) {
      const gone = data?.deleteWorkspace
      if (!gone) return
      cache.updateQuery({ query: WorkspacesQuery }, (prev) => (prev ? { workspaces: prev.workspaces.filter((w) => w.id !== gone.id) } : prev))
      cache.evict({ id: cache.identify({ __typename: 'Workspace', id: gone.id }) })
    },
  })
  const confirm = async () => {
    const result = await remove({ variables: { workspaceUuid: workspaceId } }).catch(() => null)
    if (!result?.data) return
    setOpen(false)
    toast.success(isolated`Workspace “${label}” deleted`)
    await navigate('/workspaces', { replace: true })
  }
  return (
    <section aria-labelledby="delete-ws-heading" className="rounded-lg border border-danger p-5">
      <h2 id="delete-ws-heading" className="text-lg font-semibold">
        Delete workspace
      </h2>
      {deploymentCount > 0 ? (
        <p className="mt-1 text-sm">
          This workspace still has {deploymentCount} deployment{deploymentCount === 1 ? '' : 's'}. Delete them first; a workspace can only be deleted when it is empty.
        </p>
      ) : (
        <p className="mt-1 text-sm">Deleting removes the workspace, its members' access, invites and service accounts. This cannot be undone.</p>
      )}
      <Button variant="danger" className="mt-3" onClick={() => setOpen(true)}>
        Delete workspace…
      </Button>
      <TypedConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={isolated`Delete ${label}?`}
        description={isolated`Type the workspace name “${label}” to confirm.`}
        inputLabel="Workspace name"
        expected={label}
        confirmLabel="Delete this workspace"
        onConfirm={() => void confirm()}
        busy={loading}
        error={error}
      />
    </section>
  )
}

export function WorkspaceSettingsPage() {
  const { workspaceId = '' } = useParams()
  const access = useAccess()
  const { data, loading, error, refetch } = useQuery(WorkspaceSettingsQuery, { variables: { workspaceUuid: workspaceId } })
  if (!data && loading) return <LoadingState label="Loading settings…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />
  const ws = data.workspace
  const canEdit = access.workspace(workspaceId, 'workspace.config.update')
  const canDelete = access.workspace(workspaceId, 'workspace.config.delete')
  return (
    <>
      <PageHeader title={isolated`${ws.label}: settings`} description={`Created ${formatDateTime(ws.createdAt)}`} />
      <div className="max-w-2xl space-y-6">
        <section aria-labelledby="ws-details-heading" className="rounded-lg border border-border bg-surface p-5">
          <h2 id="ws-details-heading" className="mb-3 text-lg font-semibold">
            Details
          </h2>
          {canEdit ? (
            <DetailsForm key={ws.id} workspaceId={ws.id} label={ws.label} description={ws.description ?? ''} />
          ) : (
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-muted">Name</dt>
                <dd className="break-words">{ws.label}</dd>
              </div>
              <div>
                <dt className="text-muted">Description</dt>
                <dd className="break-words">{ws.description || '—'}</dd>
              </div>
              <p className="text-muted">Your role does not allow changing these settings.</p>
            </dl>
          )}
        </section>
        {canDelete ? <DeleteWorkspace workspaceId={ws.id} label={ws.label} deploymentCount={ws.deploymentCount} /> : null}
      </div>
    </>
  )
}
