#!/bin/sh
set -eu
docker image inspect --format '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' nginx
docker run --name version nginx nginx -v
