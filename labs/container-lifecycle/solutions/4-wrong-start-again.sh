#!/bin/sh
# Starting the old container brings nginx back, but without the port: start cannot change
# settings fixed at create time.
docker start web
