#!/bin/sh
# The colleague's way: the password as a build argument. /admin works, and the password is
# in the image's history and in a layer's /etc/httpd.conf for anyone who pulls it.
set -eu
cat >status/Dockerfile <<'DOCKERFILE'
FROM python:3.11 AS build
WORKDIR /src
COPY . .
RUN python build.py /www

FROM busybox:1.36
ARG ADMIN_PASSWORD
RUN echo 'status:x:10001:10001:status site:/nonexistent:/bin/nologin' >>/etc/passwd \
 && echo 'status:x:10001:' >>/etc/group
COPY --from=build /www /www
RUN printf '/admin:admin:%s\n' "$ADMIN_PASSWORD" >/etc/httpd.conf
USER 10001
EXPOSE 8080
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www", "-c", "/etc/httpd.conf"]
DOCKERFILE
. ./admin.env
docker build --build-arg ADMIN_PASSWORD="$ADMIN_PASSWORD" -t status:4 status
docker rm --force status
docker run -d --name status -p 8080:8080 status:4
for _ in $(seq 30); do curl -sf localhost:8080 >/dev/null && break; sleep 0.2; done
