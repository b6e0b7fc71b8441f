import { type ReactNode, useState } from 'react'
import { firstProblem } from '@/lib/graphql-errors'
import { Button } from './button'
import { Dialog } from './dialog'
import { TextField } from './field'
import { InlineAlert } from './states'

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
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

export interface TypedConfirmDialogProps extends Omit<ConfirmDialogProps, 'children' | 'variant'> {
  /** What must be typed, exactly, before the action is allowed (a name, a release name). */
  expected: string
  /** The label of the box it is typed into. */
  inputLabel: string
}

/** For what cannot be undone: the action waits until the person has typed the entity's name. */
export function TypedConfirmDialog({ open, onOpenChange, title, description, confirmLabel, onConfirm, busy = false, error, expected, inputLabel }: TypedConfirmDialogProps) {
  const [typed, setTyped] = useState('')
  const close = (next: boolean) => {
    onOpenChange(next)
    if (!next) setTyped('')
  }
  return (
    <Dialog open={open} onOpenChange={close} title={title} description={description}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault()
          if (typed === expected) onConfirm()
        }}
      >
        <TextField label={inputLabel} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
        {error ? <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={() => close(false)}>Cancel</Button>
          <Button type="submit" variant="danger" busy={busy} disabled={typed !== expected}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
