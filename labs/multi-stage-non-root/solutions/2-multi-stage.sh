#!/bin/sh
set -eu
cat >status/Dockerfile <<'DOCKERFILE'
FROM python:3.11 AS build
WORKDIR /src
COPY . .
RUN python build.py /www

FROM busybox:1.36
COPY --from=build /www /www
EXPOSE 8080
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www"]
DOCKERFILE
docker build -t status:2 status
