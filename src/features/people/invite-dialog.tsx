import { useMutation, useQuery } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { inputClasses } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert } from '@/components/ui/states'
import { apiProblems } from '@/lib/graphql-errors'
import { type Role, ROLE_LABELS } from '@/lib/permissions'
import { type Existing, type InviteFormValues, inviteFormSchema, type InviteOutcome, outcomeOf, outcomeSummary, rowsToSend, splitAddresses } from './invite-rows'
import { type DeploymentRoleChoices, deploymentOfProblem, deploymentRolesInput } from './deployment-roles'
import { DeploymentRolesBlock } from './deployment-roles-block'
import { InviteDeploymentsQuery, WorkspaceAddUserMutation } from './operations'
import { useGrantableDeploymentRoles } from './role-choice'

interface Props {
  open: boolean
  onOpenChange: (open: boolean) => void
  workspaceId: string
  workspaceLabel: string
  existing: Existing
  roles: readonly Role[]
}

const DEFAULT_ROLE: Role = 'WORKSPACE_VIEWER'

function OutcomeList({ outcomes, deploymentRoles }: { outcomes: readonly InviteOutcome[]; deploymentRoles: number }) {
  const withDeployments = deploymentRoles ? `, with roles on ${deploymentRoles} deployment${deploymentRoles === 1 ? '' : 's'}` : ''
  return (
    <div role="status" className="rounded-md border border-border bg-surface-sunken p-3 text-sm">
      <p className="font-medium">Result: {outcomeSummary(outcomes)}</p>
      <ul className="mt-2 space-y-1" aria-label="Result per address">
        {outcomes.map((o) => (
          <li key={o.email} className="break-words">
            <span className="font-mono">
              <bdi>{o.email}</bdi>
            </span>
            {': '}
            {o.result === 'added' ? (
              <span className="text-success">
                added as {ROLE_LABELS[o.role].toLowerCase()}
                {withDeployments} (an existing user: access is immediate)
              </span>
            ) : o.result === 'invited' ? (
              <span className="text-success">
                invited as {ROLE_LABELS[o.role].toLowerCase()}
                {withDeployments} (pending until they accept)
              </span>
            ) : (
              <span className="text-danger">refused: {o.reason}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

function InviteForm({ workspaceId, workspaceLabel, existing, roles, onDone }: Omit<Props, 'open' | 'onOpenChange'> & { onDone: () => void }) {
  const schema = useMemo(() => inviteFormSchema(existing), [existing])
  const defaultRole = roles.includes(DEFAULT_ROLE) ? DEFAULT_ROLE : (roles[0] ?? DEFAULT_ROLE)
  const form = useForm<InviteFormValues>({ resolver: zodResolver(schema), defaultValues: { rows: [{ email: '', role: defaultRole }] } })
  const rows = useFieldArray({ control: form.control, name: 'rows' })
  const values = useWatch({ control: form.control, name: 'rows' })
  const [addUser] = useMutation(WorkspaceAddUserMutation)
  const [sending, setSending] = useState(false)
  const [outcomes, setOutcomes] = useState<InviteOutcome[]>([])
  const [sentDeploymentRoles, setSentDeploymentRoles] = useState(0)
  // Deployment roles apply to every address of the batch.
  const deploymentsQuery = useQuery(InviteDeploymentsQuery, { variables: { workspaceUuid: workspaceId } })
  const deployments = useMemo(() => (deploymentsQuery.data?.workspaceDeployments ?? []).map((d) => ({ id: d.id, label: d.label })), [deploymentsQuery.data])
  const deploymentRoles = useGrantableDeploymentRoles(
    workspaceId,
    deployments.map((d) => d.id),
  )
  const [choices, setChoices] = useState<DeploymentRoleChoices>({})
  const [choiceErrors, setChoiceErrors] = useState<Record<string, string>>({})

  const filled = values.filter((r) => r.email.trim()).length

  const submit = async (v: InviteFormValues) => {
    setSending(true)
    setChoiceErrors({})
    const results: InviteOutcome[] = []
    const sent = deploymentRolesInput(choices, deployments)
    const misplaced: Record<string, string> = {}
    // One at a time, in order: each answer is placed on its own address.
    for (const row of rowsToSend(v.rows)) {
      const variables = { workspaceUuid: workspaceId, email: row.email, role: row.role, ...(sent.length ? { deploymentRoles: sent } : {}) }
      const result = await addUser({ variables }).catch((error: unknown) => ({ error, data: undefined }))
      if (result.data) results.push(outcomeOf(row, result.data.workspaceAddUser))
      else {
        const problem = apiProblems(result.error)[0]
        const deploymentId = deploymentOfProblem(problem?.field, sent)
        if (deploymentId && problem) misplaced[deploymentId] = problem.message
        results.push({ ...row, result: 'refused', reason: problem?.message ?? 'Refused by the server.' })
      }
    }
    setSending(false)
    setOutcomes(results)
    setSentDeploymentRoles(sent.length)
    setChoiceErrors(misplaced)
    const refused = results.filter((r): r is Extract<InviteOutcome, { result: 'refused' }> => r.result === 'refused')
    // What went through leaves the form; what was refused stays, with the server's reason on its field.
    const keep = refused.map((r) => ({ email: r.email, role: r.role }))
    form.reset({ rows: keep.length ? keep : [{ email: '', role: defaultRole }] })
    if (keep.length === 0) setChoices({})
    refused.forEach((r, i) => form.setError(`rows.${i}.email`, { type: 'server', message: r.reason }))
    const summary = (
      <>
        <bdi>{workspaceLabel}</bdi>: {outcomeSummary(results)}
      </>
    )
    if (refused.length === 0) toast.success(summary)
    else if (refused.length < results.length) toast.warning(summary)
    else toast.error(summary)
  }

  /** Pasting several addresses into one field spreads them over rows with the same role. */
  const onPaste = (index: number, text: string): boolean => {
    const addresses = splitAddresses(text)
    if (addresses.length < 2) return false
    const role = values[index]?.role ?? defaultRole
    const [first, ...rest] = addresses
    form.setValue(`rows.${index}.email`, first ?? '', { shouldDirty: true })
    rows.insert(
      index + 1,
      rest.map((email) => ({ email, role })),
    )
    return true
  }

  const busyOrEmpty = sending || form.formState.isSubmitting || filled === 0
  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)}>
      <p className="text-sm text-muted">
        People who already have an account are added at once; any other address gets an invitation and shows as pending until it is accepted. Paste several addresses into one field to add a row for each.
      </p>
      <ul className="space-y-3">
        {rows.fields.map((field, i) => {
          const n = i + 1
          const error = form.formState.errors.rows?.[i]?.email?.message
          const errorId = `invite-email-err-${field.id}`
          return (
            <li key={field.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_9rem_auto] sm:items-start">
              <div>
                <label htmlFor={`invite-email-${field.id}`} className="block text-xs font-medium text-muted">
                  Email address {n}
                </label>
                <input
                  id={`invite-email-${field.id}`}
                  type="email"
                  inputMode="email"
                  autoComplete="off"
                  spellCheck={false}
                  className={inputClasses}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? errorId : undefined}
                  {...form.register(`rows.${i}.email`)}
                  onPaste={(e) => {
                    if (onPaste(i, e.clipboardData.getData('text'))) e.preventDefault()
                  }}
                />
                {error ? (
                  <p id={errorId} className="mt-1 text-sm text-danger">
                    {error}
                  </p>
                ) : null}
              </div>
              <div>
                <label htmlFor={`invite-role-${field.id}`} className="block text-xs font-medium text-muted">
                  Role for address {n}
                </label>
                <select id={`invite-role-${field.id}`} className={inputClasses} {...form.register(`rows.${i}.role`)}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="sm:pt-5">
                {rows.fields.length > 1 ? (
                  <Button size="sm" variant="ghost" aria-label={`Remove address ${n}`} onClick={() => rows.remove(i)}>
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          )
        })}
      </ul>
      <Button size="sm" onClick={() => rows.append({ email: '', role: values.at(-1)?.role ?? defaultRole })}>
        Add another address
      </Button>
      {deploymentsQuery.error && !deploymentsQuery.data ? (
        <InlineAlert tone="warning">Deployment roles cannot be offered now: the workspace's deployments could not be loaded. The invitation works without them.</InlineAlert>
      ) : (
        <DeploymentRolesBlock
          legend="Deployment roles (optional)"
          hint="For every address above: a chosen deployment gets its role in place of the workspace role, narrower or wider. An invited person gets them when they accept."
          deployments={deployments}
          roles={deploymentRoles}
          value={choices}
          onChange={setChoices}
          errors={choiceErrors}
          disabled={sending}
        />
      )}
      {outcomes.length > 0 ? <OutcomeList outcomes={outcomes} deploymentRoles={sentDeploymentRoles} /> : null}
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-4">
        <Button onClick={onDone}>{outcomes.length > 0 && filled === 0 ? 'Done' : 'Cancel'}</Button>
        <Button type="submit" variant="primary" busy={sending || form.formState.isSubmitting} disabled={busyOrEmpty}>
          {filled > 1 ? `Invite ${filled} people` : 'Invite'}
        </Button>
      </div>
    </form>
  )
}

/** Invite one or several people, each with a role; reports what happened to each address. */
export function InviteDialog({ open, onOpenChange, workspaceId, workspaceLabel, existing, roles }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={isolated`Invite people to ${workspaceLabel}`}>
      {open ? <InviteForm key={workspaceId} workspaceId={workspaceId} workspaceLabel={workspaceLabel} existing={existing} roles={roles} onDone={() => onOpenChange(false)} /> : null}
    </Dialog>
  )
}
