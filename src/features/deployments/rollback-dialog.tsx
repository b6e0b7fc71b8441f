import { useMutation } from '@apollo/client/react'
import { useId, useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextAreaField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert } from '@/components/ui/states'
import { apiProblems } from '@/lib/graphql-errors'
import { RollbackDeploymentMutation } from './operations'
import type { RollbackPlan, RevisionSummary } from './rollback-plan'

interface Props {
  deploymentId: string
  deploymentLabel: string
  target: RevisionSummary | null
  plan: RollbackPlan | null
  onClose: () => void
  onDone: () => void
}

/**
 * Confirms redeploying an earlier revision: says what comes back and what
 * stays, and asks why (the description is kept with the new revision).
 */
export function RollbackDialog({ deploymentId, deploymentLabel, target, plan, onClose, onDone }: Props) {
  const [description, setDescription] = useState('')
  const [touched, setTouched] = useState(false)
  const [rollback, { loading, error, reset }] = useMutation(RollbackDeploymentMutation, { refetchQueries: ['DeployHistory'] })
  const rollsBackId = useId()
  const problems = error ? apiProblems(error) : []
  const descriptionProblem = problems.find((p) => p.field === 'description')?.message
  const otherProblems = problems.filter((p) => p.field !== 'description')
  const missing = description.trim() === ''
  const blocked = (plan?.blockers.length ?? 0) > 0

  const close = () => {
    setDescription('')
    setTouched(false)
    reset()
    onClose()
  }
  const confirm = async () => {
    setTouched(true)
    if (!target || missing || blocked) return
    const result = await rollback({ variables: { deploymentUuid: deploymentId, revisionUuid: target.id, description: description.trim() } }).catch(() => null)
    if (!result?.data) return
    toast.success(isolated`Rolling back ${deploymentLabel} to ${target.imageTag}`, { description: 'It shows Deploying for a few seconds while the revision is rolled out.' })
    setDescription('')
    setTouched(false)
    onDone()
  }

  return (
    <Dialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open && !loading) close()
      }}
      title={target ? isolated`Redeploy ${target.imageTag}?` : 'Redeploy'}
      description={isolated`${deploymentLabel} is rolled out again from this revision, recorded as a new deploy.`}
    >
      {target && plan ? (
        <div className="space-y-4">
          <table className="w-full text-sm" aria-describedby={rollsBackId}>
            <caption className="mb-1 text-left font-semibold">What rolls back</caption>
            <thead className="border-b border-border text-muted">
              <tr>
                <th scope="col" className="py-1 pr-2 text-left font-medium">
                  What
                </th>
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Now
                </th>
                <th scope="col" className="py-1 pl-2 text-left font-medium">
                  After
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.rollsBack.map((l) => (
                <tr key={l.what} className="border-b border-border last:border-0 align-top">
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                    {l.what}
                  </th>
                  <td className="px-2 py-1.5">{l.from}</td>
                  <td className={`py-1.5 pl-2 ${l.changes ? 'font-semibold' : 'text-muted'}`}>{l.changes ? l.to : `${l.to} (unchanged)`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p id={rollsBackId} className="sr-only">
            Values that change are in bold.
          </p>
          <div className="rounded-md border border-border bg-surface-sunken p-3 text-sm">
            <p className="font-semibold">What does not roll back</p>
            <ul className="mt-1 list-disc pl-5">
              {plan.stays.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
          {plan.blockers.map((b) => (
            <InlineAlert key={b} tone="warning">
              {b}
            </InlineAlert>
          ))}
          {!blocked ? (
            <TextAreaField
              label="Description"
              hint="Why you roll back; kept with the new revision in the history."
              value={description}
              maxLength={1000}
              onChange={(e) => setDescription(e.target.value)}
              error={(touched && missing ? 'Say why you roll back: a description is required.' : undefined) ?? descriptionProblem}
            />
          ) : null}
          {otherProblems.map((p) => (
            <InlineAlert key={p.message} tone="danger">
              {p.message}
            </InlineAlert>
          ))}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={close} disabled={loading}>
              Cancel
            </Button>
            {!blocked ? (
              <Button variant="primary" busy={loading} onClick={() => void confirm()}>
                Redeploy {target.imageTag}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </Dialog>
  )
}
