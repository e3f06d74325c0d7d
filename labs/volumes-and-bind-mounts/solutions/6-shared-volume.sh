#!/bin/sh
# --mount for the reader, -v for the writer: both spellings share the same volume.
set -eu
docker run -d --name web -p 8081:80 \
  --mount type=volume,source=site-data,target=/usr/share/nginx/html,readonly nginx
docker run -d --name clock -v site-data:/out busybox \
  sh -c 'while true; do date > /out/time.txt; sleep 1; done'
