#!/bin/sh
# The same fix without rebuilding: a corrected settings file bound over the image's copy.
# The workspace is shared with the engine, so a bind of a file under it is allowed.
set -eu
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}
APP_PORT=${{ app_port }}

sed -i "s/^listen = .*/listen = 0.0.0.0:$APP_PORT/" shop/settings.ini
docker rm --force "$NAME" >/dev/null
docker container run --detach --name "$NAME" --publish "$HOST_PORT:$APP_PORT" \
  --mount "type=bind,source=$PWD/shop/settings.ini,target=/app/settings.ini,readonly" \
  "$IMAGE" >/dev/null
