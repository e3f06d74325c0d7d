#!/bin/sh
# Recreate quotes with its env file: same image, same name, same restart policy and port.
set -eu
docker rm --force quotes
docker run --detach --name quotes --restart unless-stopped --env-file quotes/quotes.env \
  --publish ${{ port }}:8080 slipway/quotes
for _ in $(seq 1 40); do curl -sf localhost:${{ port }}/ >/dev/null && exit 0; sleep 0.25; done
