#!/bin/sh
set -eu
docker history nginx
docker image inspect --format '{{len .RootFS.Layers}}' nginx
