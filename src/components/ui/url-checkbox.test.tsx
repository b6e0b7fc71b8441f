import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { UrlCheckbox } from './url-checkbox'

/** A page whose value lands only when the test says so, as a busy router's would. */
function Page({ onChange }: { onChange: (checked: boolean) => void }) {
  const [value, setValue] = useState(false)
  return (
    <>
      <UrlCheckbox checked={value} onChange={onChange}>
        Only matching records
      </UrlCheckbox>
      <button type="button" onClick={() => setValue((v) => !v)}>
        Page value flips
      </button>
    </>
  )
}

describe('UrlCheckbox', () => {
  it('shows the click at once, before the page value changes', async () => {
    const user = userEvent.setup()
    const changes: boolean[] = []
    render(<Page onChange={(checked) => changes.push(checked)} />)
    await user.click(screen.getByLabelText('Only matching records'))
    expect(screen.getByLabelText('Only matching records')).toBeChecked()
    expect(changes).toEqual([true])
  })

  it('follows the page value when it changes by other means', async () => {
    const user = userEvent.setup()
    render(<Page onChange={() => undefined} />)
    await user.click(screen.getByRole('button', { name: 'Page value flips' }))
    expect(screen.getByLabelText('Only matching records')).toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Page value flips' }))
    expect(screen.getByLabelText('Only matching records')).not.toBeChecked()
  })
})
