// Ports of the real-Prometheus e2e run, shared by its config and its spec.
export const PROMETHEUS_PORT = Number(process.env.E2E_PROMETHEUS_PORT ?? 9390)
export const EXPORTER_PORT = Number(process.env.E2E_EXPORTER_PORT ?? 9391)
export const PROM_PREVIEW_PORT = Number(process.env.E2E_PROM_PREVIEW_PORT ?? 4183)
export const PROMETHEUS_URL = `http://127.0.0.1:${PROMETHEUS_PORT}`
export const EXPORTER_URL = `http://127.0.0.1:${EXPORTER_PORT}`
export const PROM_PREVIEW_URL = `http://127.0.0.1:${PROM_PREVIEW_PORT}`
