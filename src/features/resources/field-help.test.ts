import { describe, expect, it } from 'vitest'
import { PLATFORM } from '../../../mocks/houston/platform'
import { fieldHelp, fieldLabel, fieldParts } from './field-help'

describe('field names and help', () => {
  it.each([
    ['executor', 'Executor'],
    ['extraAu', 'Extra capacity'],
    ['scheduler.au', 'Scheduler AU'],
    ['workers.au', 'Workers AU'],
    ['workers.replicas', 'Worker count'],
    ['workers.terminationGracePeriodSeconds', 'Termination grace period'],
    ['flower.au', 'Flower AU'],
    ['scheduler.replicas', 'Scheduler count'],
    ['triggerer.replicas', 'Triggerer replicas'],
    ['scheduler.cpu', 'Scheduler CPU'],
    ['webserver.memory', 'Webserver memory'],
    ['extraCapacity.cpu', 'Extra capacity CPU'],
    ['strategy', 'Resource strategy'],
  ] as const)('%s is called %s', (field, label) => {
    expect(fieldLabel(PLATFORM, field)).toBe(label)
  })

  it('splits fields into component and part', () => {
    expect(fieldParts('workers.replicas')).toEqual({ component: 'workers', part: 'replicas' })
    expect(fieldParts('triggerer.au')).toEqual({ component: 'triggerer', part: 'au' })
    expect(fieldParts('scheduler.cpu')).toEqual({ component: 'scheduler', part: 'cpu' })
    expect(fieldParts('dagProcessor.au')).toBeNull()
    expect(fieldParts('workers.resources')).toBeNull()
  })

  it.each([
    ['scheduler.au', 'CeleryExecutor', 'At least 1 AU: the scheduler must always run: it is what starts your DAGs’ tasks. At most 30 AU.'],
    ['workers.au', 'CeleryExecutor', 'AU of each worker. At least 1 AU: each worker needs at least this much to run a task. At most 30 AU.'],
    ['workers.replicas', 'CeleryExecutor', 'At least 1: Celery needs a worker to take tasks from its queue. At most 10 workers.'],
    [
      'workers.terminationGracePeriodSeconds',
      'CeleryExecutor',
      'How long a worker may finish its running tasks when it is stopped (scaling down or redeploying). 0 stops it at once; at most 36000 seconds (10 hours).',
    ],
    [
      'extraAu',
      'KubernetesExecutor',
      'AU kept free for the pods the Kubernetes executor starts, one per task. It cannot go below 10 AU, the platform’s default reservation, so that a task can always get a pod; at most 400 AU.',
    ],
  ] as const)('explains %s in words, with the platform numbers', (field, executor, text) => {
    expect(fieldHelp(PLATFORM, field, executor)).toBe(text)
  })

  it.each([
    ['scheduler.cpu', 'CPU of each replica, both request and limit. At least 100 millicores: the scheduler must always run: it is what starts your DAGs’ tasks. At most 3 cores.'],
    ['webserver.memory', 'Memory, both request and limit. At least 384 MiB: the webserver serves the Airflow UI and must always run. At most 11.25 GiB.'],
    ['extraCapacity.cpu', 'CPU kept free for the pods the Kubernetes executor starts, one per task. From 1 core (the platform’s default reservation, so that a task can always get a pod) to 40 cores.'],
  ] as const)('explains custom resources: %s', (field, text) => {
    expect(fieldHelp(PLATFORM, field, 'KubernetesExecutor')).toBe(text)
  })

  it('names maxPodAu where it caps a component below its own limit', () => {
    expect(fieldHelp({ ...PLATFORM, maxPodAu: 20 }, 'workers.au', 'CeleryExecutor')).toMatch(/At most 20 AU: no single pod may exceed 20 AU\.$/)
  })
})
