#!/usr/bin/env bash
# Renders deploy/nginx.conf.template into PREFIX and prints the command that runs it.
#   LISTEN=0.0.0.0:8080 ROOT=/srv/console CONNECT_SRC="https://houston.example.com wss://houston.example.com" \
#   FRAME_SRC="https://grafana.example.com" PREFIX=/var/lib/console-nginx deploy/render-nginx.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${LISTEN:=127.0.0.1:8080}" "${ROOT:?ROOT must name the built console (dist/)}" "${PREFIX:?PREFIX must name a writable directory}"
: "${CONNECT_SRC:=}" "${FRAME_SRC:='none'}"
mkdir -p "$PREFIX"
render() {
  sed -e "s|@@LISTEN@@|$LISTEN|g" -e "s|@@ROOT@@|$ROOT|g" -e "s|@@PREFIX@@|$PREFIX|g" \
      -e "s|@@CONNECT_SRC@@|$CONNECT_SRC|g" -e "s|@@FRAME_SRC@@|$FRAME_SRC|g" "$1"
}
render "$here/nginx.conf.template" > "$PREFIX/nginx.conf"
render "$here/security-headers.conf.template" > "$PREFIX/security-headers.conf"
echo "nginx -p $PREFIX -c $PREFIX/nginx.conf"
