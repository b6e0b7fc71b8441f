import { useMutation } from '@apollo/client/react'
import { type ReactNode, useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert } from '@/components/ui/states'
import { isEmailAddress } from '@/lib/email'
import { apiProblems } from '@/lib/graphql-errors'
import { DeploymentAlertsUpdateMutation } from './operations'

/** Splits what was typed (commas, spaces, new lines) into addresses, and says which are not addresses or repeat. */
export function parseEmails(text: string, existing: readonly string[]): { emails: string[]; problem: string | null } {
  const parts = text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean)
  // The platform's rule, which lets internationalised addresses through (z.email() refused josé@example.com).
  const bad = parts.filter((p) => !isEmailAddress(p))
  if (bad.length > 0) return { emails: [], problem: `Not an email address: ${bad.join(', ')}` }
  const seen = new Set(existing.map((e) => e.toLowerCase()))
  const dup = parts.filter((p) => {
    const k = p.toLowerCase()
    if (seen.has(k)) return true
    seen.add(k)
    return false
  })
  if (dup.length > 0) return { emails: [], problem: `Already in the list: ${dup.join(', ')}` }
  return { emails: parts, problem: null }
}

interface Props {
  deploymentId: string
  emails: readonly string[]
  canEdit: boolean
  busyReason: string | null
}

export function AlertEmailsSection({ deploymentId, emails, canEdit, busyReason }: Props) {
  const [draft, setDraft] = useState('')
  const [localProblem, setLocalProblem] = useState<string | null>(null)
  const [update, { loading, error }] = useMutation(DeploymentAlertsUpdateMutation)
  const serverProblem = error ? apiProblems(error)[0]?.message : null

  const save = async (next: string[], done: ReactNode) => {
    const result = await update({ variables: { deploymentUuid: deploymentId, alertEmails: next } }).catch(() => null)
    if (!result?.data) return false
    toast.success(done)
    return true
  }

  const add = async () => {
    const { emails: added, problem } = parseEmails(draft, emails)
    setLocalProblem(problem)
    if (problem || added.length === 0) return
    if (await save([...emails, ...added], added.length === 1 ? isolated`${added[0] ?? ''} will get alerts` : `${added.length} addresses will get alerts`)) setDraft('')
  }

  return (
    <section aria-labelledby="alerts-heading" className="rounded-lg border border-border bg-surface p-5">
      <h2 id="alerts-heading" className="text-lg font-semibold">
        Alert emails
      </h2>
      <p className="mt-1 text-sm text-muted">These addresses are told when the deployment becomes unhealthy.</p>
      {emails.length === 0 ? (
        <p className="mt-3 text-sm">No one gets alerts for this deployment.</p>
      ) : (
        <ul className="mt-3 space-y-1" aria-label="Alert recipients">
          {emails.map((e) => (
            <li key={e} className="flex items-center justify-between gap-2 rounded-md border border-border px-3 py-1.5 text-sm">
              <span className="break-all">{e}</span>
              {canEdit ? (
                <Button size="sm" variant="ghost" aria-label={`Remove ${e}`} disabled={loading || Boolean(busyReason)} onClick={() => void save(emails.filter((x) => x !== e), isolated`${e} removed from alerts`)}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form
          className="mt-4 flex flex-wrap items-end gap-2"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void add()
          }}
        >
          <div className="min-w-64 flex-1">
            <TextField
              label="Add alert emails"
              hint="Separate several addresses with commas or spaces."
              value={draft}
              error={localProblem ?? serverProblem ?? undefined}
              onChange={(e) => {
                setDraft(e.target.value)
                setLocalProblem(null)
              }}
            />
          </div>
          <Button type="submit" variant="primary" busy={loading} disabled={Boolean(busyReason) || draft.trim() === ''} className="mb-5">
            Add
          </Button>
        </form>
      ) : null}
      {canEdit && busyReason ? (
        <div className="mt-2">
          <InlineAlert tone="info">{busyReason}</InlineAlert>
        </div>
      ) : null}
    </section>
  )
}
