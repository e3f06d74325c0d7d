#!/bin/sh
set -eu
docker exec hello sh -c "echo 'I was here' > /tmp/visitor.txt"
