#!/bin/sh
# Stop the service "to be safe", prune, start it again: redis could not save before it
# stopped, so what it held only in memory is gone.
docker stop ledger
docker system prune --all --force
docker run --detach --name ledger --restart unless-stopped --volume ledger-data:/data redis redis-server --save 1 1
for _ in $(seq 1 40); do docker exec ledger redis-cli ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
