#!/bin/sh
# The key passed as one variable, with `docker container run` and restart=always.
set -eu
. quotes/quotes.env
docker container rm --force quotes
docker container run -d --name quotes --restart=always -e QUOTES_API_KEY="$QUOTES_API_KEY" \
  -p 8080:8080 slipway/quotes
for _ in $(seq 1 40); do curl -sf localhost:8080/ >/dev/null && exit 0; sleep 0.25; done
