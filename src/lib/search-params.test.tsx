import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, useLocation, useNavigate } from 'react-router'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useSearchState } from './search-params'

const schema = z.object({
  q: z.string().catch('').default(''),
  only: z.enum(['1']).optional().catch(undefined),
  page: z.coerce.number().int().positive().catch(1).default(1),
})

function setup(initial: string) {
  let location = { search: '' }
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>
  const hook = renderHook(
    () => {
      location = useLocation()
      return useSearchState(schema)
    },
    { wrapper },
  )
  return { hook, search: () => location.search }
}

describe('useSearchState', () => {
  it('falls back to defaults on bad input', () => {
    const { hook } = setup('/?page=-3&only=yes&q=etl')
    expect(hook.result.current[0]).toEqual({ q: 'etl', only: undefined, page: 1 })
  })

  it('keeps both of two changes made before the next render', () => {
    const { hook, search } = setup('/')
    act(() => {
      hook.result.current[1]({ q: 'ERROR' })
      hook.result.current[1]({ only: '1' })
    })
    expect(search()).toBe('?q=ERROR&only=1')
    expect(hook.result.current[0]).toEqual({ q: 'ERROR', only: '1', page: 1 })
  })

  it('drops a value that equals its default from the URL', () => {
    const { hook, search } = setup('/?page=3&q=x')
    act(() => hook.result.current[1]({ page: 1, q: '' }))
    expect(search()).toBe('')
  })

  it('shows a change before the router has caught up, and gives way to a navigation from elsewhere', async () => {
    let navigate: ReturnType<typeof useNavigate> = () => undefined
    const seen: string[] = []
    const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={['/?q=a']}>{children}</MemoryRouter>
    const hook = renderHook(
      () => {
        navigate = useNavigate()
        const result = useSearchState(schema)
        seen.push(`${result[0].q}@${useLocation().search}`)
        return result
      },
      { wrapper },
    )
    act(() => hook.result.current[1]({ q: 'ab' }))
    // One render with the new value and the old URL (the urgent one), then the URL's.
    expect(seen).toContain('ab@?q=a')
    expect(seen.at(-1)).toBe('ab@?q=ab')
    await act(async () => navigate('/?q=zzz'))
    expect(hook.result.current[0].q).toBe('zzz')
  })
})

