#!/bin/sh
# A month of request logs from running greeter locally: about 30 MB that the image has no
# use for, so that step 2's build context has something real to leave out.
set -eu
mkdir -p greeter/logs
yes '2025-05-01T12:00:00Z greeter: 127.0.0.1 "GET / HTTP/1.1" 200 -' | head -c 30000000 >greeter/logs/requests.log
