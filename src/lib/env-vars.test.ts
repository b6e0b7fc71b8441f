import { describe, expect, it } from 'vitest'
import { envVarKeyProblem } from './env-vars'

describe('envVarKeyProblem', () => {
  it.each([
    ['DATA_BUCKET', [], null],
    ['_PRIVATE', [], null],
    ['lower_case_ok', [], null],
    ['', [], 'Enter a name.'],
    ['1ST', [], 'Use letters, digits and underscores, not starting with a digit.'],
    ['HAS-DASH', [], 'Use letters, digits and underscores, not starting with a digit.'],
    ['HAS SPACE', [], 'Use letters, digits and underscores, not starting with a digit.'],
    ['AIRFLOW__CORE__EXECUTOR', [], 'AIRFLOW__CORE__EXECUTOR is set by the platform and cannot be overridden.'],
    ['airflow__core__executor', [], 'airflow__core__executor is set by the platform and cannot be overridden.'],
    ['DUP', ['A', 'DUP'], 'DUP is already in the list.'],
    ['X'.repeat(256), [], 'Names are at most 255 characters.'],
  ] as const)('%s', (key, others, expected) => {
    expect(envVarKeyProblem(key, others)).toBe(expected)
  })
})
