#!/bin/sh
# Gives the committed image the Dockerfile's name: same page, but no recipe anyone can read.
docker tag my-nginx:committed my-nginx:dockerfile
docker run -d --name web4 -p 8081:80 my-nginx:dockerfile
for _ in $(seq 30); do curl -sf localhost:8081 >/dev/null && break; sleep 0.2; done
