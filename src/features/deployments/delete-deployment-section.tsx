import { useMutation } from '@apollo/client/react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { TypedConfirmDialog } from '@/components/ui/confirm-dialog'
import { isolated } from '@/components/ui/isolated'
import { DeleteDeploymentMutation } from './operations'

export function DeleteDeploymentSection({ deploymentId, workspaceId, label, releaseName }: { deploymentId: string; workspaceId: string; label: string; releaseName: string }) {
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [remove, { loading, error }] = useMutation(DeleteDeploymentMutation, {
    refetchQueries: ['WorkspaceOverview', 'Workspaces'],
    update(cache, { data }) {
      if (data) cache.evict({ id: cache.identify({ __typename: 'Deployment', id: data.deleteDeployment.id }) })
    },
  })

  const confirm = async () => {
    const result = await remove({ variables: { deploymentUuid: deploymentId } }).catch(() => null)
    if (!result?.data) return
    setOpen(false)
    toast.success(isolated`Deployment “${label}” (${releaseName}) deleted`)
    await navigate(`/workspaces/${workspaceId}`, { replace: true })
  }

  return (
    <section aria-labelledby="delete-heading" className="rounded-lg border border-danger p-5">
      <h2 id="delete-heading" className="text-lg font-semibold">
        Delete deployment
      </h2>
      <p className="mt-1 text-sm">Deleting removes its namespace, metadata database, logs and metrics. This cannot be undone.</p>
      <Button variant="danger" className="mt-3" onClick={() => setOpen(true)}>
        Delete deployment…
      </Button>
      <TypedConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={isolated`Delete ${label}?`}
        description={isolated`Type the release name ${releaseName} to confirm.`}
        inputLabel="Release name"
        expected={releaseName}
        confirmLabel="Delete this deployment"
        onConfirm={() => void confirm()}
        busy={loading}
        error={error}
      />
    </section>
  )
}
