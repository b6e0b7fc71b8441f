import { describe, expect, it } from 'vitest'
import { envVarsFormSchema, exportVariables, rowFieldOf, rowsFromServer, toInput, type EnvVarRow } from './env-vars-form'

const row = (over: Partial<EnvVarRow>): EnvVarRow => ({ key: 'A', value: 'v', isSecret: false, storedSecret: false, replacing: false, ...over })
const messages = (rows: EnvVarRow[]) => {
  const r = envVarsFormSchema.safeParse({ rows })
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('env var form rules', () => {
  it('accepts distinct valid names', () => {
    expect(messages([row({ key: 'A' }), row({ key: 'B_2' })])).toEqual([])
  })
  it('flags the second of two duplicates, not the first', () => {
    expect(messages([row({ key: 'A' }), row({ key: 'A' })])).toEqual(['rows.1.key: A is already in the list.'])
  })
  it('refuses platform names and bad patterns', () => {
    expect(messages([row({ key: 'AIRFLOW__CORE__EXECUTOR' }), row({ key: '9X' })])).toEqual([
      'rows.0.key: AIRFLOW__CORE__EXECUTOR is set by the platform and cannot be overridden.',
      'rows.1.key: Use letters, digits and underscores, not starting with a digit.',
    ])
  })
  it('keeps a stored secret without a value', () => {
    expect(messages([row({ isSecret: true, storedSecret: true, value: '' })])).toEqual([])
  })
  it('asks for a new value when a stored secret becomes plain', () => {
    expect(messages([row({ isSecret: false, storedSecret: true, replacing: true, value: '' })])).toEqual([
      'rows.0.value: Enter a new value: a secret’s stored value cannot be revealed.',
    ])
  })
  it('asks for a value for a new secret', () => {
    expect(messages([row({ isSecret: true, value: '' })])).toEqual(['rows.0.value: Enter the secret value.'])
  })
})

describe('toInput and rowsFromServer', () => {
  it('never puts a secret value into the form and sends null to keep it', () => {
    const rows = rowsFromServer([
      { key: 'PLAIN', value: 'x', isSecret: false },
      { key: 'TOKEN', value: null, isSecret: true },
    ])
    expect(rows[1]).toEqual({ key: 'TOKEN', value: '', isSecret: true, storedSecret: true, replacing: false })
    expect(toInput(rows)).toEqual([
      { key: 'PLAIN', value: 'x', isSecret: false },
      { key: 'TOKEN', value: null, isSecret: true },
    ])
  })
  it('sends a replaced secret value', () => {
    expect(toInput([row({ key: 'T', isSecret: true, storedSecret: true, replacing: true, value: 'new' })])).toEqual([{ key: 'T', value: 'new', isSecret: true }])
  })
  it('maps server fields onto rows', () => {
    expect(rowFieldOf('environmentVariables[3].key')).toEqual({ index: 3, name: 'key' })
    expect(rowFieldOf('label')).toBeNull()
  })
})

describe('exportVariables', () => {
  it('exports every variable as JSON with secrets masked', () => {
    const json = exportVariables([
      { key: 'PLAIN', value: 'x', isSecret: false },
      { key: 'EMPTY', value: '', isSecret: false },
      { key: 'TOKEN', value: null, isSecret: true },
    ])
    expect(JSON.parse(json)).toEqual([
      { key: 'PLAIN', value: 'x', isSecret: false },
      { key: 'EMPTY', value: '', isSecret: false },
      { key: 'TOKEN', value: '********', isSecret: true },
    ])
  })

  it('masks a secret even if a value were present', () => {
    expect(exportVariables([{ key: 'S', value: 'leaked', isSecret: true }])).not.toContain('leaked')
  })

  it('makes a plain variable secret keeping its value, and asks a new one to make a secret plain', () => {
    // plain -> secret: the row keeps the typed (plain) value and sends it as the secret's value
    expect(toInput([row({ key: 'P', value: 'v', isSecret: true })])).toEqual([{ key: 'P', value: 'v', isSecret: true }])
    expect(messages([row({ key: 'P', value: 'v', isSecret: true })])).toEqual([])
  })
})
