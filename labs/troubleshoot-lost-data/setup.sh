#!/bin/sh
# Really loses the leaderboard, as the team did: Redis with its append-only file on, run
# with --rm and no volume, so its /data is an anonymous volume that `docker stop` deletes
# together with the container. Runs in the workstation, in the workspace.
set -eu
NAME=scores
TOP_PLAYER=${{ top_player }}
TOP_SCORE=${{ top_score }}

# The export the team took before the maintenance: redis-cli commands, one per line.
cat > leaderboard-export.txt <<EXPORT
DEL leaderboard
ZADD leaderboard $TOP_SCORE $TOP_PLAYER
ZADD leaderboard 4610 tomas
ZADD leaderboard 4388 ines
ZADD leaderboard 4102 kofi
ZADD leaderboard 3957 aiko
ZADD leaderboard 3720 lena
ZADD leaderboard 3391 pavel
ZADD leaderboard 3015 noor
ZADD leaderboard 2874 diego
ZADD leaderboard 2530 maeve
ZADD leaderboard 2211 ravi
ZADD leaderboard 1986 sofia
EXPORT

start() {
  docker run --detach --rm --name "$NAME" redis redis-server --appendonly yes >/dev/null
  for _ in $(seq 1 60); do
    [ "$(docker exec "$NAME" redis-cli ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.5
  done
  echo "setup: redis did not answer" >&2
  exit 1
}

start
docker exec -i "$NAME" redis-cli < leaderboard-export.txt >/dev/null
# The maintenance: stop, which with --rm removes the container and its anonymous volume...
docker stop "$NAME" >/dev/null
for _ in $(seq 1 60); do
  docker container inspect "$NAME" >/dev/null 2>&1 || break
  sleep 0.5
done
# ...and start again the same way, on a new, empty anonymous volume.
start
[ "$(docker exec "$NAME" redis-cli zcard leaderboard)" = 0 ]
