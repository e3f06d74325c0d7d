#!/bin/sh
set -eu
docker run -d --name web1 nginx
docker container run --detach --name web2 nginx
