// A tiny exporter that a real Prometheus can scrape: `/metrics` in the text
// exposition format, for a few seeded releases, with the same series the fake
// query API serves (./model.ts), so counters advance and gauges move with
// the clock.
//
//   tsx mocks/prometheus/exporter.ts   # 127.0.0.1:$EXPORTER_PORT (default 9112)
//   EXPORTER_RELEASES=a-b-0001,c-d-0002 tsx mocks/prometheus/exporter.ts
//
// By default it exports the deployments of the fake Houston's demo seed (the
// same releases `npm run mock-api` serves), sized as the seed sizes them.
import { createServer, type Server } from 'node:http'
import { pathToFileURL } from 'node:url'
import { formatSampleValue } from './index'
import { createHouston } from '../houston'
import { readSdl } from '../sdl'
import { prometheusOptionsFor } from '../transport'
import { METRICS, releaseSeries, seededProfile, type ProfileLookup } from './model'

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')

/** The exposition text for `releases` at `nowMs`. */
export function renderMetrics(releases: readonly string[], nowMs: number, profile?: ProfileLookup): string {
  const t = nowMs / 1000
  const lines: string[] = []
  const all = releases.flatMap((r) => releaseSeries(r, profile?.(r) ?? seededProfile(r)))
  for (const metric of METRICS) {
    const series = all.filter((s) => s.metric === metric.name)
    if (series.length === 0) continue
    lines.push(`# HELP ${metric.name} ${escapeHelp(metric.help)}`, `# TYPE ${metric.name} ${metric.kind}`)
    for (const s of series) {
      const labels = Object.entries(s.labels)
        .filter(([k]) => k !== '__name__')
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',')
      lines.push(`${metric.name}{${labels}} ${formatSampleValue(s.at(t))}`)
    }
  }
  return `${lines.join('\n')}\n`
}

export interface ExporterOptions {
  host?: string
  port?: number
  /** Default: the demo seed's deployments. */
  releases?: readonly string[]
  profile?: ProfileLookup
  now?: () => number
}

/** The releases of the fake Houston's demo seed, with their sizes. */
export function demoReleases(): { releases: string[]; profile: ProfileLookup } {
  const prom = prometheusOptionsFor(createHouston({ sdl: readSdl(), seed: 'demo' }))
  return { releases: [...(prom.releases?.() ?? [])], profile: prom.profile ?? seededProfile }
}

/** Starts the exporter; resolves once it listens. */
export function startExporter(options: ExporterOptions = {}): Promise<Server> {
  const demo = options.releases ? null : demoReleases()
  const releases = options.releases ?? demo?.releases ?? []
  const profile = options.profile ?? demo?.profile
  const now = options.now ?? Date.now
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : renderMetrics(releases, now(), profile))
      return
    }
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end('<html><head><title>Fake Airflow exporter</title></head><body><a href="/metrics">Metrics</a></body></html>\n')
      return
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n')
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 9112, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href

if (invokedDirectly) {
  const port = Number(process.env.EXPORTER_PORT ?? 9112)
  const releases = (process.env.EXPORTER_RELEASES ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
  const server = await startExporter({ port, ...(releases.length > 0 ? { releases } : {}) })
  console.log(`Fake Airflow exporter listening on http://127.0.0.1:${port}/metrics`)
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
