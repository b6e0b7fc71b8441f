/**
 * `url` when following it can only navigate (http or https, absolute or
 * relative to `base`), otherwise null: a `javascript:`, `data:` or other URL
 * sent by the server is never made a link.
 */
export function navigableUrl(url: string | null | undefined, base: string = window.location.href): string | null {
  if (!url) return null
  let protocol: string
  try {
    protocol = new URL(url, base).protocol
  } catch {
    return null
  }
  return protocol === 'https:' || protocol === 'http:' ? url : null
}
