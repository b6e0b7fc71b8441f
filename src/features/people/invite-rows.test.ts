import { describe, expect, it } from 'vitest'
import { inviteFormSchema, inviteRowProblems, outcomeOf, outcomeSummary, rowsToSend, splitAddresses, type InviteRow } from './invite-rows'

describe('splitAddresses: pasting several at once', () => {
  it.each<[string, string[]]>([
    ['a@x.io', ['a@x.io']],
    ['a@x.io, b@y.io;c@z.io', ['a@x.io', 'b@y.io', 'c@z.io']],
    ['a@x.io\nb@y.io\r\n  c@z.io  ', ['a@x.io', 'b@y.io', 'c@z.io']],
    ['Ann Lee <ann@x.io>, "Bo" <bo@y.io>', ['ann@x.io', 'bo@y.io']],
    [' , ; ', []],
  ])('%j', (text, out) => {
    expect(splitAddresses(text)).toEqual(out)
  })
})

describe('inviteRowProblems: refused before sending', () => {
  const existing = { memberEmails: ['Member@Example.com'], inviteEmails: ['pending@example.com'] }
  const row = (email: string, role: InviteRow['role'] = 'WORKSPACE_VIEWER'): InviteRow => ({ email, role })
  it.each<[string, InviteRow[], (string | null)[]]>([
    ['one good address', [row('new@example.com')], [null]],
    ['all blank', [row(''), row('  ')], ['Enter at least one email address.', null]],
    ['a blank spare row is skipped', [row('new@example.com'), row('')], [null, null]],
    ['malformed', [row('not-an-email')], ['“not-an-email” is not a valid email address.']],
    ['duplicate in the list, any case', [row('a@example.com'), row('A@EXAMPLE.COM ', 'WORKSPACE_EDITOR')], [null, 'This address is already in the list above.']],
    ['already a member', [row('member@example.com')], ['member@example.com is already a member of this workspace.']],
    ['already invited', [row('Pending@example.com')], ['pending@example.com already has a pending invite: change its role in the members list instead.']],
    [
      'several problems at once',
      [row('ok@example.com'), row('bad@'), row('ok@example.com'), row('member@example.com')],
      [null, '“bad@” is not a valid email address.', 'This address is already in the list above.', 'member@example.com is already a member of this workspace.'],
    ],
  ])('%s', (_name, rows, problems) => {
    expect(inviteRowProblems(rows, existing)).toEqual(problems)
  })

  it('puts each problem on its row through the form schema', () => {
    const result = inviteFormSchema(existing).safeParse({ rows: [row('x@example.com'), row('member@example.com')] })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['rows.1.email', 'member@example.com is already a member of this workspace.']])
  })

  it('sends filled rows only, normalised', () => {
    expect(rowsToSend([row(' A@X.io ', 'WORKSPACE_ADMIN'), row('')])).toEqual([{ email: 'a@x.io', role: 'WORKSPACE_ADMIN' }])
  })
})

describe('outcomeOf: what the server did with each address', () => {
  const ws = {
    roleBindings: [{ user: { emails: [{ address: 'tom@example.com' }] } }, { user: null }],
    invites: [{ email: 'new@example.com' }],
  }
  it.each<[string, string]>([
    ['Tom@example.com', 'added'],
    ['new@example.com', 'invited'],
    ['ghost@example.com', 'refused'],
  ])('%s -> %s', (email, result) => {
    expect(outcomeOf({ email, role: 'WORKSPACE_EDITOR' }, ws).result).toBe(result)
  })

  it('sums a batch up', () => {
    expect(
      outcomeSummary([
        { email: 'a', role: 'WORKSPACE_VIEWER', result: 'added' },
        { email: 'b', role: 'WORKSPACE_VIEWER', result: 'invited' },
        { email: 'c', role: 'WORKSPACE_VIEWER', result: 'invited' },
        { email: 'd', role: 'WORKSPACE_VIEWER', result: 'refused', reason: 'x' },
      ]),
    ).toBe('1 added, 2 invited, 1 refused')
    expect(outcomeSummary([])).toBe('Nothing sent')
  })
})
