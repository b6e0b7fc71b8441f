import { describe, expect, it } from 'vitest'
import type { ApiProblem } from '@/lib/graphql-errors'
import { placeProblems, sizingFieldOf } from './server-problems'

const problem = (code: ApiProblem['code'], message: string, extensions: Record<string, unknown> = {}): ApiProblem => ({
  code,
  message,
  extensions,
  ...(typeof extensions.field === 'string' ? { field: extensions.field } : {}),
})

describe('sizingFieldOf', () => {
  it.each([
    ['workers.au', 'workers.au'],
    ['scheduler.au', 'scheduler.au'],
    ['workers.replicas', 'workers.replicas'],
    ['workers.terminationGracePeriodSeconds', 'workers.terminationGracePeriodSeconds'],
    ['extraAu', 'extraAu'],
    ['properties.extra_au', 'extraAu'],
    ['config.workers.replicas', 'workers.replicas'],
    ['config.workers.resources.limits.cpu', 'workers.au'],
    ['config.executor', 'executor'],
    ['config.triggerer', null],
    ['scheduler.cpu', 'scheduler.cpu'],
    ['triggerer.replicas', 'triggerer.replicas'],
    ['properties.extra_capacity.memory', 'extraCapacity.memory'],
    ['properties.resource_strategy', 'strategy'],
    ['payload.label', null],
    ['total', null],
    [undefined, null],
  ])('%s -> %s', (field, expected) => {
    expect(sizingFieldOf(field)).toBe(expected)
  })
})

describe('placeProblems', () => {
  it('puts each kind of refusal where it belongs', () => {
    const placed = placeProblems([
      problem('BAD_USER_INPUT', 'Workers AU cannot exceed 30 AU.', {
        field: 'workers.au',
        problems: [
          { field: 'workers.au', message: 'Workers AU cannot exceed 30 AU.' },
          { field: 'workers.replicas', message: 'Workers replicas cannot exceed 10 replicas.' },
        ],
      }),
      problem('QUOTA_EXCEEDED', 'Workspace X has 12 AU left of its 100 AU quota; this deployment needs 48 AU.', { remainingAu: 12, field: 'total' }),
      problem('CONFLICT', 'Customer ETL is deploying: a change is being applied; try again when it is healthy.'),
      problem('FORBIDDEN', 'You cannot change this deployment.'),
      problem('BAD_USER_INPUT', 'payload.owner is not a known setting.', { field: 'payload.owner' }),
    ])
    expect(placed.fields).toEqual({ 'workers.au': 'Workers AU cannot exceed 30 AU.', 'workers.replicas': 'Workers replicas cannot exceed 10 replicas.' })
    expect(placed.quota?.extensions.remainingAu).toBe(12)
    expect(placed.conflict?.message).toMatch(/is deploying/)
    expect(placed.other.map((p) => p.code)).toEqual(['FORBIDDEN', 'BAD_USER_INPUT'])
  })

  it('places nothing for no problems', () => {
    expect(placeProblems([])).toEqual({ fields: {}, quota: null, conflict: null, other: [] })
  })
})
