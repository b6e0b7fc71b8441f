#!/usr/bin/env bash
# Starts Debian's Prometheus for the real-Prometheus e2e run, on 127.0.0.1 only,
# with its TSDB in a temporary directory that is removed when it stops.
#   PROMETHEUS_PORT (default 9390)  EXPORTER_PORT (default 9391)  CORS_ORIGIN (regex, default the preview origin)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prom_port="${PROMETHEUS_PORT:-9390}"
exporter_port="${EXPORTER_PORT:-9391}"
cors="${CORS_ORIGIN:-http://127\.0\.0\.1:[0-9]+}"
bin="${PROMETHEUS_BIN:-$(command -v prometheus || true)}"
if [ -z "$bin" ]; then
  echo "No prometheus binary: install Debian's package (apt-get install -y prometheus) or set PROMETHEUS_BIN." >&2
  exit 1
fi
dir="$(mktemp -d -t e2e-prometheus-XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 0' INT TERM
sed "s/__EXPORTER_PORT__/${exporter_port}/" "$here/prometheus.yml" > "$dir/prometheus.yml"
"$bin" \
  --config.file="$dir/prometheus.yml" \
  --storage.tsdb.path="$dir/data" \
  --storage.tsdb.retention.time=1h \
  --web.listen-address="127.0.0.1:${prom_port}" \
  --web.cors.origin="$cors" \
  --log.level=warn &
pid=$!
wait "$pid"
