#!/bin/sh
# The management-command spellings, aimed at one container.
set -eu
docker container stats --no-stream web
docker container top web
