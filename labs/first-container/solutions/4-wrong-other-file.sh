#!/bin/sh
# Writes the note to the wrong place.
docker exec hello sh -c "echo 'I was here' > /tmp/other.txt"
