#!/bin/sh
set -eu
docker run --detach --name web --memory 64m --memory-swap 64m nginx
docker inspect --format 'memory={{.HostConfig.Memory}} memory+swap={{.HostConfig.MemorySwap}}' web
