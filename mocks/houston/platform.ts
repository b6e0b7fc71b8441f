// The platform defaults the fake Houston reports through `deploymentConfig`
// (shared/spec/domain.md, "Astronomer Units (AU) and quotas").
import type { PlatformConfig } from '../../src/lib/houston-json'

const fixed = (au: number) => ({ default: au, minimum: au, limit: au })

export const PLATFORM: PlatformConfig = {
  astroUnit: { cpu: 100, memory: 384, pods: 1, airflowConns: 5, actualConns: 0.5 },
  maxExtraAu: 400,
  maxPodAu: 35,
  executors: [
    {
      name: 'LocalExecutor',
      label: 'Local',
      description: 'Runs tasks as processes beside the scheduler: simple and cheap, for light workloads.',
      components: ['scheduler', 'webserver', 'statsd', 'pgbouncer'],
      extraAu: fixed(0),
    },
    {
      name: 'CeleryExecutor',
      label: 'Celery',
      description: 'Runs tasks on a pool of always-on workers fed by a Redis queue: steady throughput, scaled by worker count.',
      components: ['scheduler', 'webserver', 'statsd', 'pgbouncer', 'workers', 'flower', 'redis'],
      extraAu: fixed(0),
    },
    {
      name: 'KubernetesExecutor',
      label: 'Kubernetes',
      description: 'Starts a pod for every task from reserved extra capacity: isolation per task, nothing idle between runs.',
      components: ['scheduler', 'webserver', 'statsd', 'pgbouncer'],
      extraAu: { default: 10, minimum: 10, limit: 400 },
    },
  ],
  components: [
    { name: 'scheduler', label: 'Scheduler', au: { default: 5, minimum: 1, limit: 30 }, tunable: true },
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
  airflowVersions: ['1.10.15', '2.2.5', '2.5.3', '2.7.3', '2.8.4', '2.9.3', '2.10.5'],
  defaultAirflowVersion: '2.10.5',
}

/** The AU quota a new workspace starts with, until a system admin sets another. */
export const DEFAULT_WORKSPACE_AU_QUOTA = 100

/** Houston's only deployment type. */
export const DEPLOYMENT_TYPE = 'airflow'

/** The Airflow Helm chart version new deployments get (Houston's `Deployment.version`). */
export const AIRFLOW_CHART_VERSION = '1.15.4'

/** Where the platform serves each deployment's Airflow UI and Flower. */
export const DEPLOYMENTS_BASE_URL = 'https://deployments.example.com'
