#!/bin/sh
# Give the data to the user the new image runs as (uid ${{ app_uid }}), with a throwaway root
# container, then start notes again. Nothing else changes: same image, same volume.
set -eu
docker run --rm --volume ${{ volume }}:/data busybox chown -R ${{ app_uid }}:${{ app_uid }} /data
docker start notes
