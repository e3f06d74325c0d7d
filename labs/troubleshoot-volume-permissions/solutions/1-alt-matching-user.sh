#!/bin/sh
# Another fair fix: run notes as the uid that already owns the data (33), leaving the
# data as it is.
set -eu
docker rm --force notes
docker container run --detach --name notes --user 33:33 \
  --mount type=volume,source=notes-data,target=/data slipway/notes
