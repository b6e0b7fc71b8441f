export { MemberStatusBadge } from './status-badge'
export { RoleBadge } from './role-choice'
export { primaryAddress } from './member-rows'
