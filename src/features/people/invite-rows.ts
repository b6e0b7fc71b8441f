// The invite form's rules, kept out of the component so that every case is
// tested in a table: what counts as an address, which rows are refused before
// anything is sent, and what the server's answer means for each address.
import { z } from 'zod'
import { isEmailAddress, normaliseEmail } from '@/lib/email'
import { ROLES, type Role } from '@/lib/permissions'

/**
 * Addresses in pasted text: separated by commas, semicolons or white space;
 * `Name <address>` keeps the address only.
 */
export function splitAddresses(text: string): string[] {
  const withoutNames = text.replace(/[^,;<>\n]*<([^<>]*)>/g, ' $1 ')
  return withoutNames
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export interface InviteRow {
  email: string
  role: Role
}

export interface Existing {
  /** Emails of current members, any case. */
  memberEmails: readonly string[]
  /** Emails with a pending invite, any case. */
  inviteEmails: readonly string[]
}

/**
 * The problem of each row, or null. Blank rows are skipped when another row
 * has an address (an empty spare row is not an error), refused when all are blank.
 */
export function inviteRowProblems(rows: readonly InviteRow[], existing: Existing): (string | null)[] {
  const members = new Set(existing.memberEmails.map(normaliseEmail))
  const invites = new Set(existing.inviteEmails.map(normaliseEmail))
  const seen = new Set<string>()
  const allBlank = rows.every((r) => !r.email.trim())
  return rows.map((row, i) => {
    const email = normaliseEmail(row.email)
    if (!email) return allBlank && i === 0 ? 'Enter at least one email address.' : null
    if (!isEmailAddress(email)) return `“${row.email.trim()}” is not a valid email address.`
    if (seen.has(email)) return 'This address is already in the list above.'
    seen.add(email)
    if (members.has(email)) return `${email} is already a member of this workspace.`
    if (invites.has(email)) return `${email} already has a pending invite: change its role in the members list instead.`
    return null
  })
}

/** The rows to send: filled, normalised, in order. Call only when inviteRowProblems found none. */
export function rowsToSend(rows: readonly InviteRow[]): InviteRow[] {
  return rows.filter((r) => r.email.trim()).map((r) => ({ email: normaliseEmail(r.email), role: r.role }))
}

/** The form's schema, with the workspace's current members and invites to check against. */
export function inviteFormSchema(existing: Existing) {
  return z
    .object({ rows: z.array(z.object({ email: z.string(), role: z.enum(ROLES) })).min(1) })
    .superRefine((value, ctx) => {
      inviteRowProblems(value.rows, existing).forEach((message, i) => {
        if (message) ctx.addIssue({ code: 'custom', path: ['rows', i, 'email'], message })
      })
    })
}
export type InviteFormValues = z.infer<ReturnType<typeof inviteFormSchema>>

export type InviteOutcome =
  | { email: string; role: Role; result: 'added' }
  | { email: string; role: Role; result: 'invited' }
  | { email: string; role: Role; result: 'refused'; reason: string }

/**
 * What `workspaceAddUser` did with an address, read from the workspace it
 * answers with: the address is now a member (an existing user, added at
 * once) or has a pending invite.
 */
export function outcomeOf(
  row: InviteRow,
  workspace: { roleBindings: readonly { user: { emails: readonly { address: string }[] } | null }[]; invites: readonly { email: string }[] },
): InviteOutcome {
  const email = normaliseEmail(row.email)
  if (workspace.roleBindings.some((b) => b.user?.emails.some((e) => normaliseEmail(e.address) === email))) {
    return { email, role: row.role, result: 'added' }
  }
  if (workspace.invites.some((i) => normaliseEmail(i.email) === email)) return { email, role: row.role, result: 'invited' }
  return { email, role: row.role, result: 'refused', reason: 'The server accepted the address but it appears neither as a member nor as an invite. Reload to check.' }
}

/** One line that sums up a batch, for a toast. */
export function outcomeSummary(outcomes: readonly InviteOutcome[]): string {
  const count = (r: InviteOutcome['result']) => outcomes.filter((o) => o.result === r).length
  const parts: string[] = []
  const added = count('added')
  const invited = count('invited')
  const refused = count('refused')
  if (added) parts.push(`${added} added`)
  if (invited) parts.push(`${invited} invited`)
  if (refused) parts.push(`${refused} refused`)
  return parts.join(', ') || 'Nothing sent'
}
