#!/bin/sh
# A named volume, but the append-only file switched off: the restored scores sit in memory
# until Redis next takes a snapshot, so a crash or `docker rm -f` now would lose them.
NAME=scores

docker rm --force "$NAME" >/dev/null
docker run --detach --rm --name "$NAME" --volume scores-data:/data redis >/dev/null
for _ in $(seq 1 60); do
  [ "$(docker exec "$NAME" redis-cli ping 2>/dev/null)" = PONG ] && break
  sleep 0.5
done
docker exec -i "$NAME" redis-cli < leaderboard-export.txt >/dev/null
