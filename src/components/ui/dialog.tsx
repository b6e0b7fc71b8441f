import { Dialog as Primitive } from 'radix-ui'
import { type ReactNode, useRef } from 'react'

export interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  description?: ReactNode
  children: ReactNode
}

/**
 * Where focus goes when a dialog closes: back to what had it when the dialog
 * opened (the button that opened it), or, when that is gone (the row it sat
 * in was deleted), to the page's h1 rather than nowhere.
 */
function returnFocus(opener: HTMLElement | null): boolean {
  if (opener?.isConnected) {
    opener.focus()
    if (document.activeElement === opener) return true
  }
  const heading = document.querySelector<HTMLElement>('[data-page-heading]')
  heading?.focus()
  return heading !== null
}

/** An accessible modal: focus trapped and returned, Escape closes, titled for screen readers. */
export function Dialog({ open, onOpenChange, title, description, children }: DialogProps) {
  // These dialogs open from state, not from a Radix Trigger, so Radix has no
  // trigger to give focus back to: remember what had focus ourselves.
  const opener = useRef<HTMLElement | null>(null)
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Primitive.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-border bg-surface-raised p-6 text-text shadow-xl"
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={() => {
            const active = document.activeElement
            opener.current = active instanceof HTMLElement && active !== document.body ? active : null
          }}
          onCloseAutoFocus={(event) => {
            const from = opener.current
            opener.current = null
            if (returnFocus(from)) event.preventDefault()
          }}
        >
          <Primitive.Title className="break-words text-lg font-semibold">{title}</Primitive.Title>
          {description ? <Primitive.Description className="mt-1 break-words text-sm text-muted">{description}</Primitive.Description> : null}
          <div className="mt-4">{children}</div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  )
}
