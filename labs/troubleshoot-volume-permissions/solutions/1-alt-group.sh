#!/bin/sh
# A group-based fix: the data joins notes' group (gid 1000) and becomes group-writable,
# never world-writable.
set -eu
docker run --rm -v notes-data:/data busybox sh -c 'chgrp -R 1000 /data && chmod -R g+rwX /data'
docker start notes
