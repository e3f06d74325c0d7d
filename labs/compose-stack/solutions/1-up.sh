#!/bin/sh
set -eu
cd shop
docker compose up -d
# What `docker compose logs api` shows, without starting Compose (seconds of Python) again.
docker logs shop_api_1
# The next step recreates db. Stopping PostgreSQL while its first start is still creating the
# database would leave a half-made one in the volume, so wait (bounded) until it is done: the
# temporary server of that first start listens on no TCP port, only the real one does.
for _ in $(seq 180); do
  docker exec shop_db_1 pg_isready -q --host localhost && exit 0
  sleep 1
done
echo "the database was not ready after 3 minutes" >&2
exit 1
