// The hostile seed (mocks/houston/seed-hostile.ts) on task usage: deployment
// names made of markup show as text, a long one cut short whole in a title.
import { screen, within } from '@testing-library/react'
import { expect, it } from 'vitest'
import { HOSTILE } from '../../../mocks/hostile'
import { SEED_IDS } from '../../../mocks/houston/seed'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'

const backend = useTestBackend({ seed: 'hostile' })

it("lists a workspace's deployments by names made of markup, long ones whole in a title", async () => {
  const { container } = renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}/task-usage`, token: await backend.as('admin@example.com') })
  const table = await screen.findByRole('table')
  const longLabel = HOSTILE.unbroken.slice(0, 100)
  expect(await within(table).findByRole('link', { name: longLabel })).toHaveAttribute('title', longLabel)
  expect(within(table).getByRole('link', { name: HOSTILE.script })).toHaveAttribute('title', HOSTILE.script)
  expect(container.querySelectorAll('script, img, [onerror], [onload]')).toHaveLength(0)
})
