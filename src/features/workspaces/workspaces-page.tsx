import { useMutation, useQuery } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { Link, useNavigate } from 'react-router'
import { toast } from 'sonner'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextAreaField, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { apiProblems } from '@/lib/graphql-errors'
import { CreateWorkspaceMutation, WorkspacesQuery } from './operations'

const createSchema = z.object({
  label: z.string().trim().min(1, 'Enter a name.').max(100, 'Names are at most 100 characters.'),
  description: z.string().max(1000, 'Descriptions are at most 1,000 characters.'),
})
type CreateValues = z.infer<typeof createSchema>

function CreateWorkspaceDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const navigate = useNavigate()
  const form = useForm<CreateValues>({ resolver: zodResolver(createSchema), defaultValues: { label: '', description: '' } })
  const [create, { loading, error }] = useMutation(CreateWorkspaceMutation, {
    update(cache, { data }) {
      const created = data?.createWorkspace
      if (!created) return
      cache.updateQuery({ query: WorkspacesQuery }, (prev) => (prev ? { workspaces: [...prev.workspaces, created] } : prev))
    },
  })
  const problems = error ? apiProblems(error) : []
  const labelProblem = problems.find((p) => p.field === 'label')

  const submit = async (values: CreateValues) => {
    const result = await create({ variables: { label: values.label.trim(), description: values.description.trim() || null } }).catch(() => null)
    const created = result?.data?.createWorkspace
    if (!created) return
    toast.success(isolated`Workspace “${created.label}” created`)
    onOpenChange(false)
    form.reset()
    await navigate(`/workspaces/${created.id}`)
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Create a workspace" description="A workspace groups deployments, usually for one team.">
      <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)}>
        <TextField label="Name" autoFocus error={form.formState.errors.label?.message ?? labelProblem?.message} {...form.register('label')} />
        <TextAreaField label="Description" hint="Optional." error={form.formState.errors.description?.message} {...form.register('description')} />
        {problems.length > 0 && !labelProblem ? <InlineAlert tone="danger">{problems[0]?.message}</InlineAlert> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" busy={loading || form.formState.isSubmitting}>
            Create workspace
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

export function WorkspacesPage() {
  const { data, loading, error, refetch } = useQuery(WorkspacesQuery)
  const access = useAccess()
  const [creating, setCreating] = useState(false)
  const canCreate = access.system('system.workspace.create')

  return (
    <>
      <PageHeader
        title="Workspaces"
        description="Each workspace groups deployments and the people who work on them."
        actions={
          canCreate ? (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create workspace
            </Button>
          ) : null
        }
      />
      {error && data ? <ErrorState error={error} title="The list could not be refreshed" onRetry={() => void refetch()} /> : null}
      {!data && loading ? <LoadingState label="Loading workspaces…" /> : null}
      {!data && error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {data && data.workspaces.length === 0 ? (
        <EmptyState title="You are not in any workspace yet">Create one, or ask a workspace admin to invite you.</EmptyState>
      ) : null}
      {data && data.workspaces.length > 0 ? (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {data.workspaces.map((w) => (
            <li key={w.id} className="rounded-lg border border-border bg-surface p-4">
              <Link to={`/workspaces/${w.id}`} className="text-lg font-semibold text-accent underline-offset-2 wrap-anywhere hover:underline">
                {w.label}
              </Link>
              {w.description ? <p className="mt-1 line-clamp-2 text-sm text-muted wrap-anywhere" title={w.description}>{w.description}</p> : null}
              <dl className="mt-3 flex gap-6 text-sm">
                <div>
                  <dt className="text-muted">Deployments</dt>
                  <dd className="font-medium">{w.deploymentCount}</dd>
                </div>
                <div>
                  <dt className="text-muted">AU used</dt>
                  <dd className="font-medium">
                    {w.auUsed} of {w.auQuota}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </>
  )
}
