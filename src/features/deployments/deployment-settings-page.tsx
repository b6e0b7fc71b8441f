import { skipToken, useMutation, useQuery } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { useParams } from 'react-router'
import { toast } from 'sonner'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { TextAreaField, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { apiProblems } from '@/lib/graphql-errors'
import { AlertEmailsSection } from './alert-emails-section'
import { DagDeploymentSection } from './dag-deployment-section'
import { DeleteDeploymentSection } from './delete-deployment-section'
import { alertEmailsOf } from './deployment-sizing'
import { EnvVarsSection } from './env-vars-section'
import { DeploymentSettingsQuery, UpdateDeploymentMutation } from './operations'
import { UpgradeSection } from './upgrade-section'
import { usePlatformConfig } from './use-platform-config'

const detailsSchema = z.object({
  label: z.string().trim().min(1, 'Enter a name.').max(100, 'Names are at most 100 characters.'),
  description: z.string().max(1000, 'Descriptions are at most 1,000 characters.'),
})
type Details = z.infer<typeof detailsSchema>

function DetailsSection({ deploymentId, label, description, canEdit, busyReason }: { deploymentId: string; label: string; description: string; canEdit: boolean; busyReason: string | null }) {
  // A field the user has not touched follows the server (a refresh shows a rename made elsewhere); one being edited keeps what was typed.
  const form = useForm<Details>({ resolver: zodResolver(detailsSchema), values: { label, description }, resetOptions: { keepDirtyValues: true } })
  const [update, { loading, error }] = useMutation(UpdateDeploymentMutation)
  const problems = error ? apiProblems(error) : []
  const submit = async (values: Details) => {
    // Only what differs from the server's values is sent: a field left alone never overwrites someone else's change.
    const nextLabel = values.label.trim()
    const nextDescription = values.description.trim() || null
    const payload = {
      ...(nextLabel !== label ? { label: nextLabel } : {}),
      ...(nextDescription !== (description || null) ? { description: nextDescription } : {}),
    }
    const result = await update({ variables: { deploymentUuid: deploymentId, payload } }).catch(() => null)
    if (!result?.data) return
    form.reset({ label: result.data.updateDeployment.label, description: result.data.updateDeployment.description ?? '' })
    toast.success('Details saved')
  }
  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-border bg-surface p-5">
      <h2 id="details-heading" className="text-lg font-semibold">
        Details
      </h2>
      {canEdit ? (
        <form noValidate className="mt-3 space-y-4" onSubmit={form.handleSubmit(submit)}>
          <TextField label="Name" error={form.formState.errors.label?.message ?? problems.find((p) => p.field === 'payload.label' || p.field === 'label')?.message} {...form.register('label')} />
          <TextAreaField label="Description" error={form.formState.errors.description?.message} {...form.register('description')} />
          {problems.filter((p) => !p.field?.endsWith('label')).map((p) => (
            <InlineAlert key={p.message} tone="danger">
              {p.message}
            </InlineAlert>
          ))}
          <Button type="submit" variant="primary" busy={loading || form.formState.isSubmitting} disabled={!form.formState.isDirty || Boolean(busyReason)}>
            Save details
          </Button>
        </form>
      ) : (
        <dl className="mt-3 space-y-2 text-sm">
          <div>
            <dt className="text-muted">Name</dt>
            <dd className="break-words">{label}</dd>
          </div>
          <div>
            <dt className="text-muted">Description</dt>
            <dd className="break-words">{description || '—'}</dd>
          </div>
        </dl>
      )}
    </section>
  )
}

export function DeploymentSettingsPage() {
  const { workspaceId = '', deploymentId = '' } = useParams()
  const access = useAccess()
  const { data, loading, error, refetch } = useQuery(DeploymentSettingsQuery, { variables: { deploymentUuid: deploymentId } })
  const deploying = data?.deployment.status === 'DEPLOYING'
  useQuery(DeploymentSettingsQuery, deploying ? { variables: { deploymentUuid: deploymentId }, pollInterval: 1500, fetchPolicy: 'network-only' } : skipToken)
  const { platform } = usePlatformConfig(workspaceId)

  if (!data && loading) return <LoadingState label="Loading settings…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const d = data.deployment
  const canEdit = access.deployment(workspaceId, deploymentId, 'deployment.config.update')
  const canDelete = access.deployment(workspaceId, deploymentId, 'deployment.config.delete')
  const isAirflowAdmin = access.deployment(workspaceId, deploymentId, 'deployment.airflow.admin')
  const busyReason = deploying ? 'A change is being applied to this deployment. You can save again once it is healthy; this page updates by itself.' : null

  return (
    <>
      <PageHeader title={isolated`${d.label}: settings`} description={canEdit ? undefined : 'You can see these settings; your role does not allow changing them.'} />
      {error ? <ErrorState error={error} title="Settings could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="space-y-6">
        <DetailsSection key={`details-${d.id}`} deploymentId={d.id} label={d.label} description={d.description ?? ''} canEdit={canEdit} busyReason={busyReason} />
        <EnvVarsSection key={`env-${d.id}`} deploymentId={d.id} releaseName={d.releaseName} variables={d.environmentVariables} canEdit={canEdit} busyReason={busyReason} />
        <AlertEmailsSection deploymentId={d.id} emails={alertEmailsOf(d.properties)} canEdit={canEdit} busyReason={busyReason} />
        <DagDeploymentSection key={`dags-${d.id}`} deploymentId={d.id} settings={d.dagDeployment} canEdit={canEdit} busyReason={busyReason} />
        <UpgradeSection
          key={`upgrade-${d.id}-${d.airflowVersion}`}
          deploymentId={d.id}
          current={d.airflowVersion}
          desired={d.desiredAirflowVersion}
          available={platform?.airflowVersions ?? []}
          releases={platform?.airflowReleases ?? []}
          deploying={deploying}
          canEdit={canEdit}
          isAdmin={isAirflowAdmin}
          busyReason={busyReason}
        />
        {canDelete ? <DeleteDeploymentSection deploymentId={d.id} workspaceId={workspaceId} label={d.label} releaseName={d.releaseName} /> : null}
      </div>
    </>
  )
}
