#!/bin/sh
# Deploys three broken services. Runs in the workstation, in the workspace, before the
# learner starts; each failure is real, produced by Docker itself.
set -eu

# api: the entrypoint script is not executable, so the container cannot start.
chmod 644 api/start.sh
docker build --quiet --tag slipway/api api
docker create --name api slipway/api
docker start api 2>/dev/null || true

# worker: its command finishes at once, so the container exits with code 0.
docker build --quiet --tag slipway/worker worker
docker run --detach --name worker slipway/worker

# analytics: needs about ${{ dataset_mib }} MiB but is given 32 MiB, so the kernel kills it (137).
docker run --detach --name analytics --memory 32m --memory-swap 32m python \
  python -c "import time; data = bytearray(${{ dataset_mib }} * 1024 * 1024); print('analytics: loaded ${{ dataset_mib }} MiB', flush=True); time.sleep(10**9)"

# Wait until the three failures have happened, so the learner finds them as described.
for _ in $(seq 1 30); do
  [ "$(docker inspect --format '{{.State.Status}}' analytics)" = exited ] &&
    [ "$(docker inspect --format '{{.State.Status}}' worker)" = exited ] && exit 0
  sleep 1
done
echo "setup: analytics or worker did not exit as expected" >&2
exit 1
