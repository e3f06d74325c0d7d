#!/bin/sh
# Both with -v, the writer started first: the volume is created by whichever comes first.
set -eu
docker run -d --name clock -v site-data:/out busybox \
  sh -c 'while true; do date > /out/time.txt; sleep 1; done'
docker run -d --name web -p 8081:80 -v site-data:/usr/share/nginx/html:ro nginx
