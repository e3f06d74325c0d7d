#!/bin/sh
# Builds the broken state: the shop stack started with a plain depends_on. Compose starts
# db first but does not wait for it to be ready, so the api finds port 7000 closed, stops
# with exit code 1, and nothing brings it back. A real race, lost every time: the db needs
# seconds of key derivation before it listens, the api checks at once.
set -eu
project=shop
cd "$project"
docker-compose build >/dev/null 2>&1
docker-compose up -d >/dev/null 2>&1

for _ in $(seq 1 120); do
  [ "$(docker inspect --format '{{.State.Status}}' "${project}_api_1" 2>/dev/null)" = exited ] && exit 0
  sleep 0.5
done
echo "setup: the api did not stop as expected" >&2
exit 1
