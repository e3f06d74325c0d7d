#!/bin/sh
# Without -v, down keeps the named volumes, and the note with them.
cd shop
docker compose down
