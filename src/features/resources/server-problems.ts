// Where each of the server's refusals of a resize belongs on the screen.
import type { SizingField } from '@/lib/au'
import type { ApiProblem } from '@/lib/graphql-errors'
import { fieldParts } from './field-help'

export interface PlacedProblems {
  /** On the control of one sizing value. */
  fields: Partial<Record<SizingField | 'executor' | 'strategy', string>>
  /** On the totals: the workspace quota cannot hold the new size. */
  quota: ApiProblem | null
  /** The deployment changed or is busy: offer to reload. */
  conflict: ApiProblem | null
  /** Everything else, shown beside the save button. */
  other: ApiProblem[]
}

/**
 * The sizing field a server field names: checkSizing's own names
 * (`workers.au`, `extraAu`) or a path into the JSON that was sent
 * (`config.workers.replicas`, `config.workers.resources.limits.cpu`,
 * `properties.extra_au`). Null when it names no sizing value.
 */
export function sizingFieldOf(field: string | undefined): SizingField | 'executor' | 'strategy' | null {
  if (!field) return null
  if (field === 'extraAu' || field === 'properties.extra_au') return 'extraAu'
  if (field === 'config.executor' || field === 'executor') return 'executor'
  if (field === 'properties.resource_strategy') return 'strategy'
  if (field === 'extraCapacity.cpu' || field === 'properties.extra_capacity.cpu') return 'extraCapacity.cpu'
  if (field === 'extraCapacity.memory' || field === 'properties.extra_capacity.memory') return 'extraCapacity.memory'
  const path = field.startsWith('config.') ? field.slice('config.'.length) : field
  const [component, part] = path.split('.')
  const name = part === 'resources' ? 'au' : part
  const candidate = `${component ?? ''}.${name ?? ''}`
  return fieldParts(candidate) ? (candidate as SizingField) : null
}

interface ListedProblem {
  field?: unknown
  message?: unknown
}

export function placeProblems(problems: readonly ApiProblem[]): PlacedProblems {
  const placed: PlacedProblems = { fields: {}, quota: null, conflict: null, other: [] }
  for (const p of problems) {
    if (p.code === 'QUOTA_EXCEEDED') {
      placed.quota = p
      continue
    }
    if (p.code === 'CONFLICT') {
      placed.conflict = p
      continue
    }
    const field = p.code === 'BAD_USER_INPUT' ? sizingFieldOf(p.field) : null
    if (!field) {
      placed.other.push(p)
      continue
    }
    placed.fields[field] = p.message
    // Houston lists every problem of a sizing, not only the first.
    const listed = Array.isArray(p.extensions.problems) ? (p.extensions.problems as ListedProblem[]) : []
    for (const l of listed) {
      const f = typeof l.field === 'string' ? sizingFieldOf(l.field) : null
      if (f && typeof l.message === 'string' && !placed.fields[f]) placed.fields[f] = l.message
    }
  }
  return placed
}
