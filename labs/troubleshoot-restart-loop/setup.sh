#!/bin/sh
# Builds the broken state: quotes deployed by deploy.sh, which forgets to pass the env file
# holding its API key. The app exits 78 at start-up, and the restart policy brings it back,
# again and again: a real restart loop, RestartCount climbing.
set -eu
api_key=qk-${{ api_key }}
container=quotes
port=${{ port }}

printf 'QUOTES_API_KEY=%s\n' "$api_key" > quotes/quotes.env
printf '%s' "$api_key" | sha256sum | cut -d' ' -f1 > quotes/key.sha256
cat > quotes/deploy.sh <<DEPLOY
#!/bin/sh
# Deploys quotes. Its API key now lives in quotes.env, next to this script.
docker rm --force $container 2>/dev/null
docker run --detach --name $container --restart unless-stopped --publish $port:8080 slipway/quotes
DEPLOY
chmod +x quotes/deploy.sh
docker build --quiet --tag slipway/quotes quotes >/dev/null
sh quotes/deploy.sh >/dev/null

# Wait until the loop is visible: Docker has restarted it at least twice.
for _ in $(seq 1 40); do
  [ "$(docker inspect --format '{{.RestartCount}}' "$container")" -ge 2 ] && exit 0
  sleep 0.5
done
echo "setup: quotes did not start its restart loop" >&2
exit 1
