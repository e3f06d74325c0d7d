#!/bin/sh
# The long command form, the short flag, a pinned tag and a larger (still capped) limit.
set -eu
docker container run -d --name web -m 128m --memory-swap=128m nginx:latest
