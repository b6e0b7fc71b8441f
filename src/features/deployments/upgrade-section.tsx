import { useMutation } from '@apollo/client/react'
import { useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FieldShell, inputClasses } from '@/components/ui/field'
import { InlineAlert } from '@/components/ui/states'
import { firstProblem } from '@/lib/graphql-errors'
import type { AirflowRelease } from '@/lib/houston-json'
import { standingLabel, standingOf, versionChoices } from '@/lib/versions'
import { CancelUpgradeDeploymentMutation, UpgradeDeploymentMutation } from './operations'

interface Props {
  deploymentId: string
  current: string
  /** The version an upgrade asks for, until an image of it runs. */
  desired: string | null
  /** The platform's offered versions (the newest patch of each minor). */
  available: readonly string[]
  releases: readonly AirflowRelease[]
  /** Whether the deployment is rolling out a change now. */
  deploying: boolean
  canEdit: boolean
  /** May choose deprecated and yanked versions (deployment.airflow.admin). */
  isAdmin: boolean
  busyReason: string | null
}

const marked = (label: string | null) => (label ? ` (${label})` : '')

/**
 * The Airflow version, and upgrades as intent: choosing a newer version
 * records it ("upgrade in progress") until an image of that version is
 * deployed; until then it can be cancelled.
 */
export function UpgradeSection({ deploymentId, current, desired, available, releases, deploying, canEdit, isAdmin, busyReason }: Props) {
  const choices = versionChoices(available, releases, { current, isAdmin })
  const allowed = choices.filter((c) => c.allowed)
  const [chosen, setChosen] = useState<string | null>(null)
  // The offered versions arrive with the platform config; until one is chosen, the newest allowed is.
  const target = chosen !== null && allowed.some((c) => c.version === chosen) ? chosen : (allowed[0]?.version ?? '')
  const targetStanding = standingOf(target, releases)
  const [confirming, setConfirming] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [upgrade, { loading, error }] = useMutation(UpgradeDeploymentMutation)
  const [cancel, { loading: cancelBusy, error: cancelError }] = useMutation(CancelUpgradeDeploymentMutation)
  const currentStanding = standingOf(current, releases)

  const confirm = async () => {
    const result = await upgrade({ variables: { deploymentUuid: deploymentId, version: target } }).catch(() => null)
    setConfirming(false)
    if (result?.data) toast.success(`Upgrade to Airflow ${target} started`)
  }
  const confirmCancel = async () => {
    const result = await cancel({ variables: { deploymentUuid: deploymentId } }).catch(() => null)
    if (!result?.data) return
    setCancelling(false)
    toast.success(`Upgrade to Airflow ${desired ?? ''} cancelled`)
  }

  return (
    <section aria-labelledby="upgrade-heading" className="rounded-lg border border-border bg-surface p-5">
      <h2 id="upgrade-heading" className="text-lg font-semibold">
        Airflow version
      </h2>
      <p className="mt-1 text-sm">
        Running Airflow <strong>{current}</strong>.
        {standingLabel(currentStanding) ? (
          <span className="ml-1 text-warning">
            This version is {standingLabel(currentStanding)}
            {currentStanding.note ? `: ${currentStanding.note}` : '.'}
          </span>
        ) : null}
      </p>
      {desired ? (
        <div className="mt-3 space-y-2">
          <InlineAlert tone="info">
            <p className="font-medium">
              Upgrade from {current} to {desired} in progress.
            </p>
            <p className="mt-1">
              {deploying
                ? `The Airflow ${desired} image is being deployed; the upgrade completes when it is running.`
                : `It completes when an image of Airflow ${desired} is deployed to this deployment (your CI’s next deploy built on ${desired}). Until then the deployment keeps running ${current}.`}
            </p>
          </InlineAlert>
          {canEdit && !deploying ? (
            <Button onClick={() => setCancelling(true)} disabled={Boolean(busyReason)}>
              Cancel upgrade…
            </Button>
          ) : null}
        </div>
      ) : null}
      {canEdit && !desired ? (
        choices.length === 0 ? (
          <p className="mt-3 text-sm text-muted">This is the newest version the platform offers.</p>
        ) : (
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <div className="min-w-48">
              <FieldShell
                label="Upgrade to"
                hint={
                  <>
                    Only the newest patch of each newer minor version is offered; downgrades are not possible.
                    {!isAdmin && choices.some((c) => !c.allowed) ? ' Deprecated and yanked versions need a deployment admin.' : ''}
                  </>
                }
              >
                {({ id, describedBy }) => (
                  <select id={id} aria-describedby={describedBy} className={inputClasses} value={target} onChange={(e) => setChosen(e.target.value)}>
                    {choices.map((c) => (
                      <option key={c.version} value={c.version} disabled={!c.allowed}>
                        {c.version}
                        {marked(standingLabel(c))}
                      </option>
                    ))}
                  </select>
                )}
              </FieldShell>
            </div>
            <Button variant="primary" className="mb-5" disabled={Boolean(busyReason) || !target} onClick={() => setConfirming(true)}>
              Upgrade…
            </Button>
          </div>
        )
      ) : null}
      {canEdit && busyReason && !desired ? <InlineAlert tone="info">{busyReason}</InlineAlert> : null}
      {error ? (
        <div className="mt-3">
          <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert>
        </div>
      ) : null}
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Upgrade to Airflow ${target}?`}
        description="The upgrade is recorded now and completes when an image of the new version is deployed; a deployment on the platform’s own image gets it at once. It cannot be downgraded afterwards."
      >
        <div className="space-y-4">
          {standingLabel(targetStanding) ? (
            <InlineAlert tone="warning">
              Airflow {target} is {standingLabel(targetStanding)}
              {targetStanding.note ? `: ${targetStanding.note}` : '.'}
            </InlineAlert>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="primary" busy={loading} onClick={() => void confirm()}>
              Upgrade to {target}
            </Button>
          </div>
        </div>
      </Dialog>
      <Dialog
        open={cancelling}
        onOpenChange={setCancelling}
        title={`Cancel the upgrade to Airflow ${desired ?? ''}?`}
        description={`The deployment keeps running Airflow ${current}; an image of ${desired ?? 'the new version'} deployed later is refused until you start the upgrade again.`}
      >
        <div className="space-y-4">
          {cancelError ? <InlineAlert tone="danger">{firstProblem(cancelError).message}</InlineAlert> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={() => setCancelling(false)}>Keep the upgrade</Button>
            <Button variant="danger" busy={cancelBusy} onClick={() => void confirmCancel()}>
              Cancel the upgrade
            </Button>
          </div>
        </div>
      </Dialog>
    </section>
  )
}
