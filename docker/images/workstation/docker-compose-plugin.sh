#!/bin/sh
# Docker CLI plugin shim: makes `docker compose …` run Debian's Compose v1 (`docker-compose …`).
if [ "${1:-}" = "docker-cli-plugin-metadata" ]; then
  echo '{"SchemaVersion":"0.1.0","Vendor":"Slipway","Version":"1.29.2","ShortDescription":"Docker Compose (v1)"}'
  exit 0
fi
shift # the CLI passes the plugin name first
exec docker-compose "$@"
