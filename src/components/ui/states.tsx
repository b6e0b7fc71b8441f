import type { ReactNode } from 'react'
import { firstProblem } from '@/lib/graphql-errors'
import { Button } from './button'

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 p-6 text-muted">
      <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
      {label}
    </div>
  )
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-border-strong bg-surface p-8 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  )
}

/** Says what failed and offers a retry; never replaces what the page already shows. */
export function ErrorState({ error, title = 'This could not be loaded', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const problem = firstProblem(error)
  return (
    <div role="alert" className="rounded-lg border border-danger bg-danger-soft p-4 text-sm">
      <p className="font-semibold text-danger">{title}</p>
      <p className="mt-1 whitespace-pre-wrap break-words">{problem.message}</p>
      {onRetry ? (
        <Button className="mt-3" size="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  )
}

export function InlineAlert({ tone, children }: { tone: 'danger' | 'warning' | 'success' | 'info'; children: ReactNode }) {
  const tones = {
    danger: 'border-danger bg-danger-soft',
    warning: 'border-warning bg-warning-soft',
    success: 'border-success bg-success-soft',
    info: 'border-info bg-info-soft',
  }
  return (
    <div role={tone === 'danger' ? 'alert' : 'status'} className={`rounded-md border p-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  )
}
