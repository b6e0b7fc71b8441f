import type { ReactNode } from 'react'
import { firstProblem } from '@/lib/graphql-errors'
import { Button } from './button'
import { Dialog } from './dialog'
import { InlineAlert } from './states'

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  /** The confirming button's text: says what happens ("Remove member"), never "OK". */
  confirmLabel: string
  onConfirm: () => void
  busy?: boolean
  /** A refusal from the server, shown in the dialog so the person can read it before closing. */
  error?: unknown
  variant?: 'danger' | 'primary'
  children?: ReactNode
}

/** Asks before a destructive or far-reaching action; the server's refusal stays in view. */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, onConfirm, busy = false, error, variant = 'danger', children }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <div className="space-y-4">
        {children}
        {error ? <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button variant={variant} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  )
}
