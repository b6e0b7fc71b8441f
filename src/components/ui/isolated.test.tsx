import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { isolated, isolatedList, plain } from './isolated'

const OVERRIDE = 'Invoice \u202Efdp.exe'

describe('isolated', () => {
  it('reads as the template literal would, each name in a bdi of its own', () => {
    const label = OVERRIDE
    const { container } = render(<h1>{isolated`Remove ${label} from ${'שלום'} (${3} deployments)?`}</h1>)
    const heading = container.querySelector('h1')
    expect(heading?.textContent).toBe(`Remove ${OVERRIDE} from שלום (3 deployments)?`)
    expect([...(heading?.querySelectorAll('bdi') ?? [])].map((b) => b.textContent)).toEqual([OVERRIDE, 'שלום', '3'])
    // The console's words stay outside every bdi.
    expect([...(heading?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent)).toEqual(['Remove ', ' from ', ' (', ' deployments)?'])
  })

  it('holds text and names alone', () => {
    const { container } = render(<p>{isolated`${'alone'}`}</p>)
    expect(container.innerHTML).toBe('<p><bdi>alone</bdi></p>')
  })

  it('joins a list of names as join() would, the separators outside every bdi', () => {
    const { container } = render(<p>{isolatedList([OVERRIDE, 'שלום', 'Ops'])}</p>)
    const p = container.querySelector('p')
    expect(p?.textContent).toBe([OVERRIDE, 'שלום', 'Ops'].join(', '))
    expect([...(p?.querySelectorAll('bdi') ?? [])].map((b) => b.textContent)).toEqual([OVERRIDE, 'שלום', 'Ops'])
    expect([...(p?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent)).toEqual([', ', ', '])
  })

  it('has a plain twin that makes the template literal string', () => {
    const label = OVERRIDE
    expect(plain`Remove ${label} from ${'שלום'} (${3} deployments)?`).toBe(`Remove ${OVERRIDE} from שלום (3 deployments)?`)
    expect(plain`${'alone'}`).toBe('alone')
    expect(plain`no names`).toBe('no names')
  })
})
