// What each Airflow 2 component writes to stdout, as templates of realistic
// lines: the scheduler's job runner, DAG processor and executor; gunicorn's
// access and error logs on the webserver; Celery workers running task
// instances; the triggerer's async loop. Multi-line output (tracebacks, the
// DAG processing stats table) stays in one record, as FluentD ships it.
// Some DAG ids, task ids and messages are hostile on purpose so that the
// console proves it never renders log text as HTML.
import { int, pick, type Rng } from '../shared/seeded-random'

export const LOG_COMPONENTS = ['scheduler', 'webserver', 'workers', 'triggerer'] as const
export type LogComponent = (typeof LOG_COMPONENTS)[number]

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const HOSTILE_DAG_ID = '<img src=x onerror=alert(1)>'
export const HOSTILE_TASK_ID = '<script>alert(1)</script>'

interface Dag {
  id: string
  file: string
  operator: string
  tasks: readonly [string, ...string[]]
}

const DAG_POOL: readonly [Dag, ...Dag[]] = [
  { id: 'etl_orders_daily', file: 'etl_orders.py', operator: 'PythonOperator', tasks: ['extract', 'transform', 'load', 'notify'] },
  { id: 'example_bash_operator', file: 'example_bash_operator.py', operator: 'BashOperator', tasks: ['runme_0', 'runme_1', 'run_after_loop', 'also_run_this', 'this_will_skip'] },
  { id: 'dbt_transform_hourly', file: 'dbt/transform.py', operator: 'BashOperator', tasks: ['dbt_deps', 'dbt_run', 'dbt_test', 'dbt_docs_generate'] },
  { id: 'customer_360_refresh', file: 'customer_360.py', operator: 'SnowflakeOperator', tasks: ['stage_customers', 'merge_profiles', 'refresh_views'] },
  { id: 'ml_churn_training', file: 'ml/churn.py', operator: 'KubernetesPodOperator', tasks: ['prepare_features', 'train_model', 'evaluate', 'register_model'] },
  { id: 's3_to_redshift_events', file: 's3_to_redshift.py', operator: 'S3ToRedshiftOperator', tasks: ['wait_for_file', 'copy_events', 'vacuum_analyze'] },
  { id: 'tutorial', file: 'tutorial.py', operator: 'BashOperator', tasks: ['print_date', 'sleep', 'templated'] },
  { id: 'marketing_attribution', file: 'marketing/attribution.py', operator: 'PythonOperator', tasks: ['pull_ads_spend', 'join_sessions', 'attribute', 'publish'] },
  { id: 'finance_ledger_close', file: 'finance/ledger_close.py', operator: 'PostgresOperator', tasks: ['lock_period', 'reconcile', 'export_gl'] },
  { id: 'inventory_snapshot', file: 'inventory.py', operator: 'PythonOperator', tasks: ['snapshot_warehouse', 'diff_previous', 'alert_low_stock'] },
  { id: 'gcs_backup_nightly', file: 'backup.py', operator: 'GCSToGCSOperator', tasks: ['list_buckets', 'copy_objects', 'verify_checksums'] },
  { id: 'slack_digest', file: 'slack_digest.py', operator: 'SlackWebhookOperator', tasks: ['collect_stats', 'post_digest'] },
]

const HOSTILE_DAG: Dag = {
  id: HOSTILE_DAG_ID,
  file: 'untrusted_upload.py',
  operator: 'PythonOperator',
  tasks: [HOSTILE_TASK_ID, 'extract'],
}

/** A release's own handful of DAGs, chosen by its seed. */
export function dagsFor(seed: number): readonly [Dag, ...Dag[]] {
  const start = seed % DAG_POOL.length
  const count = 5 + (seed % 4)
  const chosen: Dag[] = []
  for (let i = 0; i < count; i++) {
    const dag = DAG_POOL[(start + i * 5) % DAG_POOL.length]
    if (dag && !chosen.includes(dag)) chosen.push(dag)
  }
  const [first, ...rest] = chosen
  return first ? [first, ...rest] : DAG_POOL
}

export interface LineContext {
  r: Rng
  ts: number
  /** `ts` as an ISO string. */
  iso: string
  release: string
  dags: readonly [Dag, ...Dag[]]
}

/** One line before formatting: `source` is Python's `{file.py:lineno}`; raw lines have their own format. */
export interface Line {
  level: LogLevel
  text: string
  source?: string
  raw?: boolean
}

interface Template {
  weight: number
  build(c: LineContext): Line
}

const SITE = '/usr/local/lib/python3.11/site-packages'
const DAGS = '/usr/local/airflow/dags'

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `2024-05-01T12:00:00.123+0000`, Airflow 2's log timestamp. */
function airflowTime(iso: string): string {
  return `${iso.slice(0, 23)}+0000`
}

function isoSeconds(ts: number): string {
  return new Date(ts).toISOString().slice(0, 19)
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** `01/May/2024:12:00:00 +0000`, gunicorn's access log time. */
function clfTime(ts: number): string {
  const d = new Date(ts)
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? 'Jan'}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

/** `2024-05-01 12:00:00 +0000`, gunicorn's error log time. */
function gunicornTime(ts: number): string {
  return `${new Date(ts).toISOString().slice(0, 19).replace('T', ' ')} +0000`
}

interface Task {
  dag: Dag
  taskId: string
  runId: string
  logical: string
  tryNumber: number
  maxTries: number
}

let hourCache = { hour: Number.NaN, iso: '' }

/** The logical date of an hourly run, `2024-05-01T11:00:00+00:00`; memoised because neighbouring records share it. */
function hourIso(hour: number): string {
  if (hourCache.hour !== hour) hourCache = { hour, iso: `${new Date(hour).toISOString().slice(0, 19)}+00:00` }
  return hourCache.iso
}

function task(c: LineContext): Task {
  // One run in thirty belongs to the hostile DAG: present in any hour of logs.
  const dag = c.r() < 1 / 30 ? HOSTILE_DAG : pick(c.r, c.dags)
  const taskId = pick(c.r, dag.tasks)
  const logical = hourIso(Math.floor(c.ts / 3_600_000) * 3_600_000 - 3_600_000 * int(c.r, 0, 2))
  const runId = c.r() < 0.85 ? `scheduled__${logical}` : `manual__${new Date(c.ts - int(c.r, 60, 3000) * 1000).toISOString().slice(0, 19)}.${pad(int(c.r, 0, 999_999), 6)}+00:00`
  const tryNumber = c.r() < 0.9 ? 1 : int(c.r, 2, 3)
  return { dag, taskId, runId, logical, tryNumber, maxTries: 3 }
}

function ti(t: Task, state: string): string {
  return `<TaskInstance: ${t.dag.id}.${t.taskId} ${t.runId} [${state}]>`
}

function tiKey(t: Task): string {
  return `TaskInstanceKey(dag_id='${t.dag.id}', task_id='${t.taskId}', run_id='${t.runId}', try_number=${t.tryNumber}, map_index=-1)`
}

function traceback(frames: readonly (readonly [file: string, line: number, fn: string, code: string | null])[], error: string): string {
  const body = frames
    .map(([file, line, fn, code]) => `  File "${file}", line ${line}, in ${fn}${code ? `\n    ${code}` : ''}`)
    .join('\n')
  return `Traceback (most recent call last):\n${body}\n${error}`
}

const TASK_ERRORS: readonly [readonly [string, string, string], ...(readonly [string, string, string])[]] = [
  ['resp.raise_for_status()', 'raise_for_status', 'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.example.com/v2/orders?page=7'],
  ['df = pd.read_parquet(path)', 'read_parquet', "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/exports/orders.parquet'"],
  ['cursor.execute(sql)', 'execute', 'psycopg2.errors.UndefinedTable: relation "staging.orders_v2" does not exist\nLINE 1: INSERT INTO staging.orders_v2 SELECT * FROM raw.orders\n                    ^'],
  ['rows = fetch_rows(conn)', 'fetch_rows', "KeyError: 'customer_id'"],
  ['assert len(rows) > 0, "no rows"', 'validate', 'AssertionError: no rows'],
]

function taskFailure(c: LineContext, t: Task): string {
  const [code, fn, error] = pick(c.r, TASK_ERRORS)
  return `Task failed with exception\n${traceback(
    [
      [`${SITE}/airflow/models/taskinstance.py`, 465, '_execute_task', 'result = _execute_callable(context=context, **execute_callable_kwargs)'],
      [`${SITE}/airflow/models/taskinstance.py`, 432, '_execute_callable', 'return execute_callable(context=context, **execute_callable_kwargs)'],
      [`${SITE}/airflow/operators/python.py`, 235, 'execute', 'return_value = self.execute_callable()'],
      [`${SITE}/airflow/operators/python.py`, 252, 'execute_callable', 'return self.python_callable(*self.op_args, **self.op_kwargs)'],
      [`${DAGS}/${t.dag.file}`, int(c.r, 20, 180), fn, code],
    ],
    error,
  )}`
}

function mark(c: LineContext, t: Task, state: 'SUCCESS' | 'UP_FOR_RETRY' | 'FAILED'): string {
  const compact = (ts: number) => new Date(ts).toISOString().slice(0, 19).replace(/[-:]/g, '')
  const start = c.ts - int(c.r, 2, 900) * 1000
  return `Marking task as ${state}. dag_id=${t.dag.id}, task_id=${t.taskId}, run_id=${t.runId}, execution_date=${compact(Date.parse(t.logical))}, start_date=${compact(start)}, end_date=${compact(c.ts)}`
}

function host(c: LineContext, kind: 'worker' | 'scheduler' | 'triggerer'): string {
  return `${c.release}-${kind}-${int(c.r, 0, kind === 'worker' ? 2 : 0)}.${c.release}-${kind}.astronomer-${c.release}.svc.cluster.local`
}

const SCHEDULER: readonly Template[] = [
  { weight: 10, build: () => ({ level: 'DEBUG', source: 'job.py:213', text: '[heartbeat]' }) },
  { weight: 4, build: (c) => ({ level: 'DEBUG', source: 'scheduler_job_runner.py:1058', text: `Next timed event is in ${(c.r() * 5).toFixed(6)}` }) },
  {
    weight: 8,
    build: (c) => {
      const n = int(c.r, 1, 3)
      const lines = Array.from({ length: n }, () => `\t${ti(task(c), 'scheduled')}`)
      return { level: 'INFO', source: 'scheduler_job_runner.py:416', text: `${n} tasks up for execution:\n${lines.join('\n')}` }
    },
  },
  {
    weight: 6,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'scheduler_job_runner.py:480', text: `DAG ${t.dag.id} has ${int(c.r, 0, 6)}/16 running and queued tasks` }
    },
  },
  {
    weight: 6,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'scheduler_job_runner.py:646', text: `Sending ${tiKey(t)} to executor with priority ${int(c.r, 1, 20)} and queue default` }
    },
  },
  {
    weight: 6,
    build: (c) => {
      const t = task(c)
      return {
        level: 'INFO',
        source: 'base_executor.py:146',
        text: `Adding to queue: ['airflow', 'tasks', 'run', '${t.dag.id}', '${t.taskId}', '${t.runId}', '--local', '--subdir', 'DAGS_FOLDER/${t.dag.file}']`,
      }
    },
  },
  {
    weight: 8,
    build: (c) => {
      const t = task(c)
      const status = c.r() < 0.9 ? 'success' : 'failed'
      return {
        level: 'INFO',
        source: 'scheduler_job_runner.py:696',
        text: `Executor reports execution of ${t.dag.id}.${t.taskId} run_id=${t.runId} exited with status ${status} for try_number ${t.tryNumber}`,
      }
    },
  },
  {
    weight: 5,
    build: (c) => {
      const t = task(c)
      const duration = c.r() * 600
      const start = c.ts - duration * 1000
      return {
        level: 'INFO',
        source: 'scheduler_job_runner.py:733',
        text: `TaskInstance Finished: dag_id=${t.dag.id}, task_id=${t.taskId}, run_id=${t.runId}, map_index=-1, run_start_date=${new Date(start).toISOString().replace('Z', '+00:00')}, run_end_date=${c.iso.replace('Z', '+00:00')}, run_duration=${duration.toFixed(6)}, state=success, executor_state=success, try_number=${t.tryNumber}, max_tries=${t.maxTries}, job_id=${int(c.r, 1000, 99999)}, pool=default_pool, queue=default, priority_weight=${int(c.r, 1, 20)}, operator=${t.dag.operator}, queued_dttm=${new Date(start - 1500).toISOString().replace('Z', '+00:00')}, queued_by_job_id=1, pid=${int(c.r, 100, 32000)}`,
      }
    },
  },
  {
    weight: 3,
    build: (c) => {
      const t = task(c)
      const ok = c.r() < 0.9
      return {
        level: ok ? 'INFO' : 'ERROR',
        source: 'dagrun.py:653',
        text: `Marking run <DagRun ${t.dag.id} @ ${t.logical}: ${t.runId}, state:running, queued_at: ${new Date(c.ts - 600_000).toISOString().replace('Z', '+00:00')}. externally triggered: ${t.runId.startsWith('manual') ? 'True' : 'False'}> ${ok ? 'successful' : 'failed'}`,
      }
    },
  },
  {
    weight: 4,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'processor.py:161', text: `Started process (PID=${int(c.r, 100, 32000)}) to work on ${DAGS}/${t.dag.file}` }
    },
  },
  {
    weight: 4,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'processor.py:830', text: `Processing file ${DAGS}/${t.dag.file} for tasks to queue` }
    },
  },
  {
    weight: 2,
    build: (c) => {
      const width = 50
      const rows = c.dags
        .map((d) => `${`${DAGS}/${d.file}`.padEnd(width)}${''.padStart(7)}${''.padStart(11)}${'1'.padStart(10)}${'0'.padStart(12)}  ${`${(c.r() * 3).toFixed(2)}s`.padEnd(16)}${isoSeconds(c.ts - int(c.r, 5, 60) * 1000)}`)
        .join('\n')
      const rule = '='.repeat(80)
      return {
        level: 'INFO',
        source: 'manager.py:882',
        text: `\n${rule}\nDAG File Processing Stats\n\n${'File Path'.padEnd(width)}${'PID'.padStart(7)}${'Runtime'.padStart(11)}${'# DAGs'.padStart(10)}${'# Errors'.padStart(12)}  ${'Last Runtime'.padEnd(16)}Last Run\n${'-'.repeat(width - 2)}  -----  ---------  --------  ----------  --------------  -------------------\n${rows}\n${rule}`,
      }
    },
  },
  { weight: 1, build: () => ({ level: 'INFO', source: 'scheduler_job_runner.py:1647', text: 'Adopting or resetting orphaned tasks for active dag runs' }) },
  {
    weight: 1.5,
    build: (c) => {
      const t = task(c)
      return {
        level: 'WARNING',
        source: 'scheduler_job_runner.py:1771',
        text: `Detected zombie job: {'full_filepath': '${DAGS}/${t.dag.file}', 'processor_subdir': '${DAGS}', 'msg': "{'DAG Id': '${t.dag.id}', 'Task Id': '${t.taskId}', 'Run Id': '${t.runId}', 'Hostname': '${host(c, 'worker')}'}", 'simple_task_instance': <airflow.models.taskinstance.SimpleTaskInstance object at 0x7f${int(c.r, 0x1000000, 0xfffffff).toString(16)}>, 'is_failure_callback': True}`,
      }
    },
  },
  { weight: 1, build: (c) => ({ level: 'WARNING', source: 'scheduler_job_runner.py:1690', text: `Failing (${int(c.r, 1, 3)}) jobs without heartbeat after ${new Date(c.ts - 300_000).toISOString().replace('Z', '+00:00')}` }) },
  {
    weight: 0.8,
    build: (c) => ({
      level: 'ERROR',
      source: 'manager.py:1145',
      text: `Failed to import: ${DAGS}/broken_import.py\n${traceback(
        [
          [`${SITE}/airflow/models/dagbag.py`, 342, 'parse', 'loader.exec_module(new_module)'],
          ['<frozen importlib._bootstrap_external>', 940, 'exec_module', null],
          ['<frozen importlib._bootstrap>', 241, '_call_with_frames_removed', null],
          [`${DAGS}/broken_import.py`, int(c.r, 3, 12), '<module>', 'from pandas import read_parquet'],
        ],
        "ModuleNotFoundError: No module named 'pandas'",
      )}`,
    }),
  },
  {
    weight: 0.5,
    build: (c) => ({
      level: 'ERROR',
      source: 'scheduler_job_runner.py:848',
      text: `Exception when executing SchedulerJob._run_scheduler_loop\n${traceback(
        [
          [`${SITE}/airflow/jobs/scheduler_job_runner.py`, 831, '_execute', 'self._run_scheduler_loop()'],
          [`${SITE}/airflow/jobs/scheduler_job_runner.py`, 963, '_run_scheduler_loop', 'num_queued_tis = self._do_scheduling(session)'],
          [`${SITE}/sqlalchemy/engine/base.py`, 3371, 'connect', 'return self._connection_cls(self)'],
        ],
        `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${c.release}-pgbouncer.astronomer-${c.release}.svc.cluster.local" (10.0.${int(c.r, 0, 255)}.${int(c.r, 2, 254)}), port 6543 failed: FATAL:  no more connections allowed (max_client_conn)\n\n(Background on this error at: https://sqlalche.me/e/14/e3q8)`,
      )}`,
    }),
  },
  { weight: 0.15, build: () => ({ level: 'CRITICAL', source: 'scheduler_job_runner.py:862', text: 'Scheduler heartbeat got an exception: (psycopg2.OperationalError) server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.' }) },
]

const PAGES: readonly [string, ...string[]] = [
  '/home',
  '/home?status=active',
  '/api/v1/dags?limit=100&only_active=true',
  '/api/v1/pools',
  '/static/dist/main.7f3c2a9e.js',
  '/static/pin_32.png',
  '/login/',
  '/dag_stats',
  '/task_stats',
  '/last_dagruns',
  '/blocked',
]

const AGENTS: readonly [string, ...string[]] = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0',
  'python-requests/2.31.0',
  'astro-cli/1.25.0',
]

function access(c: LineContext, method: string, path: string, status: number, agent: string, referer = '-'): Line {
  const ip = `10.${int(c.r, 0, 3)}.${int(c.r, 0, 255)}.${int(c.r, 2, 254)}`
  const bytes = status === 304 ? 0 : status === 302 ? 219 : path === '/health' ? int(c.r, 280, 320) : int(c.r, 180, 250_000)
  return {
    level: status >= 500 ? 'ERROR' : status >= 400 ? 'WARNING' : 'INFO',
    raw: true,
    text: `${ip} - - [${clfTime(c.ts)}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "${referer}" "${agent}"`,
  }
}

function gunicorn(c: LineContext, level: LogLevel, text: string): Line {
  return { level, raw: true, text: `[${gunicornTime(c.ts)}] [${int(c.r, 20, 90)}] [${level}] ${text}` }
}

const WEBSERVER: readonly Template[] = [
  { weight: 30, build: (c) => access(c, 'GET', '/health', 200, 'kube-probe/1.28') },
  { weight: 20, build: (c) => access(c, 'GET', pick(c.r, PAGES), c.r() < 0.8 ? 200 : 304, pick(c.r, AGENTS)) },
  {
    weight: 14,
    build: (c) => {
      const t = task(c)
      const view = pick(c.r, ['grid', 'graph', 'code', 'calendar', 'gantt'] as const)
      return access(c, 'GET', `/dags/${t.dag.id}/${view}`, 200, pick(c.r, AGENTS), `https://deployments.example.com/${c.release}/airflow/home`)
    },
  },
  {
    weight: 10,
    build: (c) => {
      const t = task(c)
      return access(c, 'GET', `/object/grid_data?dag_id=${encodeURIComponent(t.dag.id)}&num_runs=25`, 200, pick(c.r, AGENTS))
    },
  },
  {
    weight: 5,
    build: (c) => {
      const t = task(c)
      return access(c, 'POST', `/api/v1/dags/${t.dag.id}/dagRuns`, c.r() < 0.9 ? 200 : 409, pick(c.r, ['python-requests/2.31.0', 'astro-cli/1.25.0'] as const))
    },
  },
  { weight: 2, build: (c) => access(c, 'GET', '/login/?next=%2Fhome', 302, pick(c.r, AGENTS)) },
  { weight: 1.5, build: (c) => access(c, 'GET', `/dags/no_such_dag_${int(c.r, 1, 9)}/grid`, 404, pick(c.r, AGENTS)) },
  // Scanners probe every public Airflow: their payloads land verbatim in the access log.
  { weight: 0.6, build: (c) => access(c, 'GET', `/search?q=${HOSTILE_TASK_ID}`, 404, 'Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))') },
  { weight: 0.4, build: (c) => access(c, 'GET', `/home?search=${HOSTILE_DAG_ID}`, 200, pick(c.r, AGENTS)) },
  { weight: 1, build: (c) => gunicorn(c, 'INFO', `Booting worker with pid: ${int(c.r, 20, 900)}`) },
  { weight: 1, build: (c) => gunicorn(c, 'INFO', 'Handling signal: ttin') },
  { weight: 0.8, build: (c) => gunicorn(c, 'INFO', `Worker exiting (pid: ${int(c.r, 20, 900)})`) },
  { weight: 0.3, build: (c) => gunicorn(c, 'CRITICAL', `WORKER TIMEOUT (pid:${int(c.r, 20, 900)})`) },
  { weight: 0.3, build: (c) => gunicorn(c, 'ERROR', `Worker (pid:${int(c.r, 20, 900)}) was sent SIGKILL! Perhaps out of memory?`) },
  {
    weight: 0.5,
    build: (c) => {
      const t = task(c)
      return {
        level: 'ERROR',
        source: 'app.py:1744',
        text: `Exception on /dags/${t.dag.id}/grid [GET]\n${traceback(
          [
            [`${SITE}/flask/app.py`, 2529, 'wsgi_app', 'response = self.full_dispatch_request()'],
            [`${SITE}/flask/app.py`, 1825, 'full_dispatch_request', 'rv = self.handle_user_exception(e)'],
            [`${SITE}/airflow/www/auth.py`, 139, 'decorated', 'return func(*args, **kwargs)'],
            [`${SITE}/airflow/www/views.py`, 2935, 'grid', 'dag = get_airflow_app().dag_bag.get_dag(dag_id, session=session)'],
          ],
          `airflow.exceptions.SerializedDagNotFound: DAG '${t.dag.id}' not found in serialized_dag table`,
        )}`,
      }
    },
  },
  { weight: 0.5, build: () => ({ level: 'WARNING', source: 'security_manager.py:237', text: 'No user yet created, use flask fab command to do it.' }) },
]

const WORKERS: readonly Template[] = [
  {
    weight: 6,
    build: (c) => ({
      level: 'INFO',
      raw: true,
      text: `[${c.iso.slice(0, 23).replace('T', ' ').replace('.', ',')}: INFO/MainProcess] Task airflow.providers.celery.executors.celery_executor_utils.execute_command[${int(c.r, 0x10000000, 0xffffffff).toString(16)}-${int(c.r, 0x1000, 0xffff).toString(16)}-4${int(c.r, 0x100, 0xfff).toString(16)}-a${int(c.r, 0x100, 0xfff).toString(16)}-${int(c.r, 0x10000000, 0xffffffff).toString(16)}${int(c.r, 0x1000, 0xffff).toString(16)}] received`,
    }),
  },
  { weight: 5, build: (c) => ({ level: 'INFO', source: 'task_command.py:426', text: `Running ${ti(task(c), 'running')} on host ${host(c, 'worker')}` }) },
  { weight: 4, build: (c) => ({ level: 'INFO', source: 'taskinstance.py:1979', text: `Dependencies all met for dep_context=non-requeueable deps ti=${ti(task(c), 'queued')}` }) },
  {
    weight: 4,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'taskinstance.py:2193', text: `Starting attempt ${t.tryNumber} of ${t.maxTries + 1}` }
    },
  },
  {
    weight: 4,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'taskinstance.py:2214', text: `Executing <Task(${t.dag.operator}): ${t.taskId}> on ${t.logical.replace('T', ' ')}` }
    },
  },
  {
    weight: 6,
    build: (c) => {
      const t = task(c)
      const lines = [
        `Loaded ${int(c.r, 0, 250_000)} rows from ${t.dag.id}.${t.taskId}`,
        `Fetching page ${int(c.r, 1, 40)} of https://api.example.com/v2/orders`,
        `Wrote s3://data-lake-${c.release}/${t.dag.id}/${t.logical.slice(0, 10)}/part-${pad(int(c.r, 0, 63), 5)}.parquet`,
        `Query returned ${int(c.r, 0, 5000)} rows in ${(c.r() * 20).toFixed(2)}s`,
      ] as const
      return { level: 'INFO', source: 'logging_mixin.py:188', text: pick(c.r, lines) }
    },
  },
  { weight: 2, build: (c) => ({ level: 'INFO', source: 'python.py:237', text: `Done. Returned value was: ${c.r() < 0.7 ? 'None' : `{'rows': ${int(c.r, 0, 99999)}}`}` }) },
  { weight: 5, build: (c) => ({ level: 'INFO', source: 'taskinstance.py:1206', text: mark(c, task(c), 'SUCCESS') }) },
  { weight: 4, build: () => ({ level: 'INFO', source: 'local_task_job_runner.py:240', text: 'Task exited with return code 0' }) },
  { weight: 3, build: (c) => ({ level: 'INFO', source: 'taskinstance.py:3281', text: `${int(c.r, 0, 3)} downstream tasks scheduled from follow-on schedule check` }) },
  { weight: 2, build: (c) => ({ level: 'DEBUG', source: 'base_task_runner.py:101', text: `Running on host: ${host(c, 'worker')}` }) },
  { weight: 1.5, build: (c) => ({ level: 'DEBUG', source: 'connection.py:274', text: `Using connection ID 'postgres_${pick(c.r, ['warehouse', 'default', 'analytics'] as const)}' for task execution.` }) },
  { weight: 1, build: (c) => ({ level: 'WARNING', source: 'taskinstance.py:2376', text: `State of this instance has been externally set to ${pick(c.r, ['success', 'failed', 'skipped'] as const)}. Terminating instance.` }) },
  { weight: 1, build: () => ({ level: 'WARNING', source: 'base.py:73', text: 'The `schedule_interval` argument is deprecated. Please use `schedule` instead.' }) },
  { weight: 1.2, build: (c) => ({ level: 'ERROR', source: 'taskinstance.py:2905', text: taskFailure(c, task(c)) }) },
  { weight: 0.8, build: (c) => ({ level: 'INFO', source: 'taskinstance.py:1206', text: mark(c, task(c), 'UP_FOR_RETRY') }) },
  { weight: 0.3, build: (c) => ({ level: 'ERROR', source: 'taskinstance.py:1206', text: mark(c, task(c), 'FAILED') }) },
  { weight: 0.5, build: () => ({ level: 'INFO', source: 'local_task_job_runner.py:240', text: 'Task exited with return code 1' }) },
  { weight: 0.1, build: (c) => ({ level: 'CRITICAL', source: 'celery_executor_utils.py:152', text: `Celery command failed on host: ${host(c, 'worker')} with celery_task_id ${int(c.r, 0x10000000, 0xffffffff).toString(16)}` }) },
]

const TRIGGERER: readonly Template[] = [
  { weight: 8, build: (c) => ({ level: 'INFO', source: 'triggerer_job_runner.py:598', text: `${int(c.r, 0, 12)} triggers currently running` }) },
  {
    weight: 5,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'triggerer_job_runner.py:633', text: `trigger ${t.dag.id}/${t.runId}/${t.taskId}/-1/${t.tryNumber} (ID ${int(c.r, 1, 900)}) starting` }
    },
  },
  {
    weight: 5,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'triggerer_job_runner.py:651', text: `Trigger ${t.dag.id}/${t.runId}/${t.taskId}/-1/${t.tryNumber} (ID ${int(c.r, 1, 900)}) fired: TriggerEvent<${c.iso.replace('Z', '+00:00')}>` }
    },
  },
  {
    weight: 4,
    build: (c) => {
      const t = task(c)
      return { level: 'INFO', source: 'triggerer_job_runner.py:664', text: `trigger ${t.dag.id}/${t.runId}/${t.taskId}/-1/${t.tryNumber} (ID ${int(c.r, 1, 900)}) completed` }
    },
  },
  { weight: 4, build: (c) => ({ level: 'INFO', source: 'temporal.py:71', text: `sleeping ${int(c.r, 1, 60)} second${c.r() < 0.5 ? 's' : ''}...` }) },
  { weight: 3, build: () => ({ level: 'DEBUG', source: 'job.py:213', text: '[heartbeat]' }) },
  { weight: 1, build: () => ({ level: 'INFO', source: 'triggerer_job_runner.py:171', text: 'Setting up TriggererHandlerWrapper with handler <FileTaskHandler (NOTSET)>' }) },
  {
    weight: 1,
    build: (c) => ({
      level: 'WARNING',
      source: 'triggerer_job_runner.py:574',
      text: `Triggerer's async thread was blocked for ${(0.2 + c.r() * 1.5).toFixed(2)} seconds, likely by a badly-written trigger. Set PYTHONASYNCIODEBUG=1 to get more information on overrunning coroutines.`,
    }),
  },
  {
    weight: 0.6,
    build: (c) => {
      const t = task(c)
      return {
        level: 'ERROR',
        source: 'triggerer_job_runner.py:614',
        text: `Trigger ${t.dag.id}/${t.runId}/${t.taskId}/-1/${t.tryNumber} (ID ${int(c.r, 1, 900)}) exited with error\n${traceback(
          [
            [`${SITE}/airflow/jobs/triggerer_job_runner.py`, 612, 'cleanup_finished_triggers', 'result = details["task"].result()'],
            [`${SITE}/airflow/jobs/triggerer_job_runner.py`, 686, 'run_trigger', 'async for event in trigger.run():'],
            [`${SITE}/airflow/providers/http/triggers/http.py`, 95, 'run', 'response = await self._get_async_response(hook)'],
            [`${SITE}/aiohttp/client.py`, 605, '_request', 'await resp.start(conn)'],
          ],
          'asyncio.exceptions.TimeoutError',
        )}`,
      }
    },
  },
]

interface WeightedTable {
  templates: readonly Template[]
  cumulative: readonly number[]
  total: number
}

function weighted(templates: readonly Template[]): WeightedTable {
  let total = 0
  const cumulative = templates.map((t) => (total += t.weight))
  return { templates, cumulative, total }
}

const TABLES: Record<LogComponent, WeightedTable> = {
  scheduler: weighted(SCHEDULER),
  webserver: weighted(WEBSERVER),
  workers: weighted(WORKERS),
  triggerer: weighted(TRIGGERER),
}

export function buildLine(component: LogComponent, c: LineContext): Line {
  const table = TABLES[component]
  const x = c.r() * table.total
  let i = 0
  while (i < table.cumulative.length - 1 && (table.cumulative[i] ?? 0) <= x) i++
  const template = table.templates[i]
  if (!template) throw new Error(`no log templates for ${component}`)
  return template.build(c)
}

const BLUE = '\u001b[34m'
const RED = '\u001b[31m'
const YELLOW = '\u001b[33m'
const BOLD = '\u001b[1m'
const RESET = '\u001b[0m'

const LEVEL_COLOUR: Record<LogLevel, string> = { DEBUG: RED, INFO: '', WARNING: YELLOW, ERROR: RED, CRITICAL: `${BOLD}${RED}` }

/** The line as Airflow prints it: plain, or through its TTY-coloured formatter. */
export function formatLine(line: Line, iso: string, coloured: boolean): string {
  if (line.raw) return coloured && line.level !== 'INFO' ? `${LEVEL_COLOUR[line.level]}${line.text}${RESET}` : line.text
  const source = line.source ?? 'logging_mixin.py:188'
  if (!coloured) return `[${airflowTime(iso)}] {${source}} ${line.level} - ${line.text}`
  const [file, lineno] = source.split(':')
  const colour = LEVEL_COLOUR[line.level]
  return `[${BLUE}${airflowTime(iso)}${RESET}] {${BLUE}${file ?? source}:${RESET}${lineno ?? ''}} ${colour}${line.level}${RESET} - ${colour}${line.text}${RESET}`
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text
}
