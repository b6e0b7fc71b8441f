// The platform defaults the fake Houston reports through `deploymentConfig`
// (shared/spec/domain.md, "Astronomer Units (AU) and quotas").
import type { AirflowRelease, PlatformConfig } from '../../src/lib/houston-json'
import { newestPatches } from '../../src/lib/versions'

const fixed = (au: number) => ({ default: au, minimum: au, limit: au })

/**
 * Every Airflow release the platform knows. Only the newest patch of each
 * minor is offered (`airflowVersions`); deprecated and yanked ones are
 * offered to admins only.
 */
export const AIRFLOW_RELEASES: readonly AirflowRelease[] = [
  { version: '1.10.15', deprecated: true, yanked: false, note: 'Airflow 1 is end of life: upgrade to Airflow 2.' },
  { version: '2.2.5', deprecated: true, yanked: false, note: 'No longer receives security fixes.' },
  { version: '2.5.3', deprecated: true, yanked: false, note: 'No longer receives security fixes.' },
  { version: '2.7.2', deprecated: false, yanked: false },
  { version: '2.7.3', deprecated: false, yanked: true, note: 'Withdrawn: its scheduler can lose task state on restart; use 2.8.4 or newer.' },
  { version: '2.8.3', deprecated: false, yanked: false },
  { version: '2.8.4', deprecated: false, yanked: false },
  { version: '2.9.2', deprecated: false, yanked: false },
  { version: '2.9.3', deprecated: false, yanked: false },
  { version: '2.10.4', deprecated: false, yanked: true, note: 'Withdrawn: fixed in 2.10.5.' },
  { version: '2.10.5', deprecated: false, yanked: false },
]

export const PLATFORM: PlatformConfig = {
  auEnabled: true,
  astroUnit: { cpu: 100, memory: 384, pods: 1, airflowConns: 5, actualConns: 0.5 },
  maxExtraAu: 400,
  maxPodAu: 35,
  executors: [
    {
      name: 'LocalExecutor',
      label: 'Local',
      description: 'Runs tasks as processes beside the scheduler: simple and cheap, for light workloads.',
      components: ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'triggerer'],
      extraAu: fixed(0),
    },
    {
      name: 'CeleryExecutor',
      label: 'Celery',
      description: 'Runs tasks on a pool of always-on workers fed by a Redis queue: steady throughput, scaled by worker count.',
      components: ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'workers', 'flower', 'redis', 'triggerer'],
      extraAu: fixed(0),
    },
    {
      name: 'KubernetesExecutor',
      label: 'Kubernetes',
      description: 'Starts a pod for every task from reserved extra capacity: isolation per task, nothing idle between runs.',
      components: ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'triggerer'],
      extraAu: { default: 10, minimum: 10, limit: 400 },
    },
  ],
  components: [
    {
      name: 'scheduler',
      label: 'Scheduler',
      au: { default: 5, minimum: 1, limit: 30 },
      tunable: true,
      // Airflow 2 runs several schedulers side by side (high availability).
      replicas: { default: 1, minimum: 1, limit: 4 },
      replicasSinceAirflow: '2.0.0',
    },
    {
      name: 'triggerer',
      label: 'Triggerer',
      au: { default: 5, minimum: 1, limit: 30 },
      tunable: true,
      replicas: { default: 1, minimum: 0, limit: 2 },
      sinceAirflow: '2.2.0',
    },
    { name: 'webserver', label: 'Webserver', au: { default: 5, minimum: 1, limit: 30 }, tunable: true },
    {
      name: 'workers',
      label: 'Workers',
      au: { default: 10, minimum: 1, limit: 30 },
      tunable: true,
      replicas: { default: 1, minimum: 1, limit: 10 },
      terminationGracePeriodSeconds: { default: 600, minimum: 0, limit: 36000 },
    },
    { name: 'statsd', label: 'StatsD', au: { default: 2, minimum: 2, limit: 30 }, tunable: false },
    { name: 'pgbouncer', label: 'PgBouncer', au: fixed(2), tunable: false },
    { name: 'flower', label: 'Flower', au: fixed(2), tunable: false },
    { name: 'redis', label: 'Redis', au: fixed(2), tunable: false },
  ],
  airflowVersions: newestPatches(AIRFLOW_RELEASES.map((r) => r.version)),
  defaultAirflowVersion: '2.10.5',
  airflowReleases: [...AIRFLOW_RELEASES],
}

/** The same platform with Astronomer Units turned off: sized in CPU and memory only. */
export const PLATFORM_WITHOUT_AU: PlatformConfig = { ...PLATFORM, auEnabled: false }

/** The platform a Houston runs with. */
export const platformFor = (settings: { auEnabled: boolean }): PlatformConfig => (settings.auEnabled ? PLATFORM : PLATFORM_WITHOUT_AU)

/** The AU quota a new workspace starts with, until a system admin sets another. */
export const DEFAULT_WORKSPACE_AU_QUOTA = 100

/** Houston's only deployment type. */
export const DEPLOYMENT_TYPE = 'airflow'

/** The Airflow Helm chart version new deployments get (Houston's `Deployment.version`). */
export const AIRFLOW_CHART_VERSION = '1.15.4'

/** Where the platform serves each deployment's Airflow UI and Flower. */
export const DEPLOYMENTS_BASE_URL = 'https://deployments.example.com'

/** Where the platform's own Airflow images come from (one per version). */
export const PLATFORM_IMAGE_REPOSITORY = 'quay.io/astronomer/ap-airflow'

/** The registry CI pushes deployments' images to. */
export const DEPLOYMENTS_REGISTRY = 'registry.example.com'
