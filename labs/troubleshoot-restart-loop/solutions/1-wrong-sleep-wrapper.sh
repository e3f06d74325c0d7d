#!/bin/sh
# Keep the container "up" whatever the app does: running, and serving nothing.
docker rm --force quotes
docker run --detach --name quotes --restart unless-stopped --publish ${{ port }}:8080 slipway/quotes \
  sh -c 'python -u app.py; sleep infinity'
# Wait until the app has failed inside it.
for _ in $(seq 1 40); do
  docker logs quotes 2>&1 | grep -q "is not set" && break
  sleep 0.25
done
