import { useMutation } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { Button, buttonClasses } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { EmptyState, InlineAlert } from '@/components/ui/states'
import { apiProblems } from '@/lib/graphql-errors'
import { cn } from '@/lib/cn'
import { envVarsFormSchema, type EnvVarsFormValues, exportVariables, rowFieldOf, rowsFromServer, type ServerEnvVar, toInput } from './env-vars-form'
import { UpdateDeploymentVariablesMutation } from './operations'

interface Props {
  deploymentId: string
  releaseName: string
  variables: readonly ServerEnvVar[]
  canEdit: boolean
  busyReason: string | null
}

/**
 * Downloads the saved variables as JSON, secrets masked: a link, built in the
 * browser from the list the server sent (which holds no secret value).
 */
function ExportLink({ releaseName, variables }: { releaseName: string; variables: readonly ServerEnvVar[] }) {
  if (variables.length === 0) return null
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(exportVariables(variables))}`
  return (
    <a
      href={href}
      download={`${releaseName}-environment-variables.json`}
      className={buttonClasses('secondary', 'sm')}
      onClick={() => toast.success(`Exported ${variables.length} variable${variables.length === 1 ? '' : 's'}`, { description: 'Secret values are masked in the file.' })}
    >
      Export as JSON
    </a>
  )
}

function ReadOnlyVariables({ variables }: { variables: readonly ServerEnvVar[] }) {
  if (variables.length === 0) return <EmptyState title="No environment variables" />
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Environment variables</caption>
      <thead>
        <tr className="border-b border-border text-left text-muted">
          <th scope="col" className="py-2 font-medium">
            Name
          </th>
          <th scope="col" className="py-2 font-medium">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {variables.map((v) => (
          <tr key={v.key} className="border-b border-border">
            <td className="py-2 pr-3 font-mono break-all">{v.key}</td>
            <td className="py-2 font-mono break-all">{v.isSecret ? <span className="text-muted">•••••• secret (write-only)</span> : v.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function EnvVarsSection({ deploymentId, releaseName, variables, canEdit, busyReason }: Props) {
  const form = useForm<EnvVarsFormValues>({ resolver: zodResolver(envVarsFormSchema), defaultValues: { rows: rowsFromServer(variables) } })
  const rows = useFieldArray({ control: form.control, name: 'rows' })
  const values = useWatch({ control: form.control, name: 'rows' })
  const [save, { loading, error }] = useMutation(UpdateDeploymentVariablesMutation)
  const problems = error ? apiProblems(error) : []
  const rowProblems = new Map<string, string>()
  const otherProblems: string[] = []
  for (const p of problems) {
    const where = rowFieldOf(p.field)
    if (where) rowProblems.set(`${where.index}.${where.name}`, p.message)
    else otherProblems.push(p.message)
  }

  const submit = async (values: EnvVarsFormValues) => {
    const result = await save({
      variables: { deploymentUuid: deploymentId, releaseName, environmentVariables: toInput(values.rows) },
    }).catch(() => null)
    const saved = result?.data?.updateDeploymentVariables
    if (!saved) return
    form.reset({ rows: rowsFromServer(saved) })
    toast.success('Environment variables saved')
  }

  return (
    <section aria-labelledby="env-heading" className="rounded-lg border border-border bg-surface p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="env-heading" className="text-lg font-semibold">
          Environment variables
        </h2>
        <ExportLink releaseName={releaseName} variables={variables} />
      </div>
      <p className="mt-1 text-sm text-muted">
        Secret values are write-only: once saved, nobody can read them here, only replace them. A plain value can be made secret at any time; making a secret plain again takes a new value.
      </p>
      <div className="mt-4">
        {!canEdit ? (
          <ReadOnlyVariables variables={variables} />
        ) : (
          <form noValidate onSubmit={form.handleSubmit(submit)} className="space-y-3">
            {rows.fields.length === 0 ? <p className="text-sm text-muted">No environment variables yet.</p> : null}
            <ul className="space-y-3">
              {rows.fields.map((field, i) => {
                const row = values[i] ?? field
                const keyError = form.formState.errors.rows?.[i]?.key?.message ?? rowProblems.get(`${i}.key`)
                const valueError = form.formState.errors.rows?.[i]?.value?.message ?? rowProblems.get(`${i}.value`)
                const hidesStored = row.storedSecret && !row.replacing
                const n = i + 1
                return (
                  <li key={field.id} className="grid gap-2 rounded-md border border-border p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto]">
                    <div>
                      <label className="text-xs font-medium text-muted" htmlFor={`env-key-${field.id}`}>
                        Name of variable {n}
                      </label>
                      <input
                        id={`env-key-${field.id}`}
                        className={cn(inputClasses, 'font-mono')}
                        aria-invalid={Boolean(keyError)}
                        aria-describedby={keyError ? `env-key-err-${field.id}` : undefined}
                        autoComplete="off"
                        spellCheck={false}
                        {...form.register(`rows.${i}.key`)}
                      />
                      {keyError ? (
                        <p id={`env-key-err-${field.id}`} className="mt-1 text-sm text-danger">
                          {keyError}
                        </p>
                      ) : null}
                    </div>
                    <div>
                      <label className="text-xs font-medium text-muted" htmlFor={`env-value-${field.id}`}>
                        Value of variable {n}
                      </label>
                      {hidesStored ? (
                        <div className="flex items-center gap-2">
                          <input id={`env-value-${field.id}`} className={cn(inputClasses, 'font-mono')} value="••••••••" readOnly aria-describedby={`env-stored-${field.id}`} />
                          <Button size="sm" onClick={() => form.setValue(`rows.${i}.replacing`, true, { shouldDirty: true })}>
                            Replace
                          </Button>
                        </div>
                      ) : (
                        <input
                          id={`env-value-${field.id}`}
                          type={row.isSecret ? 'password' : 'text'}
                          className={cn(inputClasses, 'font-mono')}
                          aria-invalid={Boolean(valueError)}
                          aria-describedby={valueError ? `env-value-err-${field.id}` : undefined}
                          autoComplete="off"
                          spellCheck={false}
                          {...form.register(`rows.${i}.value`)}
                        />
                      )}
                      {hidesStored ? (
                        <p id={`env-stored-${field.id}`} className="mt-1 text-xs text-muted">
                          Stored secret: its value is never shown.
                        </p>
                      ) : null}
                      {valueError ? (
                        <p id={`env-value-err-${field.id}`} className="mt-1 text-sm text-danger">
                          {valueError}
                        </p>
                      ) : null}
                    </div>
                    <div className="flex items-end gap-3 pb-1">
                      <label className="flex items-center gap-1.5 text-sm">
                        <input
                          type="checkbox"
                          checked={row.isSecret}
                          onChange={(e) => {
                            const secret = e.target.checked
                            form.setValue(`rows.${i}.isSecret`, secret, { shouldDirty: true })
                            // Making a stored secret plain needs a new value: the old one cannot be revealed.
                            if (!secret && row.storedSecret) form.setValue(`rows.${i}.replacing`, true, { shouldDirty: true })
                          }}
                        />
                        Secret{' '}<span className="sr-only">(variable {n})</span>
                      </label>
                      <Button size="sm" variant="ghost" aria-label={`Remove variable ${row.key || n}`} onClick={() => rows.remove(i)}>
                        Remove
                      </Button>
                    </div>
                  </li>
                )
              })}
            </ul>
            {otherProblems.map((m) => (
              <InlineAlert key={m} tone="danger">
                {m}
              </InlineAlert>
            ))}
            {busyReason ? <InlineAlert tone="info">{busyReason}</InlineAlert> : null}
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => rows.append({ key: '', value: '', isSecret: false, storedSecret: false, replacing: false })}>Add variable</Button>
              <Button type="submit" variant="primary" busy={loading || form.formState.isSubmitting} disabled={!form.formState.isDirty || Boolean(busyReason)}>
                Save variables
              </Button>
              {form.formState.isDirty ? (
                <Button variant="ghost" onClick={() => form.reset()}>
                  Discard changes
                </Button>
              ) : null}
            </div>
          </form>
        )}
      </div>
    </section>
  )
}
