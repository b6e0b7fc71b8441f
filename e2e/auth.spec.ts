import { expect, expectNoSeriousA11yViolations, signInAs, test } from './support/fixtures'

test.describe('signing in by role', () => {
  test('an admin signs in with a demo account and sees the whole shell', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2F/)
    await page.getByRole('button', { name: /Sign in as admin@example\.com/ }).click()
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'New deployment' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })

  test('an editor sees create controls but no admin section', async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'New deployment' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0)
  })

  test('a viewer sees the workspace without a control to change it', async ({ page }) => {
    await signInAs(page, 'viewer@example.com')
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
    await expect(page.getByRole('table')).toContainText('Customer ETL')
    await expect(page.getByRole('link', { name: 'New deployment' })).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)
  })

  test('nothing on the sign-in page moves while the rest of it loads, wide or narrow', async ({ page }) => {
    for (const size of [{ width: 1280, height: 720 }, { width: 375, height: 740 }]) {
      await page.setViewportSize(size)
      await page.goto('/sign-in')
      await expect(page.getByRole('region', { name: 'Demo accounts' })).toBeVisible()
      await expect(page.getByRole('region', { name: 'Or continue with' })).toBeVisible()
      // Every layout shift since the page opened, with what moved. The form, centred, once moved up as the
      // demo accounts arrived below it, and a click on "Sign in" in that moment landed elsewhere.
      const shifts = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const seen: string[] = []
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node: Node | null }[] })[]) {
                const moved = (entry.sources ?? []).map((source) => source.node?.textContent?.slice(0, 30) ?? '?')
                seen.push(`${entry.value.toFixed(4)}: ${moved.join(', ')}`)
              }
            }).observe({ type: 'layout-shift', buffered: true })
            setTimeout(() => resolve(seen), 300)
          }),
      )
      expect(shifts, `layout shifts at ${size.width} px`).toEqual([])
    }
  })

  test('a wrong password is refused with a message and the email kept', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByLabel('Email', { exact: true }).fill('viewer@example.com')
    await page.getByLabel('Password', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('alert')).toBeVisible()
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue('viewer@example.com')
    await expect(page).toHaveURL(/\/sign-in/)
  })
})

test.describe('session', () => {
  test('signing out clears the session and the next visit asks to sign in', async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
    expect(await page.evaluate(() => localStorage.getItem('console.session'))).toBeNull()
    await page.goto('/workspaces')
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fworkspaces/)
  })

  test('an expired session returns to sign-in and then to the page that was open', async ({ page }) => {
    await signInAs(page, 'viewer@example.com')
    await page.getByRole('link', { name: 'Customer ETL' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL' })).toBeVisible()
    const deploymentUrl = new URL(page.url()).pathname
    // The server forgets the token, as it does when a session expires.
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('console.session') ?? '{}') as Record<string, unknown>
      localStorage.setItem('console.session', JSON.stringify({ ...stored, token: 'expired-token' }))
    })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deployment settings' }).click()
    await expect(page.getByText('Your session expired')).toBeVisible()
    await expect(page).toHaveURL(/\/sign-in\?returnTo=/)
    await page.getByLabel('Email', { exact: true }).fill('viewer@example.com')
    await page.getByLabel('Password', { exact: true }).fill('demo')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${deploymentUrl}/settings$`))
    await expect(page.getByRole('heading', { level: 1, name: 'Customer ETL: settings' })).toBeVisible()
  })

  test('the return address after sign-in stays on this site', async ({ page, baseURL }) => {
    await page.goto('/sign-in?returnTo=' + encodeURIComponent('//evil.example.com/steal'))
    await page.getByRole('button', { name: /Sign in as viewer@example\.com/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin)
    expect(new URL(page.url()).pathname).toMatch(/^\/workspaces\//)
  })
})

test.describe('shell', () => {
  test('dark mode holds contrast', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await signInAs(page, 'admin@example.com')
    await expect(page.locator('html')).toHaveClass(/dark/)
    await expectNoSeriousA11yViolations(page)
  })

  test('in a narrow window the navigation opens from a menu button', async ({ page }) => {
    await signInAs(page, 'editor@example.com')
    await expect(page.getByRole('heading', { level: 1, name: 'Data Platform' })).toBeVisible()
    await page.setViewportSize({ width: 375, height: 740 })
    const menu = page.getByRole('button', { name: 'Menu', exact: true })
    await expect(menu).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
    await menu.click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All workspaces' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
    await expectNoSeriousA11yViolations(page)
  })

  test('unknown addresses and forbidden ones say what happened', async ({ page }) => {
    await signInAs(page, 'viewer@example.com')
    await page.goto('/no/such/page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await page.goto('/admin/users')
    await expect(page.getByRole('heading', { level: 1, name: "You don't have access" })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
