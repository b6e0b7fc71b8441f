#!/usr/bin/env bash
# Serves the production build with Debian's nginx and deploy/'s configuration,
# talking to the mock API as a real deployment would (config.json on disk).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${E2E_DIST:=dist}" "${E2E_NGINX_PORT:=4180}" "${E2E_MOCK_API_PORT:=8871}"
command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install -y nginx" >&2; exit 1; }
test -f "$E2E_DIST/index.html" || { echo "No build in $E2E_DIST/: run npm run build" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$E2E_DIST" "$work/root"
api="127.0.0.1:$E2E_MOCK_API_PORT"
cat > "$work/root/config.json" <<JSON
{ "graphqlUrl": "http://$api/v1", "graphqlWsUrl": "ws://$api/ws", "metricsUrl": "http://$api",
  "grafanaUrlTemplate": null, "kibanaUrlTemplate": null }
JSON
# nginx's workers drop root privileges: let them read the copy.
chmod -R a+rX "$work"
LISTEN="127.0.0.1:$E2E_NGINX_PORT" ROOT="$work/root" PREFIX="$work/prefix" \
  CONNECT_SRC="http://$api ws://$api" deploy/render-nginx.sh >/dev/null
nginx -p "$work/prefix" -c "$work/prefix/nginx.conf" &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT INT TERM
wait "$pid"
