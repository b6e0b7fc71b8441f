import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ScrollArea } from './scroll-area'

/** jsdom lays nothing out: give every element the widths a narrow window would. */
function layOut({ content, box }: { content: number; box: number }) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(content)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(box)
}

function WideTable() {
  return (
    <ScrollArea className="overflow-x-auto">
      <table>
        <caption>Members of Data Platform</caption>
        <tbody>
          <tr>
            <td>Erin Chen</td>
          </tr>
        </tbody>
      </table>
    </ScrollArea>
  )
}

describe('ScrollArea', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is a region named after its table, reached with Tab, while the table is wider than it', async () => {
    layOut({ content: 700, box: 343 })
    render(
      <>
        <button type="button">Before</button>
        <WideTable />
      </>,
    )
    const region = screen.getByRole('region', { name: 'Members of Data Platform' })
    await userEvent.tab()
    await userEvent.tab()
    expect(region).toHaveFocus()
  })

  it('takes the name it is given over the caption', () => {
    layOut({ content: 700, box: 343 })
    render(
      <ScrollArea className="overflow-x-auto" label="Task runs">
        <table>
          <caption>Task runs per deployment</caption>
        </table>
      </ScrollArea>,
    )
    expect(screen.getByRole('region', { name: 'Task runs' })).toBeInTheDocument()
  })

  it('adds no region and no tab stop when the table fits', async () => {
    layOut({ content: 800, box: 800 })
    render(
      <>
        <WideTable />
        <button type="button">After</button>
      </>,
    )
    expect(screen.queryByRole('region')).not.toBeInTheDocument()
    await userEvent.tab()
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus()
  })
})
