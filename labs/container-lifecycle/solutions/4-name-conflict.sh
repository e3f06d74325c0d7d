#!/bin/sh
set -eu
docker rm web
docker run --detach --name web --publish 8080:80 nginx
