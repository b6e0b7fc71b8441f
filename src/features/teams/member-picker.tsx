import { skipToken, useQuery } from '@apollo/client/react'
import { useEffect, useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/field'
import { primaryAddress } from '@/features/people'
import { TeamUserSearchQuery } from './operations'
import { memberName } from './team-rows'

export interface PickedMember {
  id: string
  username: string
  fullName: string | null
  emails: readonly { address: string; primary: boolean }[]
}

const SEARCH_DELAY_MS = 250

interface Props {
  members: readonly PickedMember[]
  onChange: (members: PickedMember[]) => void
  error?: string | undefined
}

/** Finds people by name or email and adds them to a list; each added person can be taken off again. */
export function MemberPicker({ members, onChange, error }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  const [search, setSearch] = useState('')
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [text])
  const { data, loading } = useQuery(TeamUserSearchQuery, search.length >= 2 ? { variables: { search } } : skipToken)
  const found = (search.length >= 2 ? (data?.users ?? []) : []).filter((u) => !members.some((m) => m.id === u.id))

  return (
    <div className="space-y-2">
      <div>
        <span id={`${id}-label`} className="block text-sm font-medium">
          Members ({members.length})
        </span>
        {members.length ? (
          <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby={`${id}-label`}>
            {members.map((m) => (
              <li key={m.id} className="flex items-center gap-1 rounded-full border border-border-strong py-0.5 pl-2.5 pr-1 text-sm">
                <span>{memberName(m)}</span>
                <Button size="sm" variant="ghost" className="px-1.5 py-0" aria-label={`Take ${memberName(m)} off the team`} onClick={() => onChange(members.filter((x) => x.id !== m.id))}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-muted">Nobody yet.</p>
        )}
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-search`} className="block text-sm font-medium">
          Find people to add
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className={inputClasses}
          placeholder="Name or email, at least 2 characters"
          autoComplete="off"
          value={text}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {search.length >= 2 ? (
        <div aria-live="polite">
          {loading && !data ? (
            <p className="text-sm text-muted">Searching…</p>
          ) : found.length === 0 ? (
            <p className="text-sm text-muted">Nobody else matches “{search}”.</p>
          ) : (
            <ul className="space-y-1" aria-label="People found">
              {found.map((u) => (
                <li key={u.id} className="flex items-center justify-between gap-2 rounded-md border border-border px-2 py-1 text-sm">
                  <span className="min-w-0">
                    <span className="font-medium">{memberName(u)}</span>
                    <span className="block truncate text-xs text-muted">{primaryAddress(u)}</span>
                  </span>
                  <Button size="sm" aria-label={`Add ${memberName(u)}`} onClick={() => onChange([...members, u])}>
                    Add
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  )
}
