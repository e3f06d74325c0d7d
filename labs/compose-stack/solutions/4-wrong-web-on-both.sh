#!/bin/sh
# Two networks, but web is on both: the database is one hop from the web tier again.
cd shop
sed -i 's|^    image: nginx|    image: nginx\n    networks: [frontend, backend]|' compose.yaml
sed -i 's|^    image: python|    image: python\n    networks: [frontend, backend]|' compose.yaml
sed -i 's|^    image: postgres|    image: postgres\n    networks: [backend]|' compose.yaml
sed -i 's|^    image: redis|    image: redis\n    networks: [backend]|' compose.yaml
printf '\nnetworks:\n  frontend:\n  backend:\n' >> compose.yaml
docker compose up -d
