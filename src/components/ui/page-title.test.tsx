import { render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { isolated } from './isolated'
import { PageHeader } from './page-header'
import { CONSOLE_NAME } from './page-title'

const OVERRIDE = 'Invoice \u202Efdp.exe'

describe('the tab title', () => {
  afterEach(() => {
    document.title = ''
  })

  it('names the tab after the page heading, then the console', () => {
    render(<PageHeader title="Workspaces" />)
    expect(document.title).toBe(`Workspaces · ${CONSOLE_NAME}`)
  })

  it('isolates each name the heading isolates, so an override in it stops at the name', () => {
    render(<PageHeader title={isolated`${OVERRIDE}: logs`} />)
    expect(document.title).toBe(`\u2068${OVERRIDE}\u2069: logs · ${CONSOLE_NAME}`)
  })

  it('follows the heading as it changes, and gives the console its own name back when the page goes', () => {
    const { rerender, unmount } = render(<PageHeader title={isolated`${'Customer ETL'}: settings`} />)
    rerender(<PageHeader title={isolated`${'Customer ETL v2'}: settings`} />)
    expect(document.title).toBe(`\u2068Customer ETL v2\u2069: settings · ${CONSOLE_NAME}`)
    unmount()
    expect(document.title).toBe(CONSOLE_NAME)
  })
})
