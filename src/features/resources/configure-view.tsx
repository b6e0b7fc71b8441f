import { useApolloClient, useMutation } from '@apollo/client/react'
import { type ReactNode, useId, useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { isolated } from '@/components/ui/isolated'
import { InlineAlert } from '@/components/ui/states'
import type { DeploymentResourcesQuery as DeploymentResourcesData } from '@/gql/graphql'
import {
  checkSizing,
  componentAuRange,
  componentCpuRange,
  componentMemoryRange,
  componentsFor,
  componentsOn,
  deploymentQuota,
  deploymentResources,
  diffSizing,
  executorOf,
  extraAuRange,
  extraCapacityRange,
  extraResources,
  formatCpu,
  formatMemory,
  matchingPreset,
  presetSizing,
  quotaImpact,
  replicaResources,
  replicasRangeOn,
  resourceImpact,
  SIZE_PRESETS,
  type Sizing,
  type SizingField,
  sizingPatch,
  strategiesOf,
  totalAu,
  withCustomResources,
  withExecutor,
  withExtraCapacity,
  withStrategy,
} from '@/lib/au'
import { apiProblems, type ApiProblem } from '@/lib/graphql-errors'
import type { Component, PlatformConfig, ResourceStrategy } from '@/lib/houston-json'
import { countedSizing } from './counted-sizing'
import { fieldHelp, fieldLabel } from './field-help'
import { auResources, changeValue, STRATEGY_LABEL } from './format'
import { CPU_UNITS, MEMORY_UNITS } from './quantity'
import { QuantityField } from './quantity-field'
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

const STRATEGY_HINT: Record<ResourceStrategy, string> = {
  au: 'CPU and memory move together: 1 AU is a fixed slice of both.',
  custom: 'CPU and memory are set separately for each component; each value is both request and limit.',
}

/**
 * Sets a component's replicas. A version-gated component the sizing lacks
 * (a triggerer on an older config) comes in at the platform's default size,
 * and goes again when set back to none where the stored sizing had none.
 */
function withReplicas(platform: PlatformConfig, s: Sizing, c: Component, replicas: number, baseline: Sizing): Sizing {
  if (s.components[c]) {
    if (replicas === 0 && !baseline.components[c]) {
      const components = Object.fromEntries(Object.entries(s.components).filter(([name]) => name !== c))
      return { ...s, components }
    }
    return withSize(s, c, { replicas })
  }
  if (replicas === 0) return s
  const au = componentAuRange(platform, c).default
  const size = s.strategy === 'custom' ? { au, replicas, cpu: componentCpuRange(platform, c).default, memory: componentMemoryRange(platform, c).default } : { au, replicas }
  return { ...s, components: { ...s.components, [c]: size } }
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
  const [notSaved, setNotSaved] = useState<ReactNode>(null)
  const [update] = useMutation(UpdateDeploymentResourcesMutation)

  if (!baseline || !draft || !liveSizing) {
    return <InlineAlert tone="danger">The stored config of <bdi>{d.label}</bdi> is not in a shape this console can read, so its resources cannot be shown.</InlineAlert>
  }

  const setDraft = (next: Sizing) => {
    setDraftState(next)
    setServerProblems([])
    setNotSaved(null)
  }

  const deploying = d.status === 'DEPLOYING'
  const version = d.airflowVersion
  const currentAu = totalAu(platform, liveSizing)
  const nextAu = totalAu(platform, draft)
  const currentResources = deploymentResources(platform, liveSizing)
  const nextResources = deploymentResources(platform, draft)
  const changes = diffSizing(platform, baseline, draft)
  const changedElsewhere = diffSizing(platform, baseline, liveSizing)
  const impact = quotaImpact(ws, currentAu, nextAu)
  const resources = resourceImpact(platform, ws, currentResources, nextResources)
  const localProblems = canEdit ? checkSizing(platform, draft, deploymentQuota(ws, currentAu, currentResources), { airflowVersion: version }) : []
  const placed = placeProblems(serverProblems)
  const quotaLocal = localProblems.find((p) => p.field === 'total')

  const problemOf = (field: SizingField): FieldProblem | null => {
    const local = localProblems.find((p) => p.field === field)
    if (local) return { message: local.message, nearest: local.nearest }
    // A server problem on a component's resources JSON is placed on its AU; under custom resources it belongs to its CPU.
    const [component = '', part] = field.split('.')
    const server = placed.fields[field] ?? (part === 'cpu' ? placed.fields[`${component}.au` as SizingField] : undefined)
    return server ? { message: server } : null
  }

  const blockedBecause = deploying
    ? isolated`${d.label} is deploying a change. You can prepare yours now and save it once the deployment is healthy; this page updates by itself.`
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
            ? isolated`Not saved yet: ${d.label} started deploying another change. Your changes are kept; save them once it is healthy.`
            : isolated`Not saved: ${d.label} was changed since you opened this page. Reload to start from its current values.`,
        )
        setReviewing(false)
        return
      }
      const patch = sizingPatch(platform, baseline, draft)
      await update({ variables: { deploymentUuid: d.id, config: patch.config ?? null, properties: patch.properties ?? null } })
      toast.success(
        <>
          Saved: <bdi>{d.label}</bdi> is deploying at {platform.auEnabled ? `${nextAu} AU` : `${formatCpu(nextResources.cpu)} and ${formatMemory(nextResources.memory)}`}
        </>,
        { description: 'It shows Deploying for a few seconds while the change is applied.' },
      )
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
  const custom = draft.strategy === 'custom'
  const strategies = strategiesOf(platform)
  const components = componentsOn(platform, draft.executor, version)
  const notOnVersion = componentsFor(platform, draft.executor).filter((c) => !components.includes(c))
  const extraRange = extraAuRange(platform, draft.executor)
  const extraCapacity = extraCapacityRange(platform, draft.executor)
  const fixed = components.filter((c) => !c.tunable)
  const preset = matchingPreset(platform, draft)
  const auField = (c: Component): SizingField => `${c}.au`
  const sizeOf = (c: Component) => {
    const size = draft.components[c]
    return size ? replicaResources(platform, draft, size) : null
  }
  const shownStrategy: ResourceStrategy = (canEdit ? draft : liveSizing).strategy ?? 'au'

  return (
    <div className="space-y-6">
      {deploying ? (
        <InlineAlert tone="info">
          <strong>
            <bdi>{d.label}</bdi> is deploying:
          </strong> a change is being applied and counts at its new size ({currentAu} AU).{' '}
          {canEdit ? 'Saving waits until it is healthy; this page updates by itself.' : 'This page updates by itself.'}
        </InlineAlert>
      ) : null}
      {canEdit && changedElsewhere.length > 0 ? (
        <InlineAlert tone="warning">
          <p className="font-semibold">
            <bdi>{d.label}</bdi> was changed since you opened this page.
          </p>
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

          <section aria-labelledby="strategy-heading" className="rounded-lg border border-border bg-surface p-5">
            <h2 id="strategy-heading" className="text-lg font-semibold">
              Resource strategy
            </h2>
            {canEdit && strategies.length > 1 ? (
              <fieldset className="mt-3">
                <legend className="sr-only">Resource strategy</legend>
                <p className="mb-2 text-sm text-muted">Switching keeps the current sizes: AU become their CPU and memory; custom sizes come back as the AU that cover them.</p>
                <div className="grid gap-2 sm:grid-cols-2">
                  {strategies.map((x) => (
                    <label
                      key={x}
                      className="grid cursor-pointer grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1 rounded-md border border-border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
                    >
                      <input type="radio" name="strategy" value={x} checked={(draft.strategy ?? 'au') === x} onChange={() => setDraft(withStrategy(platform, draft, x))} />
                      <span className="font-medium">{STRATEGY_LABEL[x]}</span>
                      <span className="col-start-2 text-xs text-muted">{STRATEGY_HINT[x]}</span>
                    </label>
                  ))}
                </div>
                {placed.fields.strategy ? <p className="mt-2 text-sm text-danger">{placed.fields.strategy}</p> : null}
              </fieldset>
            ) : (
              <p className="mt-2">
                <span className="font-medium">{STRATEGY_LABEL[shownStrategy]}</span>{' '}
                <span className="text-sm text-muted">
                  {platform.auEnabled ? STRATEGY_HINT[shownStrategy] : 'This platform sizes deployments in CPU and memory, set separately for each component.'}
                </span>
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
                  const figures = platform.auEnabled ? `${au} AU · ${formatCpu(r.cpu)} · ${formatMemory(r.memory)}` : `${formatCpu(r.cpu)} · ${formatMemory(r.memory)}`
                  return (
                    <button
                      key={p}
                      type="button"
                      aria-pressed={preset === p}
                      onClick={() => setDraft(s)}
                      className="rounded-md border border-border-strong bg-surface p-3 text-left hover:bg-surface-sunken aria-pressed:border-accent aria-pressed:bg-accent-soft"
                    >
                      <span className="block font-medium">{PRESET_LABEL[p]}</span>
                      <span className="block text-sm tabular-nums">{figures}</span>
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
                    const res = sizeOf(c.name)
                    const replicasRange = replicasRangeOn(platform, c.name, version)
                    const replicas = size?.replicas ?? 0
                    const sized = size !== undefined && res !== null && replicas > 0
                    return (
                      <div key={c.name} className="space-y-4">
                        {sized && !custom ? (
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
                        ) : null}
                        {sized && custom ? (
                          <div className="grid gap-4 sm:grid-cols-2">
                            <QuantityField
                              label={fieldLabel(platform, `${c.name}.cpu`)}
                              value={res.cpu}
                              units={CPU_UNITS}
                              onChange={(cpu) => setDraft(withCustomResources(platform, draft, c.name, { cpu }))}
                              hint={fieldHelp(platform, `${c.name}.cpu`, draft.executor)}
                              problem={problemOf(`${c.name}.cpu`)}
                            />
                            <QuantityField
                              label={fieldLabel(platform, `${c.name}.memory`)}
                              value={res.memory}
                              units={MEMORY_UNITS}
                              onChange={(memory) => setDraft(withCustomResources(platform, draft, c.name, { memory }))}
                              hint={fieldHelp(platform, `${c.name}.memory`, draft.executor)}
                              problem={problemOf(`${c.name}.memory`)}
                            />
                          </div>
                        ) : null}
                        {replicasRange && replicasRange.limit > replicasRange.minimum ? (
                          <SliderField
                            label={fieldLabel(platform, `${c.name}.replicas`)}
                            value={replicas}
                            onChange={(n) => setDraft(withReplicas(platform, draft, c.name, n, baseline))}
                            range={replicasRange}
                            unit=""
                            hint={fieldHelp(platform, `${c.name}.replicas`, draft.executor)}
                            describe={(n) =>
                              platform.auEnabled && !custom && size
                                ? `${n * size.au} AU in all`
                                : res
                                  ? `${formatCpu(n * res.cpu)} · ${formatMemory(n * res.memory)} in all`
                                  : String(n)
                            }
                            problem={problemOf(`${c.name}.replicas`)}
                          />
                        ) : c.replicasSinceAirflow !== undefined ? (
                          <p className="text-sm text-muted">
                            Airflow {version} runs one {c.label.toLowerCase()}; more need Airflow {c.replicasSinceAirflow} or newer.
                          </p>
                        ) : null}
                        {size && c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined ? (
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
                {extraRange.limit > 0 && !custom ? (
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
                {extraCapacity.cpu.limit > 0 && custom ? (
                  <div className="grid gap-4 sm:grid-cols-2">
                    <QuantityField
                      label={fieldLabel(platform, 'extraCapacity.cpu')}
                      value={extraResources(platform, draft).cpu}
                      units={CPU_UNITS}
                      onChange={(cpu) => setDraft(withExtraCapacity(platform, draft, { cpu }))}
                      hint={fieldHelp(platform, 'extraCapacity.cpu', draft.executor)}
                      problem={problemOf('extraCapacity.cpu')}
                    />
                    <QuantityField
                      label={fieldLabel(platform, 'extraCapacity.memory')}
                      value={extraResources(platform, draft).memory}
                      units={MEMORY_UNITS}
                      onChange={(memory) => setDraft(withExtraCapacity(platform, draft, { memory }))}
                      hint={fieldHelp(platform, 'extraCapacity.memory', draft.executor)}
                      problem={problemOf('extraCapacity.memory')}
                    />
                  </div>
                ) : null}
              </div>
            ) : (
              <ReadOnlySizes platform={platform} sizing={liveSizing} version={version} />
            )}
            {fixed.length > 0 ? (
              <p className="mt-5 text-sm text-muted">
                Sized by the platform, not adjustable:{' '}
                {fixed
                  .map((c) => {
                    const r = sizeOf(c.name)
                    if (!custom && platform.auEnabled) return `${c.label} ${draft.components[c.name]?.au ?? c.au.default} AU`
                    return r ? `${c.label} ${formatCpu(r.cpu)} · ${formatMemory(r.memory)}` : c.label
                  })
                  .join(', ')}
                .
              </p>
            ) : null}
            {notOnVersion.length > 0 ? (
              <p className="mt-2 text-sm text-muted">
                Not in Airflow {version}: {notOnVersion.map((c) => `the ${c.label.toLowerCase()} (Airflow ${c.sinceAirflow ?? ''} or newer)`).join(', ')}.
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
            resources={resources}
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
          resources={resources}
          saving={saving}
          onSave={() => void save()}
        />
      ) : null}
    </div>
  )
}

function ReadOnlySizes({ platform, sizing, version }: { platform: PlatformConfig; sizing: Sizing; version: string }) {
  const items: { label: string; value: string }[] = []
  const custom = sizing.strategy === 'custom'
  for (const c of componentsOn(platform, sizing.executor, version)) {
    const size = sizing.components[c.name]
    if (!c.tunable) continue
    if (!size) {
      if (c.sinceAirflow !== undefined) items.push({ label: fieldLabel(platform, `${c.name}.replicas`), value: '0 (none runs)' })
      continue
    }
    const { cpu, memory } = replicaResources(platform, sizing, size)
    if (custom) {
      items.push({ label: fieldLabel(platform, `${c.name}.cpu`), value: formatCpu(cpu) })
      items.push({ label: fieldLabel(platform, `${c.name}.memory`), value: formatMemory(memory) })
    } else {
      items.push({ label: fieldLabel(platform, `${c.name}.au`), value: `${size.au} AU (${auResources(platform, size.au)})` })
    }
    if (c.replicas) items.push({ label: fieldLabel(platform, `${c.name}.replicas`), value: String(size.replicas) })
    if (c.terminationGracePeriodSeconds && size.terminationGracePeriodSeconds !== undefined) {
      items.push({ label: fieldLabel(platform, `${c.name}.terminationGracePeriodSeconds`), value: `${size.terminationGracePeriodSeconds} seconds` })
    }
  }
  if (extraAuRange(platform, sizing.executor).limit > 0) {
    const x = extraResources(platform, sizing)
    items.push(
      custom
        ? { label: fieldLabel(platform, 'extraAu'), value: `${formatCpu(x.cpu)} · ${formatMemory(x.memory)}` }
        : { label: fieldLabel(platform, 'extraAu'), value: `${sizing.extraAu} AU (${auResources(platform, sizing.extraAu)})` },
    )
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
