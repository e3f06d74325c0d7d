#!/bin/sh
# Not root, but nobody is shared by every service that uses it: no user of its own, and
# whatever UID the base image happens to give it.
set -eu
cat >status/Dockerfile <<'DOCKERFILE'
FROM python:3.11 AS build
WORKDIR /src
COPY . .
RUN python build.py /www

FROM busybox:1.36
COPY --from=build /www /www
USER nobody
EXPOSE 8080
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www"]
DOCKERFILE
docker build -t status:3 status
docker run -d --name status -p 8080:8080 status:3
