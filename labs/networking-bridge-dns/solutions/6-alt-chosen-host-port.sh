#!/bin/sh
# Any host port will do, as long as it leads to the container's 9000.
set -eu
docker rm --force greeter 2>/dev/null || true
docker run -d --name greeter --publish 19000:9000 hashicorp/http-echo -listen=:9000 -text "hello from 9000"
