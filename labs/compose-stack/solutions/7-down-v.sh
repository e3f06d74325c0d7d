#!/bin/sh
set -eu
cd shop
docker compose down -v
docker compose up -d
for _ in $(seq 60); do curl -sf localhost:8080/api/ && break; sleep 1; done
