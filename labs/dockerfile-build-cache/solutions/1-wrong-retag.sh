#!/bin/sh
# Fixes the order but never rebuilds after a code change: v2 is v1 under another name.
set -eu
cat >greeter/Dockerfile <<'DOCKERFILE'
FROM python:3.11
WORKDIR /app
COPY requirements.txt ./
COPY vendor/ vendor/
RUN pip install --no-index --no-build-isolation -r requirements.txt
COPY . .
ENV GREETING=Hello
CMD ["python", "app.py"]
DOCKERFILE
docker build -t greeter:v1 greeter
docker tag greeter:v1 greeter:v2
