#!/bin/sh
# Without -v, down keeps the named volumes, and the note comes back.
cd shop
docker compose down
docker compose up -d
for _ in $(seq 60); do curl -sf localhost:8080/api/ && break; sleep 1; done
