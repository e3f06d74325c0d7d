#!/bin/sh
# USER by name: the image resolves it to UID 10001 through its own /etc/passwd.
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
USER status
EXPOSE 8080
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www"]
DOCKERFILE
docker build -t status:3 status
docker run -d --name status -p 8080:8080 status:3
