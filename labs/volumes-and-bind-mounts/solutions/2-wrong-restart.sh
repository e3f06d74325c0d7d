#!/bin/sh
# A restart keeps the same container (and its writable layer): it proves nothing about volumes.
docker restart db
for _ in $(seq 120); do docker exec db pg_isready --host localhost --quiet && break; sleep 1; done
