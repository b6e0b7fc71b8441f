import { useState, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

interface Props {
  /** The value the page has (the URL's). */
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
  className?: string
  children: ReactNode
}

/**
 * A checkbox bound to state that lands a moment later, such as a search param:
 * it shows the reader's click at once, even while a busy page re-renders, and
 * follows the page's value whenever that changes (back button, a link).
 */
export function UrlCheckbox({ checked, onChange, disabled, className, children }: Props) {
  const [shown, setShown] = useState(checked)
  const [lastChecked, setLastChecked] = useState(checked)
  if (lastChecked !== checked) {
    setLastChecked(checked)
    setShown(checked)
  }
  return (
    <label className={cn('flex items-center gap-2 text-sm', className)}>
      <input
        type="checkbox"
        checked={shown}
        disabled={disabled}
        onChange={(event) => {
          setShown(event.target.checked)
          onChange(event.target.checked)
        }}
      />
      {children}
    </label>
  )
}
