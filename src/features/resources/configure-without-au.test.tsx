import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useTestBackend } from '@/testing/backend'
import { renderApp } from '@/testing/render-app'
import { sentence } from '@/testing/text'
import { SEED_IDS } from '../../../mocks/houston/seed'

// The platform turns Astronomer Units off (the fake backend's auEnabled option).
const backend = useTestBackend({ auEnabled: false })

describe('the configure screen on a platform without AU', () => {
  it('offers no AU anywhere: CPU and memory controls, totals and quota in CPU and memory', async () => {
    renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}/deployments/${SEED_IDS.customerEtl}/configure`, token: await backend.as('editor@example.com') })
    await screen.findByRole('heading', { level: 1, name: 'Customer ETL: resources' }, { timeout: 8000 })
    expect(screen.queryByRole('radio', { name: /Astronomer Units/ })).not.toBeInTheDocument()
    expect(screen.getByText(/This platform sizes deployments in CPU and memory/)).toBeInTheDocument()
    expect(screen.queryByRole('slider', { name: /AU$/ })).not.toBeInTheDocument()
    expect(screen.getByRole('spinbutton', { name: 'Workers CPU' })).toHaveValue(1)
    const totals = screen.getByRole('region', { name: 'Totals' })
    expect(within(totals).queryByRole('row', { name: /Total AU/ })).not.toBeInTheDocument()
    expect(within(totals).getByRole('row', { name: 'CPU 4.8 CPU' })).toBeInTheDocument()
    expect(within(totals).getByText('25 CPU')).toBeInTheDocument()
    expect(within(totals).getByText('18.7 CPU (6.3 CPU left)')).toBeInTheDocument()
    const text = screen.getByRole('main').textContent
    expect(text.match(/.{60}(\bAU\b|Astronomer Unit).{30}/g) ?? []).toEqual([])
    expect(screen.queryByRole('button', { name: /^Small/ })).toHaveTextContent(/CPU/)
  })

  it('breaks the workspace use down in CPU and memory', async () => {
    renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}`, token: await backend.as('viewer@example.com') })
    const section = await screen.findByRole('region', { name: 'CPU and memory by deployment' })
    expect(within(section).getByText(sentence('Data Platform uses 18.7 CPU of 25 CPU and 70.13 GiB of 93.75 GiB.'))).toBeInTheDocument()
    expect(within(section).getByRole('row', { name: 'Customer ETL 4.8 CPU 18 GiB' })).toBeInTheDocument()
  })

  it('shows the workspace quota in CPU and memory, with no AU on the overview', async () => {
    renderApp({ route: `/workspaces/${SEED_IDS.dataPlatform}`, token: await backend.as('viewer@example.com') })
    const cpu = await screen.findByRole('meter', { name: 'CPU quota used' })
    expect(cpu).toHaveAttribute('aria-valuetext', '18.7 CPU of 25 CPU used')
    expect(screen.getByRole('meter', { name: 'Memory quota used' })).toHaveAttribute('aria-valuetext', '70.13 GiB of 93.75 GiB used')
    expect(screen.queryByRole('meter', { name: 'AU quota used' })).not.toBeInTheDocument()
    const quota = screen.getByRole('region', { name: 'Quota' })
    expect(quota.textContent).not.toMatch(/\bAU\b/)
  })
})
