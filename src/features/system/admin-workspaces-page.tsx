import { useMutation, useQuery } from '@apollo/client/react'
import { zodResolver } from '@hookform/resolvers/zod'
import { type ReactNode, type SubmitEventHandler, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { Link } from 'react-router'
import { toast } from 'sonner'
import { Button, buttonClasses } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { inputClasses, TextField } from '@/components/ui/field'
import { isolated } from '@/components/ui/isolated'
import { PageHeader } from '@/components/ui/page-header'
import { ScrollArea } from '@/components/ui/scroll-area'
import { EmptyState, ErrorState, InlineAlert, LoadingState } from '@/components/ui/states'
import { useAccess } from '@/features/auth'
import { usePlatformConfig } from '@/features/deployments'
import { formatCpu, formatMemory } from '@/lib/au'
import { type ApiProblem, apiProblems } from '@/lib/graphql-errors'
import { useSearchState } from '@/lib/search-params'
import {
  coresToAu,
  type CpuQuotaForm,
  cpuQuotaFormSchema,
  filterAndSortQuotas,
  type QuotaForm,
  quotaFormSchema,
  type QuotaMeasure,
  type QuotaSort,
  quotaSearchSchema,
  usageOf,
  type WorkspaceQuotaRow,
} from './quota-list'
import { AdminWorkspaceQuotasQuery, UpdateWorkspaceQuotaMutation } from './quota-operations'

const formatAu = (au: number) => `${au} AU`
/** CPU and memory together, as a platform without AU counts a quota. */
const formatResources = (cpu: number, memory: number) => `${formatCpu(cpu)} · ${formatMemory(memory)}`

/** CPU over memory in a cell, each kept whole on its line. */
function ResourceAmounts({ cpu, memory }: { cpu: string; memory: string }) {
  return (
    <>
      <span className="block whitespace-nowrap">{cpu}</span>
      <span className="block whitespace-nowrap">{memory}</span>
    </>
  )
}

function UsageMeter({ row, measure }: { row: WorkspaceQuotaRow; measure: QuotaMeasure }) {
  const usage = usageOf(row, measure)
  const pct = Math.min(100, Math.round(usage * 100))
  const tone = usage > 1 || pct >= 90 ? 'bg-danger' : pct >= 75 ? 'bg-warning' : 'bg-accent'
  const meter =
    measure === 'au'
      ? { label: `AU used in ${row.label}`, max: row.auQuota, now: row.auUsed, text: `${row.auUsed} of ${row.auQuota} AU used` }
      : {
          label: `CPU and memory used in ${row.label}`,
          max: 100,
          now: Math.round(usage * 100),
          text: `${formatCpu(row.cpuUsed)} of ${formatCpu(row.cpuQuota)} and ${formatMemory(row.memoryUsed)} of ${formatMemory(row.memoryQuota)} used`,
        }
  return (
    <div className="flex items-center gap-2">
      <div
        role="meter"
        aria-label={meter.label}
        aria-valuemin={0}
        aria-valuemax={meter.max}
        aria-valuenow={meter.now}
        aria-valuetext={meter.text}
        className="h-2.5 w-24 overflow-hidden rounded-full bg-surface-sunken"
      >
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="tabular-nums">{Math.round(usage * 100)}%</span>
    </div>
  )
}

/** A workspace's quota and use as the mutation answers them. */
type SavedQuota = Omit<WorkspaceQuotaRow, 'label' | 'deploymentCount'>

/** Sends a new quota (in AU, as the API stores it); the server's refusal of the amount belongs on the field. */
function useQuotaUpdate(row: WorkspaceQuotaRow, onClose: () => void) {
  const [update, { loading, error }] = useMutation(UpdateWorkspaceQuotaMutation)
  const problems = error ? apiProblems(error) : []
  const onField = problems.find((p) => p.field === 'auQuota')
  const save = async (auQuota: number, announce: (saved: SavedQuota) => void) => {
    const result = await update({ variables: { workspaceUuid: row.id, auQuota } }).catch(() => null)
    const saved = result?.data?.updateWorkspaceQuota
    if (!saved) return
    announce(saved)
    onClose()
  }
  return { loading, fieldProblem: onField?.message, elsewhere: problems.filter((p) => p !== onField), save }
}

interface QuotaDialogFrameProps {
  title: ReactNode
  description: string
  loading: boolean
  submitting: boolean
  elsewhere: readonly ApiProblem[]
  onClose: () => void
  onSubmit: SubmitEventHandler<HTMLFormElement>
  children: ReactNode
}

/** The quota dialogs' frame: the form, the server's other problems, Cancel and Set quota. */
function QuotaDialogFrame({ title, description, loading, submitting, elsewhere, onClose, onSubmit, children }: QuotaDialogFrameProps) {
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !loading) onClose()
      }}
      title={title}
      description={description}
    >
      <form noValidate className="space-y-4" onSubmit={onSubmit}>
        {children}
        {elsewhere.map((p) => (
          <InlineAlert key={p.message} tone="danger">
            {p.message}
          </InlineAlert>
        ))}
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={loading || submitting}>
            Set quota
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function AuQuotaDialog({ row, onClose }: { row: WorkspaceQuotaRow; onClose: () => void }) {
  const form = useForm<QuotaForm>({ resolver: zodResolver(quotaFormSchema), defaultValues: { auQuota: row.auQuota } })
  const { loading, fieldProblem, elsewhere, save } = useQuotaUpdate(row, onClose)
  const submit = (values: QuotaForm) =>
    save(values.auQuota, (saved) =>
      toast.success(isolated`${row.label}: quota set to ${saved.auQuota} AU`, { description: `${saved.auUsed} AU in use, ${saved.auQuota - saved.auUsed} AU left.` }),
    )

  return (
    <QuotaDialogFrame
      title={isolated`Set the AU quota of ${row.label}`}
      description={`Its deployments use ${row.auUsed} AU now; the quota is ${row.auQuota} AU. Deployments cannot be created or scaled past the quota.`}
      loading={loading}
      submitting={form.formState.isSubmitting}
      elsewhere={elsewhere}
      onClose={onClose}
      onSubmit={form.handleSubmit(submit)}
    >
      <TextField
        label="AU quota"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        hint={`A whole number of AU. It cannot go below the ${row.auUsed} AU in use; the server checks this against the latest use.`}
        error={form.formState.errors.auQuota?.message ?? fieldProblem}
        {...form.register('auQuota', { valueAsNumber: true })}
      />
    </QuotaDialogFrame>
  )
}

/**
 * A platform without AU counts the quota in CPU and memory, but the API still
 * stores it in AU: the admin types CPU in the platform's grain, and the memory
 * that comes with it is shown as they type.
 */
function ResourcesQuotaDialog({ row, unit, onClose }: { row: WorkspaceQuotaRow; unit: { cpu: number; memory: number }; onClose: () => void }) {
  const schema = useMemo(() => cpuQuotaFormSchema(unit.cpu), [unit.cpu])
  const form = useForm<CpuQuotaForm>({ resolver: zodResolver(schema), defaultValues: { cores: String(row.cpuQuota / 1000) } })
  const { loading, fieldProblem, elsewhere, save } = useQuotaUpdate(row, onClose)
  const typedAu = coresToAu(useWatch({ control: form.control, name: 'cores' }), unit.cpu)
  const submit = async (values: CpuQuotaForm) => {
    const auQuota = coresToAu(values.cores, unit.cpu)
    if (auQuota === null) return
    await save(auQuota, (saved) =>
      toast.success(
        <>
          <bdi>{row.label}</bdi>: quota set to {formatCpu(saved.cpuQuota)} and {formatMemory(saved.memoryQuota)}
        </>,
        { description: `${formatResources(saved.cpuUsed, saved.memoryUsed)} in use.` },
      ),
    )
  }

  return (
    <QuotaDialogFrame
      title={isolated`Set the CPU and memory quota of ${row.label}`}
      description={`Its deployments use ${formatCpu(row.cpuUsed)} and ${formatMemory(row.memoryUsed)} now; the quota is ${formatCpu(row.cpuQuota)} and ${formatMemory(row.memoryQuota)}. Deployments cannot be created or scaled past it.`}
      loading={loading}
      submitting={form.formState.isSubmitting}
      elsewhere={elsewhere}
      onClose={onClose}
      onSubmit={form.handleSubmit(submit)}
    >
      <TextField
        label="CPU quota (cores)"
        inputMode="decimal"
        autoComplete="off"
        hint={`In steps of ${unit.cpu / 1000} CPU, each with ${formatMemory(unit.memory)} of memory. It cannot go below the CPU or memory in use; the server checks this against the latest use.`}
        error={form.formState.errors.cores?.message ?? fieldProblem}
        {...form.register('cores')}
      />
      <p className="text-sm" aria-live="polite">
        {typedAu === null ? 'Memory follows the CPU.' : `With ${formatMemory(typedAu * unit.memory)} of memory.`}
      </p>
    </QuotaDialogFrame>
  )
}

const COLUMNS: { key: QuotaSort; label: string; numeric: boolean }[] = [
  { key: 'label', label: 'Workspace', numeric: false },
  { key: 'deployments', label: 'Deployments', numeric: true },
  { key: 'used', label: 'AU used', numeric: true },
  { key: 'quota', label: 'Quota', numeric: true },
  { key: 'left', label: 'AU left', numeric: true },
  { key: 'usage', label: 'Usage', numeric: false },
]

/** Without AU, the amount columns hold CPU and memory. */
const RESOURCE_LABELS: Partial<Record<QuotaSort, string>> = { used: 'Used', quota: 'Quota', left: 'Left' }

/** /admin/workspaces: every workspace's quota (in AU, or CPU and memory where AU is off) and use; system admins set the quotas. */
export function AdminWorkspacesPage() {
  const access = useAccess()
  const [search, setSearch] = useSearchState(quotaSearchSchema)
  const { data, loading, error, refetch } = useQuery(AdminWorkspaceQuotasQuery)
  const { platform, loading: platformLoading } = usePlatformConfig()
  // Until the platform says otherwise (or if it cannot be read), quotas are in AU, as the API stores them.
  const measure: QuotaMeasure = platform && !platform.auEnabled ? 'resources' : 'au'
  const [editing, setEditing] = useState<string | null>(null)
  const rows = useMemo(() => (data ? filterAndSortQuotas(data.workspaces, search, measure) : []), [data, search, measure])

  if ((!data && loading) || (!platform && platformLoading)) return <LoadingState label="Loading workspaces and quotas…" />
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const canSet = access.system('system.workspace.suspend')
  const editingRow = data.workspaces.find((w) => w.id === editing) ?? null
  const total = (pick: (w: WorkspaceQuotaRow) => number) => data.workspaces.reduce((sum, w) => sum + pick(w), 0)
  const inAll =
    measure === 'au'
      ? `${total((w) => w.auUsed)} AU of ${total((w) => w.auQuota)} AU`
      : `${formatCpu(total((w) => w.cpuUsed))} of ${formatCpu(total((w) => w.cpuQuota))} and ${formatMemory(total((w) => w.memoryUsed))} of ${formatMemory(total((w) => w.memoryQuota))}`

  return (
    <>
      <PageHeader
        title="Workspaces and quotas"
        description={`${data.workspaces.length} workspaces use ${inAll} of quota in all.${canSet ? '' : ' Your role can see the quotas but not set them.'}`}
      />
      {error ? <ErrorState error={error} title="The workspaces could not be refreshed" onRetry={() => void refetch()} /> : null}
      <div className="mb-3 flex flex-wrap gap-3" role="search" aria-label="Filter workspaces">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Search</span>
          <input type="search" className={inputClasses} placeholder="Workspace name" value={search.q} onChange={(e) => setSearch({ q: e.target.value })} />
        </label>
      </div>
      {data.workspaces.length === 0 ? (
        <EmptyState title="No workspaces on the platform yet" />
      ) : rows.length === 0 ? (
        <EmptyState
          title="No workspace matches this search"
          action={
            <button type="button" className={buttonClasses('secondary', 'sm')} onClick={() => setSearch({ q: '' })}>
              Clear search
            </button>
          }
        />
      ) : (
        <ScrollArea className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">
              Workspaces with their {measure === 'au' ? 'AU' : 'CPU and memory'} quota and use, {rows.length} shown
            </caption>
            <thead className="border-b border-border bg-surface-sunken">
              <tr>
                {COLUMNS.map((c) => {
                  const active = search.sort === c.key
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={active ? (search.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      className={`px-3 py-2 font-medium ${c.numeric ? 'text-right' : 'text-left'}`}
                    >
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:underline"
                        onClick={() => setSearch({ sort: c.key, dir: active && search.dir === 'asc' ? 'desc' : 'asc' })}
                      >
                        {(measure === 'resources' && RESOURCE_LABELS[c.key]) || c.label}
                        <span aria-hidden="true">{active ? (search.dir === 'asc' ? '▲' : '▼') : ''}</span>
                      </button>
                    </th>
                  )
                })}
                {canSet ? (
                  <th scope="col" className="px-3 py-2 text-left font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((w) => {
                const left = w.auQuota - w.auUsed
                const cpuLeft = w.cpuQuota - w.cpuUsed
                const memoryLeft = w.memoryQuota - w.memoryUsed
                const over = measure === 'au' ? left < 0 : cpuLeft < 0 || memoryLeft < 0
                return (
                  <tr key={w.id} className="border-b border-border last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link to={`/workspaces/${w.id}`} className="inline-block max-w-xs truncate align-bottom font-medium text-accent hover:underline" title={w.label}>
                        {w.label}
                      </Link>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{w.deploymentCount}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {measure === 'au' ? formatAu(w.auUsed) : <ResourceAmounts cpu={formatCpu(w.cpuUsed)} memory={formatMemory(w.memoryUsed)} />}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {measure === 'au' ? formatAu(w.auQuota) : <ResourceAmounts cpu={formatCpu(w.cpuQuota)} memory={formatMemory(w.memoryQuota)} />}
                    </td>
                    <td className={`px-3 py-2 text-right tabular-nums ${over ? 'text-danger' : ''}`}>
                      {measure === 'au' ? (
                        left < 0 ? (
                          `${-left} AU over`
                        ) : (
                          formatAu(left)
                        )
                      ) : (
                        <ResourceAmounts
                          cpu={cpuLeft < 0 ? `${formatCpu(-cpuLeft)} over` : formatCpu(cpuLeft)}
                          memory={memoryLeft < 0 ? `${formatMemory(-memoryLeft)} over` : formatMemory(memoryLeft)}
                        />
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <UsageMeter row={w} measure={measure} />
                    </td>
                    {canSet ? (
                      <td className="px-3 py-2 text-right">
                        <Button size="sm" aria-label={`Set quota of ${w.label}`} onClick={() => setEditing(w.id)}>
                          Set quota
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {canSet && editingRow ? (
        measure === 'resources' && platform ? (
          <ResourcesQuotaDialog key={editingRow.id} row={editingRow} unit={platform.astroUnit} onClose={() => setEditing(null)} />
        ) : (
          <AuQuotaDialog key={editingRow.id} row={editingRow} onClose={() => setEditing(null)} />
        )
      ) : null}
    </>
  )
}
