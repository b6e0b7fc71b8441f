import { useMutation, useQuery } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, useWatch } from 'react-hook-form'
import { useNavigate, useParams } from 'react-router'
import { toast } from 'sonner'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { FieldShell, inputClasses, TextAreaField, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { componentTotals, defaultSizing, deploymentResources, extraResources, formatCpu, formatMemory, remainingAu, remainingResources, type Sizing, sizingToConfig, totalAu, withStrategy, workspaceResources } from '@/lib/au'
import { useAccess } from '@/features/auth'
import { standingLabel, versionChoices } from '@/lib/versions'
import { apiProblems } from '@/lib/graphql-errors'
import { type Executor, executorSchema, type PlatformConfig } from '@/lib/houston-json'
import { CreateDeploymentMutation, WorkspaceQuotaQuery } from './operations'
import { usePlatformConfig } from './use-platform-config'

const schema = z.object({
  label: z.string().trim().min(1, 'Enter a name.').max(100, 'Names are at most 100 characters.'),
  description: z.string().max(1000, 'Descriptions are at most 1,000 characters.'),
  executor: executorSchema,
  version: z.string().min(1, 'Choose an Airflow version.'),
})
type Values = z.infer<typeof schema>

/** What a new deployment starts with: the platform defaults for its executor and Airflow version, in CPU and memory where the platform has no AU. */
function startingSizing(platform: PlatformConfig, executor: Executor, version: string): Sizing {
  const sizing = defaultSizing(platform, executor, version)
  return platform.auEnabled ? sizing : withStrategy(platform, sizing, 'custom')
}

function CreateDeploymentForm({ platform, workspaceId }: { platform: PlatformConfig; workspaceId: string }) {
  const navigate = useNavigate()
  const quota = useQuery(WorkspaceQuotaQuery, { variables: { workspaceUuid: workspaceId } })
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { label: '', description: '', executor: 'CeleryExecutor', version: platform.defaultAirflowVersion },
  })
  const executor = useWatch({ control: form.control, name: 'executor' })
  const version = useWatch({ control: form.control, name: 'version' })
  const [create, { loading, error }] = useMutation(CreateDeploymentMutation, { refetchQueries: ['WorkspaceOverview', 'Workspaces', 'WorkspaceQuota', 'Self'] })
  const access = useAccess()
  // Deprecated and yanked versions are for whoever administers the workspace's deployments.
  const isAdmin = access.deployment(workspaceId, '', 'deployment.airflow.admin')
  const choices = versionChoices(platform.airflowVersions, platform.airflowReleases, { isAdmin })

  const sizing = startingSizing(platform, executor, version)
  const total = totalAu(platform, sizing)
  const resources = deploymentResources(platform, sizing)
  const ws = quota.data?.workspace
  const left = ws ? remainingAu({ quotaAu: ws.auQuota, usedByOthersAu: ws.auUsed }) : null
  const wsResources = ws ? workspaceResources(platform, ws) : null
  const leftResources = wsResources ? remainingResources({ cpuQuota: wsResources.cpuQuota, memoryQuota: wsResources.memoryQuota, cpuUsedByOthers: wsResources.cpuUsed, memoryUsedByOthers: wsResources.memoryUsed }) : null
  const fitsResources = leftResources ? resources.cpu <= leftResources.cpu && resources.memory <= leftResources.memory : true

  const problems = error ? apiProblems(error) : []
  const fieldProblem = (field: string) => problems.find((p) => p.field === field)?.message
  const general = problems.filter((p) => !p.field || !['label', 'description', 'version'].includes(p.field))

  const submit = async (values: Values) => {
    const { config, properties } = sizingToConfig(platform, startingSizing(platform, values.executor, values.version))
    const result = await create({
      variables: {
        workspaceUuid: workspaceId,
        type: 'airflow',
        label: values.label.trim(),
        description: values.description.trim() || null,
        version: values.version,
        config,
        properties,
      },
    }).catch(() => null)
    const created = result?.data?.createDeployment
    if (!created) return
    toast.success(isolated`Deployment “${created.label}” created`, { description: isolated`Release name: ${created.releaseName}` })
    await navigate(`/workspaces/${workspaceId}/deployments/${created.id}?created=1`)
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(submit)} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-5 rounded-lg border border-border bg-surface p-5">
        <TextField label="Name" error={form.formState.errors.label?.message ?? fieldProblem('label')} {...form.register('label')} />
        <TextAreaField label="Description" hint="Optional." error={form.formState.errors.description?.message ?? fieldProblem('description')} {...form.register('description')} />
        <fieldset>
          <legend className="text-sm font-medium">Executor</legend>
          <div className="mt-2 space-y-2">
            {platform.executors.map((x) => (
              <label key={x.name} className="flex cursor-pointer gap-3 rounded-md border border-border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
                <input type="radio" value={x.name} className="mt-1" {...form.register('executor')} />
                <span>
                  <span className="block font-medium">{x.label}</span>
                  <span className="block text-sm text-muted">{x.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldShell
          label="Airflow version"
          hint={choices.some((c) => !c.allowed) ? 'Only the newest patch of each version is offered. Deprecated and yanked versions need a workspace or system admin.' : 'Only the newest patch of each version is offered.'}
          error={form.formState.errors.version?.message ?? fieldProblem('version')}
        >
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} className={inputClasses} {...form.register('version')}>
              {choices.map((c) => (
                <option key={c.version} value={c.version} disabled={!c.allowed}>
                  {c.version}
                  {c.version === platform.defaultAirflowVersion ? ' (recommended)' : ''}
                  {standingLabel(c) ? ` (${standingLabel(c)})` : ''}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {general.map((p) => (
          <InlineAlert key={p.message} tone="danger">
            {p.message}
          </InlineAlert>
        ))}
        <div className="flex gap-2">
          <Button type="submit" variant="primary" busy={loading || form.formState.isSubmitting}>
            Create deployment
          </Button>
          <Button onClick={() => void navigate(`/workspaces/${workspaceId}`)}>Cancel</Button>
        </div>
      </div>
      <aside aria-labelledby="start-size-heading" className="h-fit rounded-lg border border-border bg-surface p-5">
        <h2 id="start-size-heading" className="font-semibold">
          Starting resources
        </h2>
        <p className="mt-1 text-sm text-muted">The platform defaults; change them on the Configure screen after creation.</p>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Starting resources by component</caption>
          <tbody>
            {componentTotals(platform, sizing).map((c) => (
              <tr key={c.name} className="border-b border-border">
                <th scope="row" className="py-1.5 text-left font-normal">
                  {c.label}
                  {c.replicas > 1 ? ` × ${c.replicas}` : ''}
                </th>
                <td className="py-1.5 text-right tabular-nums">{platform.auEnabled ? `${c.totalAu} AU` : `${formatCpu(c.totalCpu)} · ${formatMemory(c.totalMemory)}`}</td>
              </tr>
            ))}
            {sizing.extraAu > 0 ? (
              <tr className="border-b border-border">
                <th scope="row" className="py-1.5 text-left font-normal">
                  Extra capacity
                </th>
                <td className="py-1.5 text-right tabular-nums">{platform.auEnabled ? `${sizing.extraAu} AU` : `${formatCpu(extraResources(platform, sizing).cpu)} · ${formatMemory(extraResources(platform, sizing).memory)}`}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <p className="mt-3 font-semibold" aria-live="polite">
          Total: {platform.auEnabled ? `${total} AU · ` : ''}
          {formatCpu(resources.cpu)} · {formatMemory(resources.memory)}
        </p>
        {!platform.auEnabled && ws && leftResources ? (
          <p className={`mt-2 text-sm ${fitsResources ? 'text-muted' : 'text-danger'}`}>
            <bdi>{ws.label}</bdi> has {formatCpu(leftResources.cpu)} and {formatMemory(leftResources.memory)} left of its quota.
          </p>
        ) : null}
        {platform.auEnabled && ws && left !== null ? (
          <p className={`mt-2 text-sm ${total > left ? 'text-danger' : 'text-muted'}`}>
            {total > left ? `This needs ${total} AU but ` : null}
            <bdi>{ws.label}</bdi> has {left} AU left of its {ws.auQuota} AU quota.
          </p>
        ) : null}
      </aside>
    </form>
  )
}

export function CreateDeploymentPage() {
  const { workspaceId = '' } = useParams()
  const { platform, loading, error, refetch } = usePlatformConfig(workspaceId)
  return (
    <>
      <PageHeader title="New deployment" description="An Airflow environment with its own namespace and metadata database." />
      {platform ? <CreateDeploymentForm platform={platform} workspaceId={workspaceId} /> : loading ? <LoadingState label="Loading platform limits…" /> : <ErrorState error={error} onRetry={() => void refetch()} />}
    </>
  )
}
