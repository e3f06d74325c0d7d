#!/bin/sh
# restart keeps the same containers: it says nothing about what `down` keeps.
cd shop
for _ in $(seq 60); do curl -sf localhost:8080/api/ && break; sleep 1; done
curl -sf -X POST localhost:8080/api/notes -d 'buy more basil'
docker compose restart
