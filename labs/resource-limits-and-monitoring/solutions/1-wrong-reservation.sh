#!/bin/sh
# A reservation is a soft target the kernel aims for under pressure, not a ceiling.
docker run --detach --name web --memory-reservation 64m nginx
