#!/bin/sh
# The job needs ~${{ dataset_mib }} MiB; give it twice that, for the interpreter and headroom.
set -eu
docker rm analytics
docker run --detach --name analytics --memory $(( ${{ dataset_mib }} * 2 ))m python \
  python -c "import time; data = bytearray(${{ dataset_mib }} * 1024 * 1024); print('analytics: loaded ${{ dataset_mib }} MiB', flush=True); time.sleep(10**9)"
sleep 5
