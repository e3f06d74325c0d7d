#!/bin/sh
# The script reached through a bind mount instead of stdin, with a different (too small) limit.
docker container run --name hog --memory 100m --memory-swap 100m \
  --mount type=bind,source="$PWD",target=/work python python /work/hog.py
echo "exit code $?"
