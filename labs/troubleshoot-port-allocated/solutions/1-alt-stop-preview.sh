#!/bin/sh
# Stopping the preview is enough to free the port, and recreating the service is as good as
# starting the created one.
set -eu
SERVICE=tides
IMAGE=slipway/tides
PORT=${{ port }}

docker stop "$(docker ps --quiet --filter "publish=$PORT")" >/dev/null
docker rm "$SERVICE" >/dev/null
docker container run --detach --name "$SERVICE" --publish "$PORT:80" "$IMAGE" >/dev/null
