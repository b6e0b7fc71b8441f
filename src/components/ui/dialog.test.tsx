import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { Button } from './button'
import { Dialog } from './dialog'
import { PageHeader } from './page-header'

/** A page whose rows each open a dialog from state, as the console's screens do; Delete removes the row. */
function Rows() {
  const [rows, setRows] = useState(['Erin Chen', 'Ben Carter'])
  const [open, setOpen] = useState<string | null>(null)
  return (
    <>
      <PageHeader title="Members" />
      {rows.map((name) => (
        <Button key={name} onClick={() => setOpen(name)}>
          {`Remove ${name}`}
        </Button>
      ))}
      <Dialog open={open !== null} onOpenChange={(o) => setOpen(o ? open : null)} title={`Remove ${open ?? ''}?`}>
        <Button
          onClick={() => {
            setRows((all) => all.filter((n) => n !== open))
            setOpen(null)
          }}
        >
          Remove
        </Button>
      </Dialog>
    </>
  )
}

describe('Dialog', () => {
  it('takes focus when it opens and gives it back to the button that opened it when Escape closes it', async () => {
    const user = userEvent.setup()
    render(<Rows />)
    const opener = screen.getByRole('button', { name: 'Remove Ben Carter' })
    opener.focus()
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Remove Ben Carter?' })
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(opener).toHaveFocus())
  })

  it('gives focus to the page heading when what opened it is gone', async () => {
    const user = userEvent.setup()
    render(<Rows />)
    screen.getByRole('button', { name: 'Remove Erin Chen' }).focus()
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Remove Erin Chen?' })
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.queryByRole('button', { name: 'Remove Erin Chen' })).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toHaveFocus())
  })
})
