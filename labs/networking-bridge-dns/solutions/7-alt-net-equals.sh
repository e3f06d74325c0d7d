#!/bin/sh
set -eu
docker container run -d --name hostecho --net=host hashicorp/http-echo -listen=:8088 -text "hello from the host network"
