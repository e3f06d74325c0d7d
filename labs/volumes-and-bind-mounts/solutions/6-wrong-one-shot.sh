#!/bin/sh
# The writer runs once and is gone: the volume is shared in turn, not by two running containers.
docker run -d --name web -p 8081:80 -v site-data:/usr/share/nginx/html:ro nginx
docker run --rm -v site-data:/out busybox sh -c 'date > /out/time.txt'
