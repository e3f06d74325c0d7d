#!/bin/sh
# Keeps the old container under another name instead of removing it.
set -eu
docker rename web web-old
docker container run --detach --name web -p 8080:80 nginx
