import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { isolated } from '@/components/ui/isolated'
import { deploymentResources, formatCpu, formatMemory, type QuotaImpact, type ResourceImpact, type Sizing, type SizingChange, totalAu } from '@/lib/au'
import type { PlatformConfig } from '@/lib/houston-json'
import { fieldLabel } from './field-help'
import { changeValue, signed } from './format'

interface Props {
  open: boolean
  onOpenChange: (open: boolean) => void
  platform: PlatformConfig
  deploymentLabel: string
  workspaceLabel: string
  changes: readonly SizingChange[]
  before: Sizing
  after: Sizing
  impact: QuotaImpact
  resources: ResourceImpact
  saving: boolean
  onSave: () => void
}

function Side({ value }: { value: string | null }) {
  return value === null ? (
    <span className="text-muted">
      <span aria-hidden="true">—</span>
      <span className="sr-only">not used</span>
    </span>
  ) : (
    <>{value}</>
  )
}

/** Every value that will change, old and new with units, and what it does to the workspace quota. */
export function ReviewDialog({ open, onOpenChange, platform, deploymentLabel, workspaceLabel, changes, before, after, impact, resources, saving, onSave }: Props) {
  const now = deploymentResources(platform, before)
  const next = deploymentResources(platform, after)
  const nowAu = totalAu(platform, before)
  const nextAu = totalAu(platform, after)
  const totals: [string, string, string][] = [
    ...(platform.auEnabled ? [['Total AU', `${nowAu} AU`, `${nextAu} AU (${signed(nextAu - nowAu)} AU)`] as [string, string, string]] : []),
    ['CPU', formatCpu(now.cpu), formatCpu(next.cpu)],
    ['Memory', formatMemory(now.memory), formatMemory(next.memory)],
    ['Pods', String(now.pods), String(next.pods)],
  ]
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!saving) onOpenChange(o)
      }}
      title={isolated`Review changes to ${deploymentLabel}`}
      description="Nothing is saved until you choose Save changes."
    >
      <div className="space-y-5">
        <table className="w-full text-sm">
          <caption className="mb-1 text-left font-semibold">What will change</caption>
          <thead className="border-b border-border text-muted">
            <tr>
              <th scope="col" className="py-1 pr-2 text-left font-medium">
                Setting
              </th>
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Now
              </th>
              <th scope="col" className="py-1 pl-2 text-left font-medium">
                After saving
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field} className="border-b border-border last:border-0 align-top">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {fieldLabel(platform, c.field)}
                </th>
                <td className="px-2 py-1.5">
                  <Side value={changeValue(platform, c, 'before')} />
                </td>
                <td className="py-1.5 pl-2 font-medium">
                  <Side value={changeValue(platform, c, 'after')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <table className="w-full text-sm">
          <caption className="mb-1 text-left font-semibold">Totals</caption>
          <tbody>
            {totals.map(([label, a, b]) => (
              <tr key={label} className="border-b border-border last:border-0">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {label}
                </th>
                <td className="px-2 py-1.5 tabular-nums">{a}</td>
                <td className="py-1.5 pl-2 font-medium tabular-nums">{b}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <div className="rounded-md border border-border bg-surface-sunken p-3 text-sm">
          <p className="font-semibold">
            Quota impact on <bdi>{workspaceLabel}</bdi>
          </p>
          {platform.auEnabled ? (
            <p className="mt-1">
              {impact.usedBefore} AU → {impact.usedAfter} AU used of {impact.quotaAu} AU;{' '}
              {impact.leftAfter >= 0 ? `${impact.leftAfter} AU left after saving.` : `${-impact.leftAfter} AU over the quota.`}
            </p>
          ) : (
            <p className="mt-1">
              CPU {formatCpu(resources.cpuUsedBefore)} → {formatCpu(resources.cpuUsedAfter)} used of {formatCpu(resources.cpuQuota)}; memory {formatMemory(resources.memoryUsedBefore)} →{' '}
              {formatMemory(resources.memoryUsedAfter)} used of {formatMemory(resources.memoryQuota)}.
            </p>
          )}
        </div>

        <p className="text-sm text-muted">
          Saving redeploys <bdi>{deploymentLabel}</bdi>: it shows Deploying for a few seconds while the change is applied, and keeps running meanwhile.
        </p>

        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={() => onOpenChange(false)} disabled={saving}>
            Keep editing
          </Button>
          <Button variant="primary" busy={saving} onClick={onSave}>
            Save changes
          </Button>
        </div>
      </div>
    </Dialog>
  )
}
