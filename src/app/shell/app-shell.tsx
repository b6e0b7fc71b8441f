import { skipToken, useQuery } from '@apollo/client/react'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Link, NavigationType, NavLink, Outlet, useLocation, useNavigationType, useParams } from 'react-router'
import { primaryEmail, useSession } from '@/features/auth'
import { DeploymentLabelQuery } from '@/features/deployments'
import { WorkspacesQuery } from '@/features/workspaces'
import { LoadingState } from '@/components/ui/states'
import { cn } from '@/lib/cn'
import { navSections } from './nav-items'
import { OfflineBanner } from './offline-banner'
import { accountTriggerClasses, AccountTriggerText, workspaceTriggerClasses, WorkspaceTriggerText } from './triggers'

// The two header menus (and the menu primitives under them) load just after
// the first paint, not with the entry: until then a look-alike trigger stands
// in, and a click on it opens the real menu as soon as it arrives.
const ShellMenus = lazy(() => import('./shell-menus'))

type MenuName = 'workspace' | 'account'

/**
 * Opens on pointer down, as the real trigger does: a click whose press lands on
 * the stand-in and whose release lands on the real trigger still opens the menu.
 * The press's default is cancelled, as the real trigger does too: the stand-in
 * is gone by then, and focusing it would take focus out of the opened menu.
 */
function openOn(open: () => void) {
  return {
    onPointerDown: (event: React.PointerEvent) => {
      if (event.button !== 0) return
      event.preventDefault()
      open()
    },
    onClick: open,
  }
}

function MenuPlaceholders({ onOpen }: { onOpen: (menu: MenuName) => void }) {
  const { user } = useSession()
  const { workspaceId } = useParams()
  const { data } = useQuery(WorkspacesQuery)
  const current = data?.workspaces.find((w) => w.id === workspaceId)
  const name = user.fullName ?? primaryEmail(user)
  return (
    <>
      <button type="button" aria-haspopup="menu" className={workspaceTriggerClasses} {...openOn(() => onOpen('workspace'))}>
        <WorkspaceTriggerText label={current?.label} />
      </button>
      <div className="ml-auto">
        <button type="button" aria-haspopup="menu" className={accountTriggerClasses} {...openOn(() => onOpen('account'))}>
          <AccountTriggerText name={name} />
        </button>
      </div>
    </>
  )
}

function Breadcrumbs() {
  const { workspaceId, deploymentId } = useParams()
  const location = useLocation()
  const { data: workspaces } = useQuery(WorkspacesQuery)
  const { data: deployment } = useQuery(
    DeploymentLabelQuery,
    deploymentId ? { variables: { deploymentUuid: deploymentId }, fetchPolicy: 'cache-first' } : skipToken,
  )
  const crumbs: { to: string; label: string }[] = [{ to: '/workspaces', label: 'Workspaces' }]
  if (workspaceId) {
    const label = workspaces?.workspaces.find((w) => w.id === workspaceId)?.label ?? 'Workspace'
    crumbs.push({ to: `/workspaces/${workspaceId}`, label })
  }
  if (workspaceId && deploymentId) {
    crumbs.push({ to: `/workspaces/${workspaceId}/deployments/${deploymentId}`, label: deployment?.deployment.label ?? 'Deployment' })
  }
  if (location.pathname.startsWith('/admin')) crumbs.splice(0, crumbs.length, { to: '/admin', label: 'System admin' })
  const tail = location.pathname.split('/').filter(Boolean).at(-1)
  const last = crumbs.at(-1)
  const extra = tail && last && !last.to.endsWith(tail) && !/^[0-9a-f-]{8,}$/.test(tail) ? tail.replace(/-/g, ' ') : null
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {crumbs.map((c, i) => (
          <li key={c.to} className="flex min-w-0 items-center gap-1">
            {i > 0 ? <span aria-hidden="true">/</span> : null}
            {i === crumbs.length - 1 && !extra ? (
              <span aria-current="page" className="max-w-[16rem] truncate text-text" title={c.label}>
                {c.label}
              </span>
            ) : (
              <Link to={c.to} className="max-w-[16rem] truncate hover:underline" title={c.label}>
                {c.label}
              </Link>
            )}
          </li>
        ))}
        {extra ? (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">/</span>
            <span aria-current="page" className="capitalize text-text">
              {extra}
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  )
}

/** Moves focus to the new page's heading after client-side navigation, so screen readers announce it. */
function useFocusOnNavigate(mainRef: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  // A page the browser loaded keeps the browser's focus; one the app
  // navigated to (the page asked for, once signed in) gets its heading.
  const loadedByBrowser = useRef(useNavigationType() === NavigationType.Pop)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      if (loadedByBrowser.current) return
    }
    let frames = 0
    let handle = 0
    // Focus moves only from where a navigation leaves it: nowhere (the control
    // that led here is gone), the page, or the main navigation. Someone busy
    // elsewhere (a header menu opened while the page loaded, a dialog) keeps it,
    // and so does an open menu even when focus has slipped out of it.
    const leftBehind = () => {
      if (document.querySelector('[role="menu"]')) return false
      const active = document.activeElement
      return active === null || active === document.body || Boolean(mainRef.current?.contains(active)) || Boolean(active.closest('#main-nav'))
    }
    const tryFocus = () => {
      if (!leftBehind()) return
      const heading = mainRef.current?.querySelector<HTMLElement>('[data-page-heading]')
      if (heading) heading.focus()
      else if (frames++ < 30) handle = requestAnimationFrame(tryFocus)
      else mainRef.current?.focus()
    }
    handle = requestAnimationFrame(tryFocus)
    return () => cancelAnimationFrame(handle)
  }, [pathname, mainRef])
}

export function AppShell() {
  const { access } = useSession()
  const { workspaceId, deploymentId } = useParams()
  const mainRef = useRef<HTMLElement>(null)
  const { pathname } = useLocation()
  // The narrow-window menu stays open only on the page where it was opened.
  const [navOpenOn, setNavOpenOn] = useState<string | null>(null)
  const navOpen = navOpenOn === pathname
  const setNavOpen = (open: boolean) => setNavOpenOn(open ? pathname : null)
  useFocusOnNavigate(mainRef)
  const sections = navSections(access, workspaceId, deploymentId)
  const [menuRequested, setMenuRequested] = useState<MenuName | null>(null)

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only z-50 rounded bg-accent px-3 py-2 text-on-accent focus:not-sr-only focus:fixed focus:left-2 focus:top-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex items-center gap-3 border-b border-border bg-surface px-3 py-2 sm:px-4">
        <button
          type="button"
          className="rounded-md border border-border-strong px-2.5 py-1.5 text-sm lg:hidden"
          aria-expanded={navOpen}
          aria-controls="main-nav"
          onClick={() => setNavOpen(!navOpen)}
        >
          Menu
        </button>
        <Link to="/" className="hidden font-semibold sm:block">
          Airflow Platform
        </Link>
        <Suspense fallback={<MenuPlaceholders onOpen={setMenuRequested} />}>
          <ShellMenus openAtOnce={menuRequested} />
        </Suspense>
      </header>
      <OfflineBanner />
      <div className="flex">
        <nav
          id="main-nav"
          aria-label="Main"
          className={cn(
            'w-60 shrink-0 border-r border-border bg-surface p-3 lg:sticky lg:top-[53px] lg:block lg:h-[calc(100vh-53px)] lg:overflow-y-auto',
            navOpen ? 'fixed inset-y-0 left-0 top-[53px] z-20 block overflow-y-auto shadow-xl' : 'hidden',
          )}
        >
          {sections.map((section) => (
            <div key={section.title} className="mb-4">
              <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-muted">{section.title}</p>
              <ul>
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end ?? false}
                      className={({ isActive }) =>
                        cn('block rounded-md px-2 py-1.5 text-sm', isActive ? 'bg-accent-soft font-medium text-text' : 'text-text hover:bg-surface-sunken')
                      }
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          <Breadcrumbs />
          {/* Revealed once and kept: moving between screens (a transition) keeps
              the current one until the next one's code has loaded. */}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  )
}
