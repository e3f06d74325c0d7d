#!/bin/sh
# A preview container left running from last week holds the host port, so deploying the
# real service fails with "port is already allocated". Runs in the workstation.
set -eu
SERVICE=tides
IMAGE=slipway/tides
PORT=${{ port }}

# Last week's preview: stock nginx someone published on the port and forgot. Docker gave
# it a name of its own, as it does when you do not pick one.
docker run --detach --publish "$PORT:80" nginx >/dev/null

# Today's deploy: the container is created, but starting it fails on the port.
docker build --quiet --tag "$IMAGE" tides >/dev/null
if err=$(docker run --detach --name "$SERVICE" --publish "$PORT:80" "$IMAGE" 2>&1 >/dev/null); then
  echo "setup: $SERVICE started, but its port should have been taken" >&2
  exit 1
fi
case $err in
  *"already allocated"*) ;;
  *) echo "setup: $SERVICE failed for another reason: $err" >&2 && exit 1 ;;
esac
