#!/bin/sh
# The long form of the command, and a pinned tag: still a web container of nginx, not started.
set -eu
docker container create --name web nginx:1.22
