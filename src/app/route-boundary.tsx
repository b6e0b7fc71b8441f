import { Component, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { RouteErrorPage } from '@/components/pages/status-pages'

interface BoundaryProps {
  /** The address the content belongs to: a new one clears a caught error. */
  address: string
  children: ReactNode
}

interface BoundaryState {
  /** What went wrong, and at which address (filled in on the render after). */
  failure: { error: unknown; address: string | null } | null
}

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failure: null }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failure: { error, address: null } }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): BoundaryState | null {
    const { failure } = state
    if (!failure) return null
    if (failure.address === null) return { failure: { ...failure, address: props.address } }
    return failure.address === props.address ? null : { failure: null }
  }

  override render() {
    if (this.state.failure) return <RouteErrorPage error={this.state.failure.error} />
    return this.props.children
  }
}

/**
 * What every route renders inside: a failure (a screen that throws, or its
 * code that no longer loads after a redeploy) shows an error page in place of
 * that route only. The loading state is the Suspense boundary's above it,
 * which stays revealed, so that moving to another screen keeps this one on
 * show until the next one's code is there.
 */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  return <ErrorBoundary address={pathname}>{children}</ErrorBoundary>
}
