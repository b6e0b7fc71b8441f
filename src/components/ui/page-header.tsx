import { type ReactNode, useRef } from 'react'
import { useHeadingAsTitle } from './page-title'

/** The page's h1, which also names the browser tab; focus lands here after navigation so screen readers announce the new page. */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useHeadingAsTitle(heading)
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 ref={heading} tabIndex={-1} data-page-heading className="break-words text-2xl font-semibold tracking-tight outline-none">
          {title}
        </h1>
        {description ? <div className="mt-1 break-words text-sm text-muted">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  )
}
