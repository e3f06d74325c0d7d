#!/bin/sh
# Another fair fix: run notes as the uid that already owns the data (${{ old_uid }}), leaving the
# data as it is.
set -eu
docker rm --force notes
docker container run --detach --name notes --user ${{ old_uid }}:${{ old_uid }} \
  --mount type=volume,source=${{ volume }},target=/data slipway/notes
