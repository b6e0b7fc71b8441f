import { cn } from '@/lib/cn'
import { type MemberStatus, STATUS_TEXT } from './member-rows'

const STATUS_TONE: Record<MemberStatus, string> = {
  active: 'border-success bg-success-soft text-success',
  pending: 'border-warning bg-warning-soft',
  inactive: 'border-neutral bg-neutral-soft text-neutral',
  invited: 'border-info bg-info-soft text-info',
}

/** A user's account status (or a pending invite), in words and colour. */
export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  return <span className={cn('inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium', STATUS_TONE[status])}>{STATUS_TEXT[status]}</span>
}
