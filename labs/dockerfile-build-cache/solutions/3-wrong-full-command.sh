#!/bin/sh
# Keeps the whole command in CMD and repeats it to change one argument: it runs, but the
# image has no ENTRYPOINT, so every caller must know the program's path.
set -eu
sed -i 's|^CMD .*|CMD ["python", "app.py", "--port", "8000"]|' greeter/Dockerfile
docker build -t greeter:v4 greeter
docker run -d --name greeter-9000 -p 9000:9000 greeter:v4 python app.py --port 9000
docker run --rm --entrypoint python greeter:v4 -c "import boxed"
