#!/bin/sh
set -eu
docker run -d --name hostecho --network host hashicorp/http-echo -listen=:8088 -text "hello from the host network"
