#!/bin/sh
# Also exits 137, but Docker sent the SIGKILL, not the kernel's OOM killer.
docker run --detach --name hog --memory 64m --memory-swap 64m python sleep 600
docker kill hog
