#!/bin/sh
# Makes `docker ps` look right: the preview, renamed to the service's name, holds the port,
# but it serves nginx's welcome page, not the tide tables.
SERVICE=tides
PORT=${{ port }}

docker rm "$SERVICE" >/dev/null
docker rename "$(docker ps --quiet --filter "publish=$PORT")" "$SERVICE"
