#!/bin/sh
# Fix the deployment itself, so the next deploy does not break it again.
set -eu
sed -i 's/--restart unless-stopped/--restart unless-stopped --env-file quotes\/quotes.env/' quotes/deploy.sh
sh quotes/deploy.sh
for _ in $(seq 1 40); do curl -sf localhost:${{ port }}/ >/dev/null && exit 0; sleep 0.25; done
