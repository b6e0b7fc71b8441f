import { useMutation } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextAreaField, TextField } from '@/components/ui/field'
import { InlineAlert } from '@/components/ui/states'
import { DAG_DEPLOYMENT_DESCRIPTIONS, DAG_DEPLOYMENT_LABELS, DAG_DEPLOYMENT_TYPES, SYNC_INTERVAL } from '@/lib/dag-deployment'
import { apiProblems } from '@/lib/graphql-errors'
import { dagFieldOf, dagFormSchema, type DagFormValues, type DagSettings, formFromSettings, removesDeployedDags, toDagInput } from './dag-deployment-form'
import { UpdateDagDeploymentMutation } from './operations'

interface Props {
  deploymentId: string
  settings: DagSettings
  canEdit: boolean
  busyReason: string | null
}

function ReadOnlyDags({ settings }: { settings: DagSettings }) {
  const items: [string, string][] = [['Mechanism', DAG_DEPLOYMENT_LABELS[settings.type]]]
  if (settings.type === 'volume') items.push(['NFS location', settings.nfsLocation ?? '—'])
  if (settings.type === 'git_sync') {
    items.push(
      ['Repository URL', settings.repositoryUrl ?? '—'],
      ['Branch', settings.branchName ?? '—'],
      ['Sync interval', `${settings.syncInterval ?? SYNC_INTERVAL.default} seconds`],
      ['DAGs directory', settings.dagDirectoryLocation ?? '—'],
      ['Revision', settings.rev ?? 'HEAD'],
      ['SSH key', settings.sshKeySet ? 'Stored (write-only)' : 'None'],
      ['Known hosts', settings.knownHostsSet ? 'Stored (write-only)' : 'None'],
    )
  }
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-muted">{label}</dt>
          <dd className="break-words font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * How the deployment gets its DAGs. The SSH key and known hosts of git-sync
 * are written, never read back; moving to DAG-only deploys removes the DAGs
 * deployed now, so it asks first.
 */
export function DagDeploymentSection({ deploymentId, settings, canEdit, busyReason }: Props) {
  const schema = useMemo(() => dagFormSchema(settings), [settings])
  const form = useForm<DagFormValues>({ resolver: zodResolver(schema), defaultValues: formFromSettings(settings) })
  const type = useWatch({ control: form.control, name: 'type' })
  const [save, { loading, error }] = useMutation(UpdateDagDeploymentMutation)
  const [confirming, setConfirming] = useState<DagFormValues | null>(null)
  const problems = error ? apiProblems(error) : []
  const serverField = (name: keyof DagFormValues) => problems.find((p) => dagFieldOf(p.field) === name)?.message
  const other = problems.filter((p) => dagFieldOf(p.field) === null)
  const errorOf = (name: keyof DagFormValues) => form.formState.errors[name]?.message ?? serverField(name)

  const send = async (values: DagFormValues) => {
    const result = await save({ variables: { deploymentUuid: deploymentId, dagDeployment: toDagInput(values) } }).catch(() => null)
    setConfirming(null)
    const saved = result?.data?.updateDeployment.dagDeployment
    if (!saved) return
    // The form starts over from what the server keeps: the secrets are not among it.
    form.reset(formFromSettings(saved))
    toast.success(`DAG deployment saved: ${DAG_DEPLOYMENT_LABELS[saved.type]}`, { description: 'The deployment restarts its components to pick it up.' })
  }
  const submit = (values: DagFormValues) => {
    if (removesDeployedDags(settings.type, values.type)) setConfirming(values)
    else void send(values)
  }

  return (
    <section aria-labelledby="dags-heading" className="rounded-lg border border-border bg-surface p-5">
      <h2 id="dags-heading" className="text-lg font-semibold">
        DAG deployment
      </h2>
      <p className="mt-1 text-sm text-muted">How the deployment gets its DAGs. Rollback to an earlier deploy is not possible with an NFS volume or git-sync.</p>
      {!canEdit ? (
        <ReadOnlyDags settings={settings} />
      ) : (
        <form noValidate className="mt-4 space-y-4" onSubmit={form.handleSubmit(submit)}>
          <fieldset>
            <legend className="text-sm font-medium">Mechanism</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {DAG_DEPLOYMENT_TYPES.map((t) => (
                <label
                  key={t}
                  className="grid cursor-pointer grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 rounded-md border border-border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
                >
                  <input type="radio" value={t} {...form.register('type')} />
                  <span className="font-medium">{DAG_DEPLOYMENT_LABELS[t]}</span>
                  <span className="col-start-2 text-xs text-muted">{DAG_DEPLOYMENT_DESCRIPTIONS[t]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {type === 'dag_only' && settings.type !== 'dag_only' ? (
            <InlineAlert tone="warning">Switching to DAG-only deploys removes the DAGs deployed now: Airflow runs no DAG until you deploy DAGs again.</InlineAlert>
          ) : null}
          {type === 'volume' ? (
            <TextField label="NFS location" hint="nfs://host:/path, e.g. nfs://nfs.example.com:/exports/dags" autoComplete="off" spellCheck={false} error={errorOf('nfsLocation')} {...form.register('nfsLocation')} />
          ) : null}
          {type === 'git_sync' ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <TextField label="Repository URL" hint="https://host/org/repo.git, or git@host:org/repo.git over SSH" autoComplete="off" spellCheck={false} error={errorOf('repositoryUrl')} {...form.register('repositoryUrl')} />
              </div>
              <TextField label="Branch" autoComplete="off" spellCheck={false} error={errorOf('branchName')} {...form.register('branchName')} />
              <TextField
                label="Sync interval (seconds)"
                type="number"
                min={SYNC_INTERVAL.minimum}
                max={SYNC_INTERVAL.limit}
                hint={`How often the branch is pulled: ${SYNC_INTERVAL.minimum} to ${SYNC_INTERVAL.limit} seconds.`}
                error={errorOf('syncInterval')}
                {...form.register('syncInterval')}
              />
              <TextField label="DAGs directory" hint="Relative to the repository root." autoComplete="off" spellCheck={false} error={errorOf('dagDirectoryLocation')} {...form.register('dagDirectoryLocation')} />
              <TextField label="Revision" hint="A commit, a tag or empty for the branch’s HEAD." autoComplete="off" spellCheck={false} error={errorOf('rev')} {...form.register('rev')} />
              <div className="sm:col-span-2">
                <TextAreaField
                  label="SSH key"
                  className="font-mono text-xs"
                  autoComplete="off"
                  spellCheck={false}
                  hint={
                    settings.type === 'git_sync' && settings.sshKeySet
                      ? 'A key is stored; it is never shown again. Paste a new private key only to replace it.'
                      : 'The private key of a deploy key with read access; write-only: it is never shown again.'
                  }
                  error={errorOf('sshKey')}
                  {...form.register('sshKey')}
                />
              </div>
              <div className="sm:col-span-2">
                <TextAreaField
                  label="Known hosts"
                  className="font-mono text-xs"
                  autoComplete="off"
                  spellCheck={false}
                  hint={
                    settings.type === 'git_sync' && settings.knownHostsSet
                      ? 'Known hosts are stored; they are never shown again. Paste new lines only to replace them.'
                      : 'The host’s known_hosts line(s), e.g. from ssh-keyscan github.com; write-only.'
                  }
                  error={errorOf('knownHosts')}
                  {...form.register('knownHosts')}
                />
              </div>
            </div>
          ) : null}
          {other.map((p) => (
            <InlineAlert key={p.message} tone="danger">
              {p.message}
            </InlineAlert>
          ))}
          {busyReason ? <InlineAlert tone="info">{busyReason}</InlineAlert> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" busy={(loading && confirming === null) || form.formState.isSubmitting} disabled={!form.formState.isDirty || Boolean(busyReason)}>
              Save DAG deployment
            </Button>
            {form.formState.isDirty ? (
              <Button variant="ghost" onClick={() => form.reset()}>
                Discard changes
              </Button>
            ) : null}
          </div>
        </form>
      )}
      <Dialog
        open={confirming !== null}
        onOpenChange={(open) => {
          if (!open) setConfirming(null)
        }}
        title="Switch to DAG-only deploys?"
        description="The DAGs deployed now are removed: until you deploy DAGs again (astro deploy --dags), Airflow runs none. The deployment restarts its components."
      >
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={() => setConfirming(null)}>Keep the current mechanism</Button>
          <Button variant="danger" busy={loading} onClick={() => (confirming ? void send(confirming) : undefined)}>
            Switch and remove the deployed DAGs
          </Button>
        </div>
      </Dialog>
    </section>
  )
}
