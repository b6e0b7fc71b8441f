import { Dialog as Primitive } from 'radix-ui'
import type { ReactNode } from 'react'

export interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  children: ReactNode
}

/** An accessible modal: focus trapped and returned, Escape closes, titled for screen readers. */
export function Dialog({ open, onOpenChange, title, description, children }: DialogProps) {
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Primitive.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-border bg-surface-raised p-6 text-text shadow-xl"
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <Primitive.Title className="text-lg font-semibold">{title}</Primitive.Title>
          {description ? <Primitive.Description className="mt-1 text-sm text-muted">{description}</Primitive.Description> : null}
          <div className="mt-4">{children}</div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  )
}
