import { editorDeploymentLifecycle } from '../journeys/deployment-lifecycle'
import { MOCK_API_URL } from '../support/environment'
import { expect, signInAs, test } from '../support/fixtures'

test('the console signs in over real HTTP to the mock API', async ({ page }) => {
  const authorized = page.waitForRequest((request) => request.url().startsWith(`${MOCK_API_URL}/v1`) && 'authorization' in request.headers())
  await signInAs(page, 'admin@example.com')
  expect((await authorized).headers()['authorization']).toMatch(/^Bearer \S+$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
  // The token never travels in a URL.
  expect(page.url()).not.toMatch(/token/i)
})

test('an editor runs the deployment lifecycle against the Node server', async ({ page }) => {
  test.setTimeout(90_000)
  await editorDeploymentLifecycle(page, 'Finance Exports')
})
