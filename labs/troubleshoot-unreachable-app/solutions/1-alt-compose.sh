#!/bin/sh
# The same fix described in Compose: the image rebuilt from the corrected settings, the
# container recreated with the same name and mapping.
set -eu
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}
APP_PORT=${{ app_port }}

sed -i "s/^listen = .*/listen = 0.0.0.0:$APP_PORT/" shop/settings.ini
cat > compose.yaml <<YAML
services:
  shop:
    build: ./shop
    image: $IMAGE
    container_name: $NAME
    ports:
      - "$HOST_PORT:$APP_PORT"
YAML
docker rm --force "$NAME" >/dev/null
docker compose up --detach --build
