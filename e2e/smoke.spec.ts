import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

test('the sign-in page renders with no serious accessibility violation', async ({ page }) => {
  await page.goto('/sign-in')

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect(page.getByLabel('Email', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
