import { MOCK_API_URL } from '../support/environment'
import { expect, test } from '../support/fixtures'

test('the mock API answers GraphQL over HTTP', async ({ request }) => {
  const response = await request.post(`${MOCK_API_URL}/v1`, {
    data: { query: '{ authConfig { localEnabled } }' },
  })

  expect(response.status()).toBe(200)
  const body: unknown = await response.json()
  expect(body).toMatchObject({ data: { authConfig: { localEnabled: true } } })
  expect(body).not.toHaveProperty('errors')
})
