#!/bin/sh
# Tell Compose what "ready" means (a healthcheck on db) and make api wait for it, then
# prove it from cold.
set -eu
cd shop
cat > docker-compose.yml <<'YAML'
# The shop: an api in front of its inventory database.
services:
  db:
    build: db
    healthcheck:
      test: ["CMD", "db-ping"]
      interval: 1s
      timeout: 3s
      retries: 60
  api:
    build: api
    ports:
      - "8000:8000"
    depends_on:
      db:
        condition: service_healthy
YAML
docker-compose down
docker-compose up -d
for _ in $(seq 1 60); do curl -sf localhost:8000/ >/dev/null && exit 0; sleep 0.5; done
