#!/bin/sh
# Dependencies first: only what the install needs is copied before it, the code after it.
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
echo '# a code-only change' >>greeter/app.py
docker build -t greeter:v2 greeter
