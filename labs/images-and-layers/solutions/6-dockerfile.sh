#!/bin/sh
set -eu
cat >site/Dockerfile <<'DOCKERFILE'
FROM nginx:1.22
COPY index.html /usr/share/nginx/html/index.html
DOCKERFILE
docker build -t my-nginx:dockerfile site
docker history my-nginx:dockerfile
docker run -d --name web4 -p 8081:80 my-nginx:dockerfile
