// Environment variable rules as the platform applies them, shared by the
// settings form and the fake backend so both refuse the same names.

export const ENV_VAR_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Names the platform sets itself; a deployment may not override them. */
export const RESERVED_ENV_VARS: readonly string[] = [
  'AIRFLOW_HOME',
  'AIRFLOW__CORE__EXECUTOR',
  'AIRFLOW__CORE__SQL_ALCHEMY_CONN',
  'AIRFLOW__DATABASE__SQL_ALCHEMY_CONN',
  'AIRFLOW__CORE__FERNET_KEY',
  'AIRFLOW__CORE__DAGS_FOLDER',
  'AIRFLOW__WEBSERVER__BASE_URL',
  'AIRFLOW__WEBSERVER__SECRET_KEY',
  'AIRFLOW__CELERY__BROKER_URL',
  'AIRFLOW__CELERY__RESULT_BACKEND',
  'AIRFLOW__KUBERNETES__NAMESPACE',
  'AIRFLOW__KUBERNETES_EXECUTOR__NAMESPACE',
  'AIRFLOW__METRICS__STATSD_HOST',
  'AIRFLOW__METRICS__STATSD_PORT',
]

/** Why a key cannot be used, or null when it can. `otherKeys` are the other rows' keys. */
export function envVarKeyProblem(key: string, otherKeys: readonly string[]): string | null {
  if (key.length === 0) return 'Enter a name.'
  if (key.length > 255) return 'Names are at most 255 characters.'
  if (!ENV_VAR_KEY_PATTERN.test(key)) {
    return 'Use letters, digits and underscores, not starting with a digit.'
  }
  if (RESERVED_ENV_VARS.includes(key.toUpperCase())) return `${key} is set by the platform and cannot be overridden.`
  if (otherKeys.includes(key)) return `${key} is already in the list.`
  return null
}
