/**
 * The path to go back to after sign-in. Only same-origin paths are accepted:
 * anything that could leave the site (a scheme, `//host`, `/\host`) or go
 * back to sign-in falls back to the home page.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw) return '/'
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/'
  // Control characters and backslashes can turn a path into a URL in some browsers.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(raw)) return '/'
  try {
    const url = new URL(raw, 'http://console.invalid')
    if (url.origin !== 'http://console.invalid') return '/'
    if (url.pathname === '/sign-in') return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
