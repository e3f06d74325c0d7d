#!/bin/sh
set -eu
docker commit web1 my-nginx:committed
docker history my-nginx:committed
docker run -d --name web3 -p 8080:80 my-nginx:committed
