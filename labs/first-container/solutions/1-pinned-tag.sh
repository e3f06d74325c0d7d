#!/bin/sh
# A learner who pins the version, as production setups do: still nginx.
set -eu
docker run -d --name hello nginx:1.22
