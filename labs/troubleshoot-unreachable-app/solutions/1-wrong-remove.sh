#!/bin/sh
# "Nothing answers" made into "nothing is there": the broken container removed, the shop
# gone with it.
docker rm --force shop >/dev/null
