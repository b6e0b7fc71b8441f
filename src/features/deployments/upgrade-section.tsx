import { useMutation } from '@apollo/client/react'
import { useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FieldShell, inputClasses } from '@/components/ui/field'
import { InlineAlert } from '@/components/ui/states'
import { firstProblem } from '@/lib/graphql-errors'
import { upgradeTargets } from '@/lib/versions'
import { UpgradeDeploymentMutation } from './operations'

interface Props {
  deploymentId: string
  current: string
  desired: string | null
  available: readonly string[]
  canEdit: boolean
  busyReason: string | null
}

export function UpgradeSection({ deploymentId, current, desired, available, canEdit, busyReason }: Props) {
  const targets = upgradeTargets(current, available)
  const [chosen, setChosen] = useState<string | null>(null)
  // The offered versions arrive with the platform config; until one is chosen, the newest is.
  const target = chosen !== null && targets.includes(chosen) ? chosen : (targets[0] ?? '')
  const [confirming, setConfirming] = useState(false)
  const [upgrade, { loading, error }] = useMutation(UpgradeDeploymentMutation)

  const confirm = async () => {
    const result = await upgrade({ variables: { deploymentUuid: deploymentId, version: target } }).catch(() => null)
    setConfirming(false)
    if (result?.data) toast.success(`Upgrade to Airflow ${target} started`)
  }

  return (
    <section aria-labelledby="upgrade-heading" className="rounded-lg border border-border bg-surface p-5">
      <h2 id="upgrade-heading" className="text-lg font-semibold">
        Airflow version
      </h2>
      <p className="mt-1 text-sm">
        Running Airflow <strong>{current}</strong>.
      </p>
      {desired ? (
        <div className="mt-3">
          <InlineAlert tone="info">
            Upgrade from {current} to {desired} in progress.
          </InlineAlert>
        </div>
      ) : null}
      {canEdit && !desired ? (
        targets.length === 0 ? (
          <p className="mt-3 text-sm text-muted">This is the newest version the platform offers.</p>
        ) : (
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <div className="min-w-48">
              <FieldShell label="Upgrade to" hint="Only newer versions are offered; downgrades are not possible.">
                {({ id, describedBy }) => (
                  <select id={id} aria-describedby={describedBy} className={inputClasses} value={target} onChange={(e) => setChosen(e.target.value)}>
                    {targets.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                )}
              </FieldShell>
            </div>
            <Button variant="primary" className="mb-5" disabled={Boolean(busyReason)} onClick={() => setConfirming(true)}>
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
      <Dialog open={confirming} onOpenChange={setConfirming} title={`Upgrade to Airflow ${target}?`} description="The deployment restarts its components on the new version. It cannot be downgraded afterwards.">
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button variant="primary" busy={loading} onClick={() => void confirm()}>
            Upgrade to {target}
          </Button>
        </div>
      </Dialog>
    </section>
  )
}
