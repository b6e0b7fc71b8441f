import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors'
import { describe, expect, it } from 'vitest'
import { apiProblems, firstProblem, hasCode, isTransient } from './graphql-errors'

function serverError(status: number, bodyText: string): ServerError {
  return new ServerError(`Response not successful: Received status code ${status}`, { response: new Response(bodyText, { status }), bodyText })
}

const graphqlErrors = (...errors: { message: string; extensions?: Record<string, unknown> }[]) => new CombinedGraphQLErrors({ data: null, errors })

describe('apiProblems', () => {
  it('words a GraphQL error with the server’s message, its code and its field', () => {
    expect(apiProblems(graphqlErrors({ message: 'Name taken.', extensions: { code: 'BAD_USER_INPUT', field: 'label' } }))).toEqual([
      { code: 'BAD_USER_INPUT', message: 'Name taken.', field: 'label', extensions: { code: 'BAD_USER_INPUT', field: 'label' } },
    ])
    expect(firstProblem(graphqlErrors({ message: 'Houston is restarting.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }))).toMatchObject({
      code: 'UNKNOWN',
      message: 'Houston is restarting.',
    })
  })

  it('says the server answered with an HTTP error, not that it could not be reached', () => {
    const problem = firstProblem(serverError(500, 'upstream connect error'))
    expect(problem.code).toBe('NETWORK')
    expect(problem.message).toBe('The server answered with an error (HTTP 500). Try again in a moment.')
    expect(problem.message).not.toMatch(/could not be reached/)
  })

  it('uses the GraphQL errors a non-2xx answer carries in its body', () => {
    const body = JSON.stringify({ errors: [{ message: 'Your session has expired.', extensions: { code: 'UNAUTHENTICATED' } }, { nonsense: true }] })
    expect(apiProblems(serverError(401, body))).toEqual([{ code: 'UNAUTHENTICATED', message: 'Your session has expired.', extensions: { code: 'UNAUTHENTICATED' } }])
    expect(hasCode(serverError(401, body), 'UNAUTHENTICATED')).toBe(true)
    expect(firstProblem(serverError(502, '{"errors":"not a list"}')).message).toBe('The server answered with an error (HTTP 502). Try again in a moment.')
  })

  it('says an answer that is not JSON could not be read', () => {
    const error = new ServerParseError(new SyntaxError('Unexpected token <'), { response: new Response('<html>', { status: 200 }), bodyText: '<html>' })
    expect(firstProblem(error).message).toBe('The server’s answer could not be read (HTTP 200). Try again in a moment.')
  })

  it('says the server could not be reached when the request failed on the way', () => {
    expect(firstProblem(new TypeError('Failed to fetch')).message).toBe('The server could not be reached (Failed to fetch).')
    expect(firstProblem('nonsense').message).toBe('Something went wrong.')
  })
})

describe('isTransient', () => {
  it.each([
    ['a network failure', new TypeError('Failed to fetch'), true],
    ['HTTP 500', serverError(500, ''), true],
    ['HTTP 503', serverError(503, ''), true],
    ['HTTP 429', serverError(429, ''), true],
    ['HTTP 408', serverError(408, ''), true],
    ['HTTP 400', serverError(400, ''), false],
    ['HTTP 403', serverError(403, ''), false],
    ['a GraphQL error', graphqlErrors({ message: 'No.', extensions: { code: 'FORBIDDEN' } }), false],
    ['something that is not an error', 'nonsense', false],
  ])('%s: %s', (_name, error, transient) => {
    expect(isTransient(error)).toBe(transient)
  })
})
