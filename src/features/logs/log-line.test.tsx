import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { formatLogTime, LogLine, LogMessage } from './log-line'
import type { LogRecord } from './log-model'

const ESC = '\u001b'

const record = (message: string, level = 'INFO'): LogRecord => ({ id: 'r-1', timestamp: '2024-05-01T12:00:00.123Z', component: 'scheduler', level, message })

describe('LogMessage', () => {
  it('renders ANSI colours as styled text and never shows the codes', () => {
    const { container } = render(<LogMessage message={`[${ESC}[34mtime${ESC}[0m] ${ESC}[1;31mERROR${ESC}[0m - boom`} needle="" />)
    expect(container).toHaveTextContent('[time] ERROR - boom')
    expect(container.textContent).not.toContain('\u001b')
    expect(screen.getByText('time')).toHaveClass('text-info')
    const error = screen.getByText('ERROR')
    expect(error).toHaveClass('text-danger')
    expect(error).toHaveClass('font-bold')
  })

  it('shows hostile HTML in a message as text', () => {
    const hostile = 'DAG <img src=x onerror=alert(1)> task <script>alert(1)</script>'
    const { container } = render(<LogMessage message={`${ESC}[31m${hostile}${ESC}[0m`} needle="script" />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('script')).toBeNull()
    expect(container).toHaveTextContent(hostile)
    expect(container.querySelectorAll('mark')).toHaveLength(2)
  })

  it('keeps a multi-line record together, with its line breaks', () => {
    const traceback = 'Task failed\nTraceback (most recent call last):\n  File "dag.py", line 3\nValueError: bad'
    const { container } = render(<LogMessage message={traceback} needle="" />)
    const block = container.firstElementChild
    expect(block).toHaveClass('whitespace-pre-wrap')
    expect(block?.textContent).toBe(traceback)
  })

  it('marks every match of the search, case-insensitively, across colour changes', () => {
    const { container } = render(<LogMessage message={`${ESC}[31mERR${ESC}[0mOR then error`} needle="error" />)
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent)
    expect(marks).toEqual(['ERR', 'OR', 'error'])
  })
})

describe('LogLine', () => {
  it('shows time, component and level, and offers copy and a permalink', async () => {
    const user = userEvent.setup()
    const onCopy = vi.fn()
    const onSelect = vi.fn()
    render(
      <div role="list">
        <div role="listitem">
          <LogLine record={record('a warning', 'WARN')} needle="" selected current={false} permalink="/logs?line=r-1" onCopy={onCopy} onSelect={onSelect} />
        </div>
      </div>,
    )
    const row = screen.getByRole('listitem')
    expect(within(row).getByText('Scheduler')).toBeInTheDocument()
    expect(within(row).getByText('WARNING')).toHaveClass('text-warning')
    await user.click(within(row).getByRole('button', { name: /Copy the record of/ }))
    expect(onCopy).toHaveBeenCalledWith(expect.objectContaining({ id: 'r-1' }))
    const link = within(row).getByRole('link', { name: /Link to the record of/ })
    expect(link).toHaveAttribute('href', '/logs?line=r-1')
    expect(link).toHaveAttribute('aria-current', 'true')
    await user.click(link)
    expect(onSelect).toHaveBeenCalled()
  })
})

describe('formatLogTime', () => {
  it('gives the time of day in the browser’s zone to the millisecond, midnight as 00', () => {
    expect(formatLogTime(new Date(2024, 4, 1, 0, 5, 9, 7).toISOString())).toBe('00:05:09.007')
    expect(formatLogTime(new Date(2024, 4, 1, 23, 59, 59, 999).toISOString())).toBe('23:59:59.999')
  })

  it('shows an unreadable timestamp as it came', () => {
    expect(formatLogTime('yesterday')).toBe('yesterday')
  })
})
