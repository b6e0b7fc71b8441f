import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { buttonClasses } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { firstProblem } from '@/lib/graphql-errors'

function StatusPage({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <PageHeader title={title} />
      <div className="space-y-3 text-sm leading-6">{children}</div>
      <div className="mt-6 flex flex-wrap gap-2">
        {actions}
        <Link to="/" className={buttonClasses('secondary')}>
          Go to your workspaces
        </Link>
      </div>
    </div>
  )
}

export function NotFoundPage() {
  return (
    <StatusPage title="Page not found">
      <p>There is nothing at this address. It may have been mistyped, or what it pointed to was deleted.</p>
    </StatusPage>
  )
}

export function ForbiddenPage({ what = 'this page' }: { what?: string }) {
  return (
    <StatusPage title="You don't have access">
      <p>Your role does not allow you to open {what}. If you need it, ask an admin of this workspace (or a system admin) to change your role.</p>
    </StatusPage>
  )
}

export function NotAvailableYetPage({ screen }: { screen: string }) {
  return (
    <StatusPage title={`${screen}: not available yet`}>
      <p>This screen is part of the console's plan but has not been built yet. Nothing here is hidden from you: the data exists in the platform and will appear here when the screen ships.</p>
    </StatusPage>
  )
}

/** What every route's error boundary shows: what happened and a way on, without losing the shell. */
export function RouteErrorPage({ error }: { error: unknown }) {
  const problem = firstProblem(error)
  if (problem.code === 'FORBIDDEN') return <ForbiddenPage />
  if (problem.code === 'NOT_FOUND') return <NotFoundPage />
  const message = error instanceof Error && problem.code === 'NETWORK' ? problem.message : problem.code === 'UNKNOWN' && error instanceof Error ? error.message : problem.message
  return (
    <StatusPage
      title="Something went wrong on this page"
      actions={
        <button type="button" className={buttonClasses('primary')} onClick={() => window.location.reload()}>
          Reload the page
        </button>
      }
    >
      <p>The rest of the console still works. Reloading usually helps; if it keeps happening, tell your platform team what you were doing.</p>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-surface-sunken p-3 font-mono text-xs">{message}</pre>
    </StatusPage>
  )
}
