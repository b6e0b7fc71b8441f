import { ApolloClient, ApolloLink, gql, InMemoryCache, type TypedDocumentNode } from '@apollo/client'
import { ApolloProvider, useQuery } from '@apollo/client/react'
import { act, render, screen } from '@testing-library/react'
import { Observable } from 'rxjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OfflineBanner } from './offline-banner'

const GREETING: TypedDocumentNode<{ greeting: string }> = gql`
  query Greeting {
    greeting
  }
`

/** A client whose server answers "hello 1", "hello 2"… and counts the requests. */
function countingClient() {
  let requests = 0
  const link = new ApolloLink(
    () =>
      new Observable((observer) => {
        requests++
        observer.next({ data: { greeting: `hello ${requests}` } })
        observer.complete()
      }),
  )
  const client = new ApolloClient({ link, cache: new InMemoryCache() })
  return { client, requests: () => requests }
}

function Greeting() {
  const { data } = useQuery(GREETING)
  return <p>{data?.greeting ?? 'loading'}</p>
}

function goOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'))
  })
}

describe('OfflineBanner', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('says the browser is offline, and once back online hides and refreshes what is on the screen', async () => {
    const { client, requests } = countingClient()
    render(
      <ApolloProvider client={client}>
        <OfflineBanner />
        <Greeting />
      </ApolloProvider>,
    )
    expect(await screen.findByText('hello 1')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('')

    goOnline(false)
    expect(screen.getByRole('status')).toHaveTextContent(/You are offline\..*reconnects by itself/)
    expect(requests()).toBe(1)

    goOnline(true)
    expect(screen.getByRole('status')).toHaveTextContent('')
    expect(await screen.findByText('hello 2')).toBeInTheDocument()
    expect(requests()).toBe(2)
  })
})
