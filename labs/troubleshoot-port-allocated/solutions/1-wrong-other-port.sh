#!/bin/sh
# Dodges the conflict by moving the service to another port: the page answers on 8081,
# but everything that expects the tide tables on 8080 still gets last week's preview.
SERVICE=tides
IMAGE=slipway/tides

docker rm "$SERVICE" >/dev/null
docker run --detach --name "$SERVICE" --publish 8081:80 "$IMAGE" >/dev/null
