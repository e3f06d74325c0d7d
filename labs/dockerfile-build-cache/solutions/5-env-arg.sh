#!/bin/sh
set -eu
sed -i 's|^COPY \. \.$|COPY . .\nARG APP_VERSION=dev\nRUN echo "$APP_VERSION" >VERSION|' greeter/Dockerfile
docker build --build-arg APP_VERSION=1.4.0 -t greeter:v6 greeter
docker run -d --name greeter-fr -p 8081:8000 -e GREETING=Bonjour greeter:v6
