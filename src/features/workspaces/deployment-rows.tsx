import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useLayoutEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { StatusBadge } from '@/features/deployments'
import type { DeploymentStatus } from '@/gql/graphql'
import { formatRelative } from '@/lib/format'
import type { Executor } from '@/lib/houston-json'

export interface Row {
  id: string
  label: string
  releaseName: string
  status: DeploymentStatus
  executor: Executor | null
  version: string
  au: number | null
  updatedAt: string
}

export const EXECUTOR_LABEL: Record<Executor, string> = { LocalExecutor: 'Local', CeleryExecutor: 'Celery', KubernetesExecutor: 'Kubernetes' }

/** Above this many rows only those near the viewport are in the DOM. */
const VIRTUALIZE_FROM = 150
const ROW_HEIGHT = 57

/** Memoised: a row that stays through a filter change is not drawn again. */
const DeploymentRow = memo(function DeploymentRow({ r, workspaceId }: { r: Row; workspaceId: string }) {
  return (
    <tr className="h-[57px] border-b border-border last:border-0">
      <td className="px-3 py-2">
        <Link to={`/workspaces/${workspaceId}/deployments/${r.id}`} className="block max-w-xs truncate font-medium text-accent hover:underline" title={r.label}>
          {r.label}
        </Link>
        <div className="font-mono text-xs text-muted">{r.releaseName}</div>
      </td>
      <td className="px-3 py-2">
        <StatusBadge status={r.status} />
      </td>
      <td className="px-3 py-2">{r.executor ? EXECUTOR_LABEL[r.executor] : '—'}</td>
      <td className="px-3 py-2">{r.version}</td>
      <td className="px-3 py-2 tabular-nums">{r.au ?? '—'}</td>
      <td className="px-3 py-2">{formatRelative(r.updatedAt)}</td>
    </tr>
  )
})

function VirtualRows({ rows, workspaceId }: { rows: readonly Row[]; workspaceId: string }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const [offset, setOffset] = useState(0)
  useLayoutEffect(() => {
    const el = bodyRef.current
    if (el) setOffset(el.getBoundingClientRect().top + window.scrollY)
  }, [])
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: offset })
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items.at(-1)
  const top = first ? first.start - offset : 0
  const bottom = last ? virtualizer.getTotalSize() - (last.end - offset) : 0
  return (
    <tbody ref={bodyRef}>
      {top > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={6} style={{ height: top, padding: 0 }} />
        </tr>
      ) : null}
      {items.map((item) => {
        const r = rows[item.index]
        return r ? <DeploymentRow key={r.id} r={r} workspaceId={workspaceId} /> : null
      })}
      {bottom > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={6} style={{ height: bottom, padding: 0 }} />
        </tr>
      ) : null}
    </tbody>
  )
}

export function DeploymentRows({ rows, workspaceId }: { rows: readonly Row[]; workspaceId: string }) {
  if (rows.length >= VIRTUALIZE_FROM) return <VirtualRows rows={rows} workspaceId={workspaceId} />
  return (
    <tbody>
      {rows.map((r) => (
        <DeploymentRow key={r.id} r={r} workspaceId={workspaceId} />
      ))}
    </tbody>
  )
}
