#!/bin/sh
# Commits the container that was never changed: the new image holds nginx's own page.
docker commit web2 my-nginx:committed
docker run -d --name web3 -p 8080:80 my-nginx:committed
for _ in $(seq 30); do curl -sf localhost:8080 >/dev/null && break; sleep 0.2; done
