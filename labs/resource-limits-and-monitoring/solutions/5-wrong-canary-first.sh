#!/bin/sh
# The canary ran before the bomb, so it proves nothing about an engine under attack.
docker run --name canary busybox echo "the engine still starts containers"
docker run --detach --name bomb --pids-limit 64 --memory 64m --cpus 0.5 busybox \
  sh -c 'bomb() { bomb | bomb & }; bomb; exec sleep 120'
for _ in $(seq 1 60); do
  docker logs bomb 2>&1 | grep -q "fork" && break
  sleep 0.5
done
