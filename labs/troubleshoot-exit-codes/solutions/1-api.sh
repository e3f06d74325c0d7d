#!/bin/sh
# The entrypoint lacked the execute bit; fix it in the image so it cannot regress.
set -eu
chmod +x api/start.sh
printf 'FROM busybox\nWORKDIR /app\nCOPY start.sh /app/start.sh\nRUN chmod +x /app/start.sh\nENTRYPOINT ["/app/start.sh"]\n' > api/Dockerfile
docker build --quiet --tag slipway/api api
docker rm --force api
docker run --detach --name api slipway/api
