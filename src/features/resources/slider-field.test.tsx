import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { checkSizing, componentAuRange, defaultSizing } from '@/lib/au'
import { PLATFORM } from '../../../mocks/houston/platform'
import { auResources } from './format'
import { SliderField } from './slider-field'

/** Workers AU of a default Celery deployment, checked by the AU module as the configure screen does. */
function WorkersAu({ initial = 10 }: { initial?: number }) {
  const [au, setAu] = useState(initial)
  const sizing = defaultSizing(PLATFORM, 'CeleryExecutor')
  const workers = sizing.components.workers
  if (workers) workers.au = au
  const problem = checkSizing(PLATFORM, sizing).find((p) => p.field === 'workers.au')
  return (
    <>
      <SliderField
        label="Workers AU"
        value={au}
        onChange={setAu}
        range={componentAuRange(PLATFORM, 'workers')}
        unit="AU"
        hint="At least 1 AU: each worker needs at least this much to run a task. At most 30 AU."
        describe={(n) => auResources(PLATFORM, n)}
        problem={problem ? { message: problem.message, nearest: problem.nearest } : null}
      />
      <output aria-label="chosen">{au}</output>
    </>
  )
}

const chosen = () => screen.getByRole('status', { name: 'chosen' })

describe('SliderField', () => {
  it('steps with the keyboard: arrows by one, PageUp/PageDown by ten, Home and End to the ends', async () => {
    const user = userEvent.setup()
    render(<WorkersAu />)
    const slider = screen.getByRole('slider', { name: 'Workers AU' })
    const input = screen.getByRole('spinbutton', { name: 'Workers AU' })
    expect(slider).toHaveAttribute('aria-valuemin', '1')
    expect(slider).toHaveAttribute('aria-valuemax', '30')
    expect(slider).toHaveAttribute('aria-valuetext', '10 AU, 1 CPU · 3.75 GiB')
    slider.focus()
    const steps: [string, number][] = [
      ['{ArrowRight}', 11],
      ['{ArrowUp}', 12],
      ['{ArrowLeft}', 11],
      ['{ArrowDown}', 10],
      ['{PageUp}', 20],
      ['{PageDown}', 10],
      ['{End}', 30],
      ['{ArrowRight}', 30],
      ['{Home}', 1],
      ['{ArrowLeft}', 1],
    ]
    for (const [key, expected] of steps) {
      await user.keyboard(key)
      expect(chosen()).toHaveTextContent(String(expected))
      expect(slider).toHaveAttribute('aria-valuenow', String(expected))
      expect(input).toHaveValue(expected)
    }
  })

  it('takes a typed value and moves the slider to it', async () => {
    const user = userEvent.setup()
    render(<WorkersAu />)
    const input = screen.getByRole('spinbutton', { name: 'Workers AU' })
    await user.clear(input)
    await user.type(input, '24')
    expect(chosen()).toHaveTextContent('24')
    expect(screen.getByRole('slider', { name: 'Workers AU' })).toHaveAttribute('aria-valuenow', '24')
    expect(screen.getByText('2.4 CPU · 9 GiB')).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'false')
  })

  it.each([
    ['31', 'Workers AU cannot exceed 30 AU. The nearest valid value is 30 AU.', 30],
    ['0', 'Workers AU cannot go below 1 AU. The nearest valid value is 1 AU.', 1],
    ['2.5', 'Workers AU must be a whole number of AU. The nearest valid value is 3 AU.', 3],
  ])('explains a typed %s with the nearest valid value, and jumps to it', async (typed, message, nearest) => {
    const user = userEvent.setup()
    render(<WorkersAu />)
    const input = screen.getByRole('spinbutton', { name: 'Workers AU' })
    await user.clear(input)
    await user.type(input, typed)
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
    // the slider stays within its range while the typed value is explained
    expect(Number(screen.getByRole('slider', { name: 'Workers AU' }).getAttribute('aria-valuenow'))).toBeLessThanOrEqual(30)
    await user.click(screen.getByRole('button', { name: `Use ${nearest} AU` }))
    expect(input).toHaveValue(nearest)
    expect(input).toHaveAttribute('aria-invalid', 'false')
    expect(screen.queryByRole('button', { name: /^Use / })).not.toBeInTheDocument()
  })

  it('asks for a number when the box is emptied, and restores the value on leaving it', async () => {
    const user = userEvent.setup()
    render(<WorkersAu initial={12} />)
    const input = screen.getByRole('spinbutton', { name: 'Workers AU' })
    await user.clear(input)
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Enter a number from 1 to 30.'))
    expect(chosen()).toHaveTextContent('12')
    await user.tab()
    expect(input).toHaveValue(12)
    expect(input).toHaveAttribute('aria-invalid', 'false')
  })
})
