#!/bin/sh
# Still below what the job needs: OOM-killed again.
docker rm analytics
docker run --detach --name analytics --memory 64m --memory-swap 64m python \
  python -c "import time; data = bytearray(${{ dataset_mib }} * 1024 * 1024); print('analytics: loaded ${{ dataset_mib }} MiB', flush=True); time.sleep(10**9)"
sleep 5
