import { describe, expect, it } from 'vitest'
import { parseEmails } from './alert-emails-section'

describe('parseEmails: what is typed into "Add alert emails"', () => {
  it('takes several addresses at once, internationalised ones included, as the platform does', () => {
    expect(parseEmails('oncall@example.com, josé@example.com\nops@bücher.de', [])).toEqual({
      emails: ['oncall@example.com', 'josé@example.com', 'ops@bücher.de'],
      problem: null,
    })
  })

  it('names what is not an address, and what is already in the list whatever its case', () => {
    expect(parseEmails('oncall@example.com not-an-address a@b', [])).toEqual({ emails: [], problem: 'Not an email address: not-an-address, a@b' })
    expect(parseEmails('OnCall@Example.com', ['oncall@example.com'])).toEqual({ emails: [], problem: 'Already in the list: OnCall@Example.com' })
  })
})
