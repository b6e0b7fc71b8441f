import { describe, expect, it } from 'vitest'
import { navigableUrl } from './navigable-url'

const base = 'https://console.example.com/workspaces/1'

describe('navigableUrl', () => {
  it.each([
    'https://deployments.example.com/quasar-1234/airflow',
    'http://airflow.internal:8080/home',
    '/workspaces/1/deployments/2',
    '#oauth/google',
  ])('keeps %s', (url) => {
    expect(navigableUrl(url, base)).toBe(url)
  })

  it.each([
    ['a javascript: URL', 'javascript:window.__pwned=1'],
    ['one in capitals', 'JavaScript:window.__pwned=1'],
    ['one behind spaces and control characters', ' \u0001javascript:window.__pwned=1'],
    ['one with a tab in its scheme', 'java\tscript:window.__pwned=1'],
    ['a data: URL', 'data:text/html,<script>window.__pwned=1</script>'],
    ['a vbscript: URL', 'vbscript:msgbox(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['an unparsable URL', 'https://exa mple.com:99999/'],
    ['nothing', ''],
    ['null', null],
  ])('refuses %s', (_what, url) => {
    expect(navigableUrl(url, base)).toBeNull()
  })
})
