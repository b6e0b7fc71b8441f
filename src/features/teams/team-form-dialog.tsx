import { useMutation } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { toast } from 'sonner'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FieldShell, inputClasses, TextAreaField, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert } from '@/components/ui/states'
import { useSession } from '@/features/auth'
import { apiProblems } from '@/lib/graphql-errors'
import { grantableRolesOn, type Role, ROLE_LABELS } from '@/lib/permissions'
import { MemberPicker, type PickedMember } from './member-picker'
import { CreateTeamMutation, UpdateTeamMutation } from './operations'

const NAME_MAX = 100
const DESCRIPTION_MAX = 1000

const teamFormSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(NAME_MAX, `A name is at most ${NAME_MAX} characters.`),
  description: z.string().trim().max(DESCRIPTION_MAX, `A description is at most ${DESCRIPTION_MAX} characters.`),
  systemRole: z.enum(['', 'SYSTEM_VIEWER', 'SYSTEM_EDITOR', 'SYSTEM_ADMIN']),
})
type TeamFormValues = z.infer<typeof teamFormSchema>

export interface EditableTeam {
  id: string
  name: string
  description: string | null
  users: readonly PickedMember[]
}

interface Props {
  /** null: a new team. */
  team: EditableTeam | null
  onClose: () => void
  onSaved?: (teamId: string) => void
}

function TeamForm({ team, onClose, onSaved }: Props) {
  const { bindings } = useSession()
  const systemRoles = team ? [] : grantableRolesOn(bindings, { scope: 'SYSTEM' })
  const form = useForm<TeamFormValues>({
    resolver: zodResolver(teamFormSchema),
    defaultValues: { name: team?.name ?? '', description: team?.description ?? '', systemRole: '' },
  })
  const [members, setMembers] = useState<PickedMember[]>(team ? [...team.users] : [])
  const [membersError, setMembersError] = useState<string | undefined>()
  const [other, setOther] = useState<string | null>(null)
  // Membership decides the members' access, the signed-in user's included. A
  // new team joins the list of all teams; a changed one answers with itself.
  const [create, creating] = useMutation(CreateTeamMutation, { refetchQueries: ['AllTeams', 'Self'] })
  const [update, updating] = useMutation(UpdateTeamMutation, { refetchQueries: ['Self'] })

  const submit = async (v: TeamFormValues) => {
    setOther(null)
    setMembersError(undefined)
    const userIds = members.map((m) => m.id)
    const description = v.description || null
    try {
      let id: string
      if (team) {
        const r = await update({ variables: { teamUuid: team.id, name: v.name, description, userIds } })
        id = r.data?.updateTeam.id ?? team.id
      } else {
        const systemRole: Role | null = v.systemRole || null
        const r = await create({ variables: { name: v.name, description, userIds, systemRole } })
        id = r.data?.createTeam.id ?? ''
      }
      toast.success(
        team ? (
          isolated`Team ${v.name} saved`
        ) : (
          <>
            Team <bdi>{v.name}</bdi> created with {members.length} member{members.length === 1 ? '' : 's'}
          </>
        ),
      )
      onClose()
      if (id) onSaved?.(id)
    } catch (error: unknown) {
      for (const p of apiProblems(error)) {
        if (p.field === 'name' || p.field === 'description' || p.field === 'systemRole') form.setError(p.field, { type: 'server', message: p.message })
        else if (p.field?.startsWith('userIds')) setMembersError(p.message)
        else setOther(p.message)
      }
    }
  }

  const errors = form.formState.errors
  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)}>
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register('name')} />
      <TextAreaField label="Description (optional)" error={errors.description?.message} {...form.register('description')} />
      <MemberPicker members={members} onChange={setMembers} error={membersError} />
      {systemRoles.length ? (
        <FieldShell label="System role (optional)" hint="Every member holds it on the whole platform, on top of their own roles." error={errors.systemRole?.message}>
          {({ id, describedBy, invalid }) => (
            <select id={id} className={inputClasses} aria-describedby={describedBy} aria-invalid={invalid} {...form.register('systemRole')}>
              <option value="">None</option>
              {systemRoles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      ) : null}
      {other ? <InlineAlert tone="danger">{other}</InlineAlert> : null}
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={creating.loading || updating.loading || form.formState.isSubmitting}>
          {team ? 'Save team' : 'Create team'}
        </Button>
      </div>
    </form>
  )
}

/** Creates a local team, or changes one's name, description and members. */
export function TeamFormDialog(props: Props) {
  return (
    <Dialog
      open
      onOpenChange={(o) => (o ? undefined : props.onClose())}
      title={props.team ? isolated`Edit team ${props.team.name}` : 'New team'}
      description={props.team ? undefined : 'A local team: its members hold the roles you give it, on top of their own.'}
    >
      <TeamForm key={props.team?.id ?? 'new'} {...props} />
    </Dialog>
  )
}
