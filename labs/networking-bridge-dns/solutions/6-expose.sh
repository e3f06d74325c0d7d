#!/bin/sh
# Declares the port at run time so that -P publishes it (-p 9000 passes too).
set -eu
docker rm --force greeter 2>/dev/null || true
docker run -d --name greeter --expose 9000 -P hashicorp/http-echo -listen=:9000 -text "hello from 9000"
