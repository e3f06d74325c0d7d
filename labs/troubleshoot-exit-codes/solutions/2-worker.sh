#!/bin/sh
# Give the worker a foreground loop so its main process never ends.
set -eu
cat > worker/Dockerfile <<'DOCKERFILE'
FROM busybox
CMD ["sh", "-c", "while true; do echo 'worker: checked the queue'; sleep 5; done"]
DOCKERFILE
docker build --quiet --tag slipway/worker worker
docker rm --force worker
docker run --detach --name worker slipway/worker
