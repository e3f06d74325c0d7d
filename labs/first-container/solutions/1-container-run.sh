#!/bin/sh
# The newer spelling of the same command.
set -eu
docker container run --detach --name hello nginx
