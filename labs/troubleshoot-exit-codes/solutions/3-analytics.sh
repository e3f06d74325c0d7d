#!/bin/sh
# The job needs ~120 MiB; give it headroom.
set -eu
docker rm analytics
docker run --detach --name analytics --memory 256m python \
  python -c "import time; data = bytearray(120 * 1024 * 1024); print('analytics: loaded 120 MiB', flush=True); time.sleep(10**9)"
sleep 5
