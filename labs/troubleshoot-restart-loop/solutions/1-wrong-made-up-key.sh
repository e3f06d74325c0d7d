#!/bin/sh
# Set the variable to anything: it is set now, but the provider refuses the key.
docker rm --force quotes
docker run --detach --name quotes --restart unless-stopped -e QUOTES_API_KEY=changeme \
  --publish 8080:8080 slipway/quotes
# Wait until the app has failed inside it.
for _ in $(seq 1 40); do
  docker logs quotes 2>&1 | grep -q "was refused" && break
  sleep 0.25
done
