#!/bin/sh
# As the step goes: greeter first with -P (the wrong port), then replaced with -p and only the
# container port, so Docker picks the host port as -P would.
set -eu
docker run -d --name greeter -P hashicorp/http-echo -listen=:9000 -text "hello from 9000"
docker rm --force greeter
docker run -d --name greeter -p 9000 hashicorp/http-echo -listen=:9000 -text "hello from 9000"
