import { zodResolver } from '@hookform/resolvers/zod'
import { type ReactNode, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { CopyButton } from '@/components/ui/copy-button'
import { Dialog } from '@/components/ui/dialog'
import { inputClasses, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, InlineAlert } from '@/components/ui/states'
import type { ServiceAccountRowFragment } from '@/gql/graphql'
import { formatDateTime, formatRelative } from '@/lib/format'
import { apiProblems } from '@/lib/graphql-errors'
import { ROLES, type Role } from '@/lib/permissions'
import { RoleBadge, RoleRadios } from './role-choice'

export const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' })

/** The created account as the lists hold it: the API key is left out, so it never reaches the cache. */
export function withoutApiKey<T extends { apiKey?: string | null }>(created: T): Omit<T, 'apiKey'> {
  const account: Partial<T> = { ...created }
  delete account.apiKey
  return account as Omit<T, 'apiKey'>
}

export function ServiceAccountsTable({ accounts, caption, canDelete, onDelete }: { accounts: readonly ServiceAccountRowFragment[]; caption: string; canDelete: boolean; onDelete: (a: ServiceAccountRowFragment) => void }) {
  return (
    <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border bg-surface-sunken text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last used
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Created
            </th>
            {canDelete ? (
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-border last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="block max-w-xs truncate font-medium" title={a.label}>
                  {a.label}
                </span>
                {a.category ? (
                  <span className="block max-w-xs truncate text-xs text-muted" title={a.category}>
                    {a.category}
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-2">
                <RoleBadge role={a.roleBinding.role} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{a.lastUsedAt ? <time dateTime={a.lastUsedAt} title={formatDateTime(a.lastUsedAt)}>{formatRelative(a.lastUsedAt)}</time> : <span className="text-muted">Never</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(a.createdAt)}</td>
              {canDelete ? (
                <td className="px-3 py-2 text-right">
                  <Button size="sm" variant="ghost" aria-label={`Delete ${a.label}`} onClick={() => onDelete(a)}>
                    Delete
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}

/** `what`: "workspace Data Platform", the name isolated (see isolated``). */
export function NoServiceAccounts({ canCreate, what }: { canCreate: boolean; what: ReactNode }) {
  return (
    <EmptyState title="No service accounts yet">
      {canCreate ? <>Create one for a CI/CD pipeline or other automation that works on {what}.</> : <>An editor of {what} can create one.</>}
    </EmptyState>
  )
}

const createSchema = z.object({
  label: z.string().trim().min(1, 'Enter a name.').max(100, 'Names are at most 100 characters.'),
  category: z.string().trim().max(100, 'Categories are at most 100 characters.'),
  role: z.enum(ROLES),
})
type CreateValues = z.infer<typeof createSchema>

export interface CreateInput {
  label: string
  category: string | null
  role: Role
}

function CreateForm({ roles, onCreate, onCreated, onCancel }: { roles: readonly Role[]; onCreate: (input: CreateInput) => Promise<{ label: string; apiKey: string }>; onCreated: (created: { label: string; apiKey: string }) => void; onCancel: () => void }) {
  const form = useForm<CreateValues>({ resolver: zodResolver(createSchema), defaultValues: { label: '', category: '', role: roles[0] ?? 'WORKSPACE_VIEWER' } })
  const role = useWatch({ control: form.control, name: 'role' })
  const [problem, setProblem] = useState<unknown>(null)
  const problems = problem ? apiProblems(problem) : []
  const on = (field: string) => problems.find((p) => p.field === field)?.message
  const other = problems.filter((p) => !['label', 'category', 'role'].includes(p.field ?? ''))

  const submit = async (v: CreateValues) => {
    setProblem(null)
    try {
      onCreated(await onCreate({ label: v.label.trim(), category: v.category.trim() || null, role: v.role }))
    } catch (error) {
      setProblem(error)
    }
  }

  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)}>
      <TextField label="Name" autoComplete="off" error={form.formState.errors.label?.message ?? on('label')} {...form.register('label')} />
      <TextField label="Category (optional)" hint="What uses it, e.g. GitHub Actions, Jenkins, dbt Cloud." autoComplete="off" error={form.formState.errors.category?.message ?? on('category')} {...form.register('category')} />
      <RoleRadios legend="Role" roles={roles} value={role} onChange={(r) => form.setValue('role', r, { shouldDirty: true })} />
      {on('role') ? <InlineAlert tone="danger">{on('role')}</InlineAlert> : null}
      {other.map((p) => (
        <InlineAlert key={p.message} tone="danger">
          {p.message}
        </InlineAlert>
      ))}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
          Create service account
        </Button>
      </div>
    </form>
  )
}

function RevealKey({ label, apiKey, onDone }: { label: string; apiKey: string; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <InlineAlert tone="warning">
        <strong>Copy this API key now: it will never be shown again.</strong> The platform keeps only a hash of it. Store it in your CI/CD secret store; if it is lost, delete this service account and create a new one.
      </InlineAlert>
      <div className="space-y-1">
        <label htmlFor="new-api-key" className="block text-sm font-medium">
          API key of {label}
        </label>
        <div className="flex items-center gap-2">
          <input id="new-api-key" readOnly value={apiKey} className={`${inputClasses} font-mono`} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={apiKey} label="Copy API key" />
        </div>
      </div>
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          I have copied the key
        </Button>
      </div>
    </div>
  )
}

/**
 * Create, then show the key once. The key lives only in this dialog's state:
 * closing the dialog forgets it.
 */
export function CreateServiceAccountDialog({ open, onOpenChange, what, roles, onCreate }: { open: boolean; onOpenChange: (open: boolean) => void; what: ReactNode; roles: readonly Role[]; onCreate: (input: CreateInput) => Promise<{ label: string; apiKey: string }> }) {
  const [created, setCreated] = useState<{ label: string; apiKey: string } | null>(null)
  const close = () => {
    setCreated(null)
    onOpenChange(false)
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title={created ? isolated`Service account ${created.label} created` : <>New service account for {what}</>}
      description={created ? undefined : 'A non-human identity for CI/CD and automation. Its API key is shown once, right after creation.'}
    >
      {created ? (
        <RevealKey label={created.label} apiKey={created.apiKey} onDone={close} />
      ) : open ? (
        <CreateForm
          roles={roles}
          onCreate={onCreate}
          onCreated={(c) => {
            setCreated(c)
            toast.success(isolated`Service account ${c.label} created`)
          }}
          onCancel={close}
        />
      ) : null}
    </Dialog>
  )
}

export function DeleteServiceAccountDialog({ account, onClose, onDelete }: { account: ServiceAccountRowFragment | null; onClose: () => void; onDelete: (a: ServiceAccountRowFragment) => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const close = () => {
    setError(null)
    onClose()
  }
  const confirm = async () => {
    if (!account) return
    setBusy(true)
    setError(null)
    try {
      await onDelete(account)
      toast.success(isolated`Service account ${account.label} deleted`)
      close()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <ConfirmDialog
      open={account !== null}
      onOpenChange={(o) => (o ? undefined : close())}
      title={isolated`Delete service account ${account?.label ?? ''}?`}
      description="Anything that uses its API key stops working at once. This cannot be undone."
      confirmLabel="Delete service account"
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
    />
  )
}
