#!/bin/sh
set -eu
docker run --detach --name hello nginx
