#!/bin/sh
# A tmpfs with no size may grow until the sandbox runs out of memory.
docker run -d --name scratchpad --mount type=tmpfs,target=/scratch busybox sleep 1d
