#!/bin/sh
# Without a limit the program gets its 200 MiB and finishes: nothing was contained.
docker run -i --name hog python python - < hog.py
