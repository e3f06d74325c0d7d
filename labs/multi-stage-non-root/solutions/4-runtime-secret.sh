#!/bin/sh
set -eu
cat >status/Dockerfile <<'DOCKERFILE'
FROM python:3.11 AS build
WORKDIR /src
COPY . .
RUN python build.py /www

FROM busybox:1.36
RUN echo 'status:x:10001:10001:status site:/nonexistent:/bin/nologin' >>/etc/passwd \
 && echo 'status:x:10001:' >>/etc/group
COPY --from=build /www /www
COPY entrypoint.sh /entrypoint.sh
USER 10001
EXPOSE 8080
ENTRYPOINT ["/entrypoint.sh"]
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www", "-c", "/tmp/httpd.conf"]
DOCKERFILE
docker build -t status:4 status
docker rm --force status
docker run -d --name status -p 8080:8080 --env-file admin.env status:4
