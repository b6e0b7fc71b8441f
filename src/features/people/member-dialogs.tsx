import { useMutation } from '@apollo/client/react'
import { type ReactNode, useState } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert } from '@/components/ui/states'
import { firstProblem } from '@/lib/graphql-errors'
import { levelRank, type Role, ROLE_LABELS, roleLevel } from '@/lib/permissions'
import type { MemberRow } from './member-rows'
import { DeleteInviteTokenMutation, WorkspaceRemoveUserMutation, WorkspaceUpdateUserRoleMutation } from './operations'
import { RoleRadios } from './role-choice'

interface RowDialogProps {
  row: MemberRow
  workspaceId: string
  workspaceLabel: string
  isSelf: boolean
  onClose: () => void
}

function ChangeRoleForm({ row, workspaceId, workspaceLabel, isSelf, roles, lastAdmin, onClose }: RowDialogProps & { roles: readonly Role[]; lastAdmin: ReactNode }) {
  const [role, setRole] = useState<Role>(row.role)
  const [update, { loading, error }] = useMutation(WorkspaceUpdateUserRoleMutation, {
    // The answer is only the role: write it onto the binding or invite it changed.
    update(cache, { data }) {
      const next = data?.workspaceUpdateUserRole
      if (!next) return
      cache.modify({ id: cache.identify({ __typename: row.kind === 'member' ? 'RoleBinding' : 'Invite', id: row.id }), fields: { role: () => next } })
    },
    // Your own role decides what the console shows you.
    refetchQueries: isSelf ? ['Self'] : [],
  })
  const shown = roles.includes(row.role) ? roles : [row.role, ...roles]
  const disabled = lastAdmin ? shown.filter((r) => r !== row.role) : []
  const lowersOwn = isSelf && levelRank(roleLevel(role)) < levelRank(roleLevel(row.role))

  const save = async () => {
    const result = await update({ variables: { workspaceUuid: workspaceId, email: row.email, role } }).catch(() => null)
    if (!result?.data) return
    const who = isSelf ? (
      'You are'
    ) : row.kind === 'invite' ? (
      <>
        The invite for <bdi>{row.email}</bdi> is
      </>
    ) : (
      <>
        <bdi>{row.name}</bdi> is
      </>
    )
    toast.success(
      <>
        {who} now {ROLE_LABELS[result.data.workspaceUpdateUserRole].toLowerCase()} of <bdi>{workspaceLabel}</bdi>
      </>,
    )
    onClose()
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <RoleRadios legend="Workspace role" roles={shown} value={role} onChange={setRole} disabledRoles={disabled} disabledReason={lastAdmin} />
      {lowersOwn ? <InlineAlert tone="warning">You are lowering your own role: you will lose what it allows, possibly including this page.</InlineAlert> : null}
      {error ? <InlineAlert tone="danger">{firstProblem(error).message}</InlineAlert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={loading} disabled={role === row.role}>
          Change role
        </Button>
      </div>
    </form>
  )
}

export function ChangeRoleDialog(props: RowDialogProps & { roles: readonly Role[]; lastAdmin: ReactNode; open: boolean }) {
  const { row, open, onClose } = props
  const subject =
    row.kind === 'invite' ? (
      <>
        the invite for <bdi>{row.email}</bdi>
      </>
    ) : props.isSelf ? (
      'your role'
    ) : (
      <bdi>{row.name}</bdi>
    )
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={row.kind === 'invite' ? isolated`Change the role of the invite for ${row.email}` : props.isSelf ? 'Change your role' : isolated`Change the role of ${row.name}`}
      description={
        <>
          Current role of {subject}: {ROLE_LABELS[row.role]}.
        </>
      }
    >
      {open ? <ChangeRoleForm key={row.id} {...props} /> : null}
    </Dialog>
  )
}

export function RemoveMemberDialog({ row, workspaceId, workspaceLabel, isSelf, onClose, open }: RowDialogProps & { open: boolean }) {
  const navigate = useNavigate()
  const [remove, { loading, error, reset }] = useMutation(WorkspaceRemoveUserMutation, { refetchQueries: isSelf ? ['Self', 'Workspaces'] : ['Workspaces'] })
  const confirm = async () => {
    if (!row.userId) return
    const result = await remove({ variables: { workspaceUuid: workspaceId, userUuid: row.userId } }).catch(() => null)
    if (!result?.data) return
    toast.success(isSelf ? isolated`You left ${workspaceLabel}` : isolated`${row.name} was removed from ${workspaceLabel}`)
    onClose()
    if (isSelf) await navigate('/workspaces', { replace: true })
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (o) return
        reset()
        onClose()
      }}
      title={isSelf ? isolated`Leave ${workspaceLabel}?` : isolated`Remove ${row.name} from ${workspaceLabel}?`}
      description={`${isSelf ? 'You lose' : 'They lose'} access to this workspace and its deployments, including roles on single deployments. The account itself stays.`}
      confirmLabel={isSelf ? 'Leave workspace' : 'Remove member'}
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}

export function RevokeInviteDialog({ row, onClose, open }: Pick<RowDialogProps, 'row' | 'onClose'> & { open: boolean }) {
  const [revoke, { loading, error, reset }] = useMutation(DeleteInviteTokenMutation, {
    update(cache, { data }) {
      if (data) cache.evict({ id: cache.identify({ __typename: 'Invite', id: data.deleteInviteToken.id }) })
    },
  })
  const confirm = async () => {
    const result = await revoke({ variables: { inviteUuid: row.id } }).catch(() => null)
    if (!result?.data) return
    toast.success(isolated`Invite for ${row.email} revoked`)
    onClose()
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (o) return
        reset()
        onClose()
      }}
      title={isolated`Revoke the invite for ${row.email}?`}
      description="The invitation stops working at once. You can invite the address again later."
      confirmLabel="Revoke invite"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}
