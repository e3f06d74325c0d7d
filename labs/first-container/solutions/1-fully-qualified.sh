#!/bin/sh
# The image's full name: registry, namespace, repository and tag.
set -eu
docker run -d --name hello docker.io/library/nginx:latest
