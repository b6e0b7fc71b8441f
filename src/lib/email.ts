// What counts as an email address, for the platform (the fake backend imports
// this) and for every form of the console: one rule, so that a form refuses
// nothing the server would accept and sends nothing it would refuse for shape.

/** The longest address a mail path can carry (RFC 5321). */
export const EMAIL_MAX = 254
// Deliberately simple: one @, no spaces, a dot in the domain. Internationalised
// addresses pass; real validation is the mail server's business.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

/** An address as the platform stores it. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase()
}

export function isEmailAddress(value: string): boolean {
  const v = normaliseEmail(value)
  return v.length <= EMAIL_MAX && EMAIL_PATTERN.test(v)
}
