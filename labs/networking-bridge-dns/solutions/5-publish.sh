#!/bin/sh
set -eu
docker run -d --name shop -p 8080:80 nginx
docker run -d --name catalog --publish-all hashicorp/http-echo -text "catalog: 42 items"
