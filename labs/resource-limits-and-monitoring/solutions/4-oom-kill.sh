#!/bin/sh
# hog exits 137 on purpose: the kernel kills it at its 64 MiB limit.
set -u
docker run -i --name hog --memory 64m --memory-swap 64m python python - < hog.py
echo "exit code $?"
docker inspect --format 'exit code {{.State.ExitCode}}, OOMKilled {{.State.OOMKilled}}' hog
