import { useApolloClient, useMutation } from '@apollo/client/react'
import { useId, useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { InlineAlert } from '@/components/ui/states'
import type { DeploymentResourcesQuery as DeploymentResourcesData } from '@/gql/graphql'
import {
  checkSizing,
  componentAuRange,
  componentsFor,
  deploymentQuota,
  deploymentResources,
  diffSizing,
  executorOf,
  extraAuRange,
  formatCpu,
  formatMemory,
  matchingPreset,
  presetSizing,
  quotaImpact,
  SIZE_PRESETS,
  type Sizing,
  type SizingField,
  sizingPatch,
  totalAu,
  withExecutor,
} from '@/lib/au'
import { apiProblems, type ApiProblem } from '@/lib/graphql-errors'
import type { Component, PlatformConfig } from '@/lib/houston-json'
import { countedSizing } from './counted-sizing'
import { fieldHelp, fieldLabel } from './field-help'
import { auResources, changeValue } from './format'
import { DeploymentResourcesQuery, UpdateDeploymentResourcesMutation } from './operations'
import { ReviewDialog } from './review-dialog'
import { placeProblems } from './server-problems'
import { SizingTable } from './sizing-table'
import { type FieldProblem, SliderField } from './slider-field'
import { TotalsPanel } from './totals-panel'

type Live = DeploymentResourcesData

interface Props {
  platform: PlatformConfig
  live: Live
  canEdit: boolean
  /** Reads the deployment afresh and starts over from what the server has. */
  onReload: () => Promise<void>
  /** Re-reads the workspace quota (and the deployment) without starting over. */
  onRecheck: () => void
}

const PRESET_LABEL = { small: 'Small', medium: 'Medium', large: 'Large' } as const

const withSize = (s: Sizing, c: Component, patch: Partial<NonNullable<Sizing['components'][Component]>>): Sizing => {
  const current = s.components[c]
  return current ? { ...s, components: { ...s.components, [c]: { ...current, ...patch } } } : s
}

/**
 * The sizing of one deployment: controls for editors, values for everyone,
 * live totals against the limits and the workspace quota, a review of the
 * change before it is saved. Keyed by deployment (and reload) so that a
 * background refetch never replaces what is being chosen.
 */
export function ConfigureView({ platform, live, canEdit, onReload, onRecheck }: Props) {
  const d = live.deployment
  const ws = live.workspace
  const client = useApolloClient()
  const reasonId = useId()
  const liveSizing = countedSizing(platform, d)
  // What the page opened with: the "before" of every diff, and the check for changes made elsewhere.
  const [baseline] = useState<Sizing | null>(liveSizing)
  const [draft, setDraftState] = useState<Sizing | null>(liveSizing)
  const [reviewing, setReviewing] = useState(false)
  const [saving, setSaving] = useState(false)
  const [serverProblems, setServerProblems] = useState<ApiProblem[]>([])
  const [notSaved, setNotSaved] = useState<string | null>(null)
  const [update] = useMutation(UpdateDeploymentResourcesMutation)

  if (!baseline || !draft || !liveSizing) {
    return <InlineAlert tone="danger">The stored config of {d.label} is not in a shape this console can read, so its resources cannot be shown.</InlineAlert>
  }

  const setDraft = (next: Sizing) => {
    setDraftState(next)
    setServerProblems([])
    setNotSaved(null)
  }

  const deploying = d.status === 'DEPLOYING'
  const currentAu = totalAu(platform, liveSizing)
  const nextAu = totalAu(platform, draft)
  const changes = diffSizing(platform, baseline, draft)
  const changedElsewhere = diffSizing(platform, baseline, liveSizing)
  const impact = quotaImpact(ws, currentAu, nextAu)
  const localProblems = canEdit ? checkSizing(platform, draft, deploymentQuota(ws, currentAu)) : []
  const placed = placeProblems(serverProblems)
  const quotaLocal = localProblems.find((p) => p.field === 'total')

  const problemOf = (field: SizingField): FieldProblem | null => {
    const local = localProblems.find((p) => p.field === field)
    if (local) return { message: local.message, nearest: local.nearest }
    const server = placed.fields[field]
    return server ? { message: server } : null
  }

  const blockedBecause = deploying
    ? `${d.label} is deploying a change. You can prepare yours now and save it once the deployment is healthy; this page updates by itself.`
    : changedElsewhere.length > 0
      ? 'Reload first: this deployment was changed since you opened this page.'
      : changes.length === 0
        ? 'No changes yet: move a slider, type a value, pick a preset or another executor.'
        : localProblems.length > 0
          ? `Fix ${localProblems.length === 1 ? 'the value marked above' : `the ${localProblems.length} values marked above`} first.`
          : null

  const save = async () => {
    setSaving(true)
    setServerProblems([])
    setNotSaved(null)
    try {
      // Read the deployment afresh: if it moved on since the page opened, do not overwrite it.
      const fresh = await client.query({
        query: DeploymentResourcesQuery,
        variables: { deploymentUuid: d.id, workspaceUuid: ws.id },
        fetchPolicy: 'network-only',
      })
      const freshDeployment = fresh.data?.deployment
      const freshSizing = freshDeployment ? countedSizing(platform, freshDeployment) : null
      if (!freshDeployment || !freshSizing || freshDeployment.status === 'DEPLOYING' || diffSizing(platform, baseline, freshSizing).length > 0) {
        // The page shows the fresh state (deploying, or what changed); say that nothing was sent.
        setNotSaved(
          freshDeployment?.status === 'DEPLOYING'
            ? `Not saved yet: ${d.label} started deploying another change. Your changes are kept; save them once it is healthy.`
            : `Not saved: ${d.label} was changed since you opened this page. Reload to start from its current values.`,
        )
        setReviewing(false)
        return
      }
      const patch = sizingPatch(platform, baseline, draft)
      await update({ variables: { deploymentUuid: d.id, config: patch.config ?? null, properties: patch.properties ?? null } })
      toast.success(`Saved: ${d.label} is deploying at ${nextAu} AU`, { description: 'It shows Deploying for a few seconds while the change is applied.' })
      setReviewing(false)
      await onReload()
    } catch (error) {
      const problems = apiProblems(error)
      setServerProblems(problems)
      setReviewing(false)
      // A CONFLICT means the deployment is busy or changed: show its state as the server has it.
      if (problems.some((p) => p.code === 'CONFLICT' || p.code === 'QUOTA_EXCEEDED')) onRecheck()
    } finally {
      setSaving(false)
    }
  }

  const quotaProblem = placed.quota ? (
    <>
      <p className="font-semibold">The server refused the change: {placed.quota.message}</p>
      {typeof placed.quota.extensions.remainingAu === 'number' ? (
        <p className="mt-1">This deployment may total at most {placed.quota.extensions.remainingAu} AU now.</p>
      ) : null}
    </>
  ) : quotaLocal ? (
    <p>{quotaLocal.message}</p>
  ) : null

  const executor = executorOf(platform, draft.executor)
  const components = componentsFor(platform, draft.executor)
  const extraRange = extraAuRange(platform, draft.executor)
  const fixed = components.filter((c) => !c.tunable)
  const preset = matchingPreset(platform, draft)
  const auField = (c: Component): SizingField => `${c}.au`

  return (
    <div className="space-y-6">
      {deploying ? (
        <InlineAlert tone="info">
          <strong>{d.label} is deploying:</strong> a change is being applied and counts at its new size ({currentAu} AU).{' '}
          {canEdit ? 'Saving waits until it is healthy; this page updates by itself.' : 'This page updates by itself.'}
        </InlineAlert>
      ) : null}
      {canEdit && changedElsewhere.length > 0 ? (
        <InlineAlert tone="warning">
          <p className="font-semibold">{d.label} was changed since you opened this page.</p>
          <p className="mt-1">Saving now would overwrite that change, so nothing will be saved until you reload. What changed:</p>
          <ul className="mt-1 list-disc pl-5">
            {changedElsewhere.map((c) => (
              <li key={c.field}>
                {fieldLabel(platform, c.field)}: {changeValue(platform, c, 'before') ?? 'not used'} → {changeValue(platform, c, 'after') ?? 'not used'}
              </li>
            ))}
          </ul>
          <Button className="mt-2" size="sm" onClick={() => void onReload()}>
            Reload the current values
          </Button>
          <span className="ml-2 text-xs">Your unsaved changes will be discarded.</span>
        </InlineAlert>
      ) : null}
      {canEdit && placed.conflict && changedElsewhere.length === 0 ? (
        <InlineAlert tone="warning">
          <p className="font-semibold">Not saved: {placed.conflict.message}</p>
          <Button className="mt-2" size="sm" onClick={() => void onReload()}>
            Reload the current values
          </Button>
        </InlineAlert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="executor-heading" className="rounded-lg border border-border bg-surface p-5">
            <h2 id="executor-heading" className="text-lg font-semibold">
              Executor
            </h2>
            {canEdit ? (
              <fieldset className="mt-3">
                <legend className="sr-only">Executor</legend>
                <p className="mb-2 text-sm text-muted">The executor decides which components run; changing it changes the controls below.</p>
                <div className="grid gap-2 sm:grid-cols-3">
                  {platform.executors.map((x) => (
                    <label
                      key={x.name}
                      className="grid cursor-pointer grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 rounded-md border border-border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
                    >
                      <input
                        type="radio"
                        name="executor"
                        value={x.name}
                        checked={draft.executor === x.name}
                        onChange={() => setDraft(withExecutor(platform, draft, x.name, baseline))}
                      />
                      <span className="font-medium">{x.label}</span>
                      <span className="col-start-2 text-xs text-muted">{x.description}</span>
                    </label>
                  ))}
                </div>
                {placed.fields.executor ? <p className="mt-2 text-sm text-danger">{placed.fields.executor}</p> : null}
              </fieldset>
            ) : (
              <p className="mt-2">
                <span className="font-medium">{executor.label}</span> <span className="text-sm text-muted">{executor.description}</span>
              </p>
            )}
          </section>

          {canEdit ? (
            <section aria-labelledby="presets-heading" className="rounded-lg border border-border bg-surface p-5">
              <h2 id="presets-heading" className="text-lg font-semibold">
                Size presets
              </h2>
              <p className="mt-1 text-sm text-muted">
                A starting point for {executor.label}: small is the platform default, medium twice and large four times it, each within the limits.
              </p>
              <div className="mt-3 grid gap-2 sm:grid-cols-3">
                {SIZE_PRESETS.map((p) => {
                  const s = presetSizing(platform, draft.executor, p, draft)
                  const au = totalAu(platform, s)
                  const r = deploymentResources(platform, s)
                  return (
                    <button
                      key={p}
                      type="button"
                      aria-pressed={preset === p}
                      onClick={() => setDraft(s)}
                      className="rounded-md border border-border-strong bg-surface p-3 text-left hover:bg-surface-sunken aria-pressed:border-accent aria-pressed:bg-accent-soft"
                    >
                      <span className="block font-medium">{PRESET_LABEL[p]}</span>
                      <span className="block text-sm tabular-nums">
                        {au} AU · {formatCpu(r.cpu)} · {formatMemory(r.memory)}
                      </span>
                    </button>
                  )
                })}
              </div>
            </section>
          ) : null}

          <section aria-labelledby="components-heading" className="rounded-lg border border-border bg-surface p-5">
            <h2 id="components-heading" className="text-lg font-semibold">
              Components
            </h2>
            {canEdit ? (
              <div className="mt-4 space-y-6">
                {components
                  .filter((c) => c.tunable)
                  .map((c) => {
                    const size = draft.components[c.name]
                    if (!size) return null
                    return (
                      <div key={c.name} className="space-y-4">
                        <SliderField
                          label={fieldLabel(platform, auField(c.name))}
                          value={size.au}
                          onChange={(au) => setDraft(withSize(draft, c.name, { au }))}
                          range={componentAuRange(platform, c.name)}
                          unit="AU"
                          hint={fieldHelp(platform, auField(c.name), draft.executor)}
                          describe={(au) => auResources(platform, au)}
                          problem={problemOf(auField(c.name))}
                        />
                        {c.replicas ? (
                          <SliderField
                            label={fieldLabel(platform, `${c.name}.replicas`)}
                            value={size.replicas}
                            onChange={(replicas) => setDraft(withSize(draft, c.name, { replicas }))}
                            range={c.replicas}
                            unit=""
                            hint={fieldHelp(platform, `${c.name}.replicas`, draft.executor)}
                            describe={(n) => `${n * size.au} AU in all`}
                            problem={problemOf(`${c.name}.replicas`)}
                          />
                        ) : null}
                        {c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined ? (
                          <SliderField
                            label={fieldLabel(platform, `${c.name}.terminationGracePeriodSeconds`)}
                            value={size.terminationGracePeriodSeconds}
                            onChange={(seconds) => setDraft(withSize(draft, c.name, { terminationGracePeriodSeconds: seconds }))}
                            range={c.terminationGracePeriodSeconds}
                            step={60}
                            unit="seconds"
                            hint={fieldHelp(platform, `${c.name}.terminationGracePeriodSeconds`, draft.executor)}
                            problem={problemOf(`${c.name}.terminationGracePeriodSeconds`)}
                          />
                        ) : null}
                      </div>
                    )
                  })}
                {extraRange.limit > 0 ? (
                  <SliderField
                    label={fieldLabel(platform, 'extraAu')}
                    value={draft.extraAu}
                    onChange={(extraAu) => setDraft({ ...draft, extraAu })}
                    range={extraRange}
                    unit="AU"
                    hint={fieldHelp(platform, 'extraAu', draft.executor)}
                    describe={(au) => auResources(platform, au)}
                    problem={problemOf('extraAu')}
                  />
                ) : null}
              </div>
            ) : (
              <ReadOnlySizes platform={platform} sizing={liveSizing} />
            )}
            {fixed.length > 0 ? (
              <p className="mt-5 text-sm text-muted">
                Sized by the platform, not adjustable: {fixed.map((c) => `${c.label} ${draft.components[c.name]?.au ?? c.au.default} AU`).join(', ')}.
              </p>
            ) : null}
            <div className="mt-5">
              <h3 className="mb-1 text-sm font-semibold">{canEdit && changes.length > 0 ? 'What this size runs (after saving)' : 'What this size runs'}</h3>
              <SizingTable platform={platform} sizing={canEdit ? draft : liveSizing} caption={`Resources of ${d.label} by component`} />
            </div>
          </section>
        </div>

        <div className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:self-start">
          <TotalsPanel
            platform={platform}
            before={liveSizing}
            after={canEdit && changes.length > 0 ? draft : null}
            impact={impact}
            workspaceLabel={ws.label}
            quotaProblem={quotaProblem}
            onRecheckQuota={canEdit ? onRecheck : undefined}
          />
          {canEdit ? (
            <div className="space-y-3 rounded-lg border border-border bg-surface p-5">
              {placed.other.map((p) => (
                <InlineAlert key={p.message} tone="danger">
                  {p.message}
                </InlineAlert>
              ))}
              {notSaved ? <InlineAlert tone="warning">{notSaved}</InlineAlert> : null}
              {Object.keys(placed.fields).length > 0 ? (
                <InlineAlert tone="danger">The server refused the change: see the marked values.</InlineAlert>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button variant="primary" disabled={blockedBecause !== null} aria-describedby={blockedBecause ? reasonId : undefined} onClick={() => setReviewing(true)}>
                  Review changes{changes.length > 0 ? ` (${changes.length})` : ''}
                </Button>
                {changes.length > 0 ? <Button onClick={() => setDraft(baseline)}>Discard changes</Button> : null}
              </div>
              {blockedBecause ? (
                <p id={reasonId} className="text-sm text-muted">
                  {blockedBecause}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>

      {canEdit ? (
        <ReviewDialog
          open={reviewing}
          onOpenChange={setReviewing}
          platform={platform}
          deploymentLabel={d.label}
          workspaceLabel={ws.label}
          changes={changes}
          before={baseline}
          after={draft}
          impact={impact}
          saving={saving}
          onSave={() => void save()}
        />
      ) : null}
    </div>
  )
}

function ReadOnlySizes({ platform, sizing }: { platform: PlatformConfig; sizing: Sizing }) {
  const items: { label: string; value: string }[] = []
  for (const c of componentsFor(platform, sizing.executor)) {
    const size = sizing.components[c.name]
    if (!c.tunable || !size) continue
    items.push({ label: fieldLabel(platform, `${c.name}.au`), value: `${size.au} AU (${auResources(platform, size.au)})` })
    if (c.replicas) items.push({ label: fieldLabel(platform, `${c.name}.replicas`), value: String(size.replicas) })
    if (c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined) {
      items.push({ label: fieldLabel(platform, `${c.name}.terminationGracePeriodSeconds`), value: `${size.terminationGracePeriodSeconds} seconds` })
    }
  }
  if (extraAuRange(platform, sizing.executor).limit > 0) {
    items.push({ label: fieldLabel(platform, 'extraAu'), value: `${sizing.extraAu} AU (${auResources(platform, sizing.extraAu)})` })
  }
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {items.map((i) => (
        <div key={i.label}>
          <dt className="text-muted">{i.label}</dt>
          <dd className="font-medium tabular-nums">{i.value}</dd>
        </div>
      ))}
    </dl>
  )
}
