import { z } from 'zod'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/cn'
import { fillUrlTemplate } from '@/lib/runtime-config'
import { useRuntimeConfig } from '@/lib/runtime-config-context'
import { useSearchState } from '@/lib/search-params'

type Tool = 'grafana' | 'kibana'

const TOOLS: Record<Tool, { name: string; what: string }> = {
  grafana: { name: 'Grafana', what: 'metrics dashboard' },
  kibana: { name: 'Kibana', what: 'log search' },
}

const embedSchema = z.object({ embed: z.enum(['grafana', 'kibana']).optional().catch(undefined) })

/** An operator's URL template filled for this deployment; null unless it makes an http(s) URL. */
export function embedUrl(template: string | null, values: Record<string, string>): string | null {
  if (!template) return null
  const filled = fillUrlTemplate(template, values)
  try {
    const url = new URL(filled)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}

export interface DeploymentEmbedsProps {
  workspaceId: string
  deploymentId: string
  releaseName: string
  /** Show one tool only (the logs page offers Kibana, the metrics page Grafana). */
  only?: Tool
  /** Spacing for where it sits; nothing at all renders without templates. */
  className?: string
}

/**
 * Links to the platform's Grafana and Kibana for this deployment, and the
 * choice to show them embedded here, when the runtime config names their URL
 * templates. Without templates it renders nothing at all.
 */
export function DeploymentEmbeds({ workspaceId, deploymentId, releaseName, only, className }: DeploymentEmbedsProps) {
  const config = useRuntimeConfig()
  const [search, setSearch] = useSearchState(embedSchema)
  const values = { releaseName, deploymentId, workspaceId }
  const urls: Record<Tool, string | null> = {
    grafana: embedUrl(config.grafanaUrlTemplate, values),
    kibana: embedUrl(config.kibanaUrlTemplate, values),
  }
  const tools = (Object.keys(TOOLS) as Tool[]).filter((t) => urls[t] !== null && (!only || only === t))
  if (tools.length === 0) return null
  const shown = search.embed && tools.includes(search.embed) ? search.embed : null
  const shownUrl = shown ? urls[shown] : null

  return (
    <section aria-label="Dashboards" className={cn('rounded-lg border border-border bg-surface p-4', className)}>
      <div className="flex flex-wrap items-center gap-3">
        {tools.map((tool) => (
          <div key={tool} className="flex flex-wrap items-center gap-2">
            <a href={urls[tool] ?? undefined} target="_blank" rel="noreferrer noopener" className="text-accent underline underline-offset-2">
              Open in {TOOLS[tool].name}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
            <Button size="sm" aria-pressed={shown === tool} onClick={() => setSearch({ embed: shown === tool ? undefined : tool })}>
              {shown === tool ? `Hide ${TOOLS[tool].name}` : `Show ${TOOLS[tool].name} here`}
            </Button>
          </div>
        ))}
      </div>
      {shown && shownUrl ? (
        <iframe
          key={shownUrl}
          src={shownUrl}
          title={`${TOOLS[shown].name} ${TOOLS[shown].what} for ${releaseName}`}
          className="mt-3 h-[70vh] min-h-96 w-full rounded-md border border-border bg-surface"
          sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          loading="lazy"
        />
      ) : null}
    </section>
  )
}
