import { describe, expect, it } from 'vitest'
import { PLATFORM } from '../../../mocks/houston/platform'
import { defaultSizing, type Sizing } from '@/lib/au'
import { rollbackPlan, type RollbackDeployment, type RevisionSummary } from './rollback-plan'

const deployment: RollbackDeployment = {
  airflowVersion: '2.10.5',
  desiredAirflowVersion: null,
  dagDeploymentType: 'dag_only',
  currentImageTag: 'deploy-9',
  sizing: defaultSizing(PLATFORM, 'LocalExecutor', '2.10.5'),
}
const revision = (over: Partial<RevisionSummary>): RevisionSummary => ({ id: 'r', imageTag: 'deploy-5', airflowVersion: '2.9.3', dagDeploymentType: 'image', isCurrent: false, ...over })

describe('rollbackPlan', () => {
  it('says what comes back and what stays', () => {
    const plan = rollbackPlan(PLATFORM, deployment, revision({}))
    expect(plan.rollsBack).toEqual([
      { what: 'Code (image)', from: 'deploy-9', to: 'deploy-5', changes: true },
      { what: 'Airflow version', from: '2.10.5', to: '2.9.3', changes: true },
      { what: 'DAG deployment', from: 'DAG-only deploys', to: 'Image', changes: true },
    ])
    expect(plan.stays).toHaveLength(2)
    expect(plan.blockers).toEqual([])
  })

  it.each<[string, Partial<RollbackDeployment>, Partial<RevisionSummary>, RegExp]>([
    ['NFS now', { dagDeploymentType: 'volume' }, {}, /takes its DAGs from an NFS volume/],
    ['git-sync then', {}, { dagDeploymentType: 'git_sync' }, /took its DAGs from git-sync/],
    ['the current revision', {}, { isCurrent: true }, /is what the deployment runs now/],
    ['an upgrade pending', { desiredAirflowVersion: '2.10.5', airflowVersion: '2.9.3' }, {}, /cancel it on the settings page/],
    ['another major version', {}, { airflowVersion: '1.10.15' }, /cannot cross from Airflow 2 to Airflow 1/],
  ])('refuses with %s', (_name, d, r, message) => {
    expect(rollbackPlan(PLATFORM, { ...deployment, ...d }, revision(r)).blockers.join(' ')).toMatch(message)
  })

  it('refuses a version that cannot run the resources kept', () => {
    const sizing: Sizing = defaultSizing(PLATFORM, 'LocalExecutor', '2.10.5') // runs a triggerer
    const plan = rollbackPlan(PLATFORM, { ...deployment, sizing }, revision({ airflowVersion: '2.1.4' }))
    expect(plan.blockers).toEqual(['Airflow 2.1.4 has no triggerer: it needs Airflow 2.2.0 or newer. Change that on the Configure page first: resources do not roll back.'])
  })
})
