#!/bin/sh
# Two stages, but the final one starts from python again: the build tools ship anyway.
set -eu
cat >status/Dockerfile <<'DOCKERFILE'
FROM python:3.11 AS build
WORKDIR /src
COPY . .
RUN python build.py /www

FROM python:3.11
COPY --from=build /www /www
EXPOSE 8080
CMD ["python", "-m", "http.server", "8080", "--directory", "/www"]
DOCKERFILE
docker build -t status:2 status
