import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { createAppNavigator } from '@/app/router'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RuntimeConfig } from '@/lib/runtime-config'
import { RuntimeConfigProvider } from '@/lib/runtime-config-context'
import { DeploymentEmbeds, embedUrl } from './embeds'

function renderEmbeds(templates: Partial<RuntimeConfig>) {
  const config = resolveConfig({ graphqlUrl: null, graphqlWsUrl: null, metricsUrl: null, grafanaUrlTemplate: null, kibanaUrlTemplate: null, ...templates }, 'http://localhost')
  const { navigator: router, NavigatorBridge } = createAppNavigator()
  const view = render(
    <RuntimeConfigProvider config={config}>
      <MemoryRouter initialEntries={['/d']}>
        <DeploymentEmbeds workspaceId="w1" deploymentId="d1" releaseName="lunar-orbit-1234" />
        <NavigatorBridge />
      </MemoryRouter>
    </RuntimeConfigProvider>,
  )
  return { ...view, router }
}

describe('DeploymentEmbeds', () => {
  it('renders nothing at all without templates', () => {
    const { container } = renderEmbeds({})
    expect(container).toBeEmptyDOMElement()
  })

  it('links to Grafana and Kibana for this deployment and embeds one in a titled, sandboxed frame', async () => {
    const user = userEvent.setup()
    const { router } = renderEmbeds({
      grafanaUrlTemplate: 'https://grafana.example.com/d/airflow?var-deployment={releaseName}',
      kibanaUrlTemplate: 'https://kibana.example.com/app/discover#/?query=release:{releaseName}',
    })
    expect(screen.getByRole('link', { name: /Open in Grafana/ })).toHaveAttribute('href', 'https://grafana.example.com/d/airflow?var-deployment=lunar-orbit-1234')
    expect(screen.getByRole('link', { name: /Open in Kibana/ })).toHaveAttribute('href', 'https://kibana.example.com/app/discover#/?query=release:lunar-orbit-1234')
    expect(screen.queryByTitle(/Grafana/)).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show Grafana here' }))
    const frame = screen.getByTitle('Grafana metrics dashboard for lunar-orbit-1234')
    expect(frame).toHaveAttribute('sandbox', expect.stringContaining('allow-scripts'))
    expect(router.state.location.search).toBe('?embed=grafana')
    await user.click(screen.getByRole('button', { name: 'Hide Grafana' }))
    expect(screen.queryByTitle(/Grafana/)).not.toBeInTheDocument()
  })

  it.each([
    ['javascript:alert(1)//{releaseName}', null],
    ['not a url', null],
    ['https://g.example.com/?r={releaseName}&d={deploymentId}', 'https://g.example.com/?r=r%2F1&d=d1'],
  ])('embedUrl(%s)', (template, expected) => {
    expect(embedUrl(template, { releaseName: 'r/1', deploymentId: 'd1' })).toBe(expected)
  })
})
