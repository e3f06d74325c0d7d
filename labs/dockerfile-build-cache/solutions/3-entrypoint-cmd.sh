#!/bin/sh
set -eu
sed -i 's|^CMD .*|ENTRYPOINT ["python", "app.py"]\nCMD ["--port", "8000"]|' greeter/Dockerfile
docker build -t greeter:v4 greeter
docker run -d --name greeter-9000 -p 9000:9000 greeter:v4 --port 9000
docker run --rm --entrypoint python greeter:v4 -c "import boxed; print(boxed.__file__)"
