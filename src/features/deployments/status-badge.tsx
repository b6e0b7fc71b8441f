import type { DeploymentStatus } from '@/gql/graphql'
import { cn } from '@/lib/cn'

export const STATUS_TEXT: Record<DeploymentStatus, { label: string; meaning: string; className: string }> = {
  HEALTHY: { label: 'Healthy', meaning: 'Every component is running as configured.', className: 'bg-success-soft text-success border-success' },
  DEPLOYING: { label: 'Deploying', meaning: 'A change is being applied; the deployment keeps running meanwhile.', className: 'bg-info-soft text-info border-info' },
  UNHEALTHY: { label: 'Unhealthy', meaning: 'One or more components are failing or restarting. Check the logs and metrics.', className: 'bg-danger-soft text-danger border-danger' },
  UNKNOWN: { label: 'Unknown', meaning: 'The platform has no recent report from this deployment.', className: 'bg-neutral-soft text-neutral border-neutral' },
}

export function StatusBadge({ status }: { status: DeploymentStatus }) {
  const s = STATUS_TEXT[status]
  return (
    <span className={cn('inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium', s.className)}>
      <span aria-hidden="true" className="size-2 rounded-full bg-current" />
      {s.label}
    </span>
  )
}
