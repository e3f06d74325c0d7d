#!/bin/sh
# A volume lives on disk and outlives the container: the opposite of what /scratch is for.
docker run -d --name scratchpad -v scratch:/scratch busybox sleep 1d
