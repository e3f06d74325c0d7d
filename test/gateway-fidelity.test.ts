// Everything a learner does with Docker works through the gateway as against a local
// engine: from a live session's shell (and terminal), on the real nested engine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../common/audit-entry.ts";
import { runScript } from "./support/run-script.ts";
import { openTerminal } from "./support/terminal-client.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

describe("the docker CLI through the gateway", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  const sh = (script: string, timeoutMs = 180_000) => runScript(t, s, script, timeoutMs);

  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
    await t.driver.putFiles(t.app.sessions.ready(s.id), [
      {
        path: "tiny-registry.py",
        content: readFileSync(join(import.meta.dirname, "fixtures/gateway/tiny-registry.py")),
      },
    ]);
    await sh("docker pull -q busybox >/dev/null && docker pull -q nginx >/dev/null");
  });
  afterAll(async () => t?.close());
  const activity = async () =>
    (await t.api<{ entries: AuditEntry[] }>("GET", `/api/sessions/${s.id}/activity`, undefined, s.token)).body
      .entries;

  it("runs -it and execs -it in a terminal, with stdin and resize", async () => {
    await sh("docker run -d --name box busybox sleep 600 >/dev/null");
    const c = await openTerminal(t.url, s, { cols: 100, rows: 30 });
    await c.ready();
    // The 20.10 CLI sizes the TTY just after start: a command that reads its size at once
    // can see 0 0, with or without a gateway.
    c.type("docker run -it --rm busybox sh -c 'sleep 1; stty size; read x; echo got-$x'\r");
    await c.waitFor(/\n30 100\n/, 60_000);
    c.type("typed\r");
    // Bash's prompt: the CLI has exited and let go of the terminal (typing earlier is lost).
    await c.waitFor(/got-typed\n\S*learner:~# /);
    c.type("docker exec -it box sh\r");
    await new Promise((r) => setTimeout(r, 1500));
    // PID 1 of `box` is its sleep: these lines run inside the container, not the workstation.
    c.type("echo IN-$(cat /proc/1/cmdline | tr '\\0' ' '); stty size; echo SIZE-$((1+1))\r");
    await c.waitFor(/IN-sleep 600\s*30 100\s*SIZE-2/);
    c.send({ t: "resize", cols: 120, rows: 40 });
    await new Promise((r) => setTimeout(r, 1000));
    c.type("echo IN-$(cat /proc/1/cmdline | tr '\\0' ' '); stty size; echo SIZE-$((2+1))\r");
    await c.waitFor(/IN-sleep 600\s*40 120\s*SIZE-3/);
    c.type("exit\r");
    await c.waitFor(/SIZE-3\s*\n[^]*\n\S*learner:~# /);
    await c.close();
  });

  it("streams logs -f, events and stats", async () => {
    const out = await sh(`
docker run -d --name ticker busybox sh -c 'for i in 1 2 3; do echo tick$i; sleep 1; done' >/dev/null
timeout 20 docker logs -f ticker
# On a loaded host a start can take seconds and the CLI a while to subscribe: --since closes
# that gap, and the stream is read until the event comes through it.
since=$(date +%s)
(timeout 60 docker events --since $since --filter type=container --filter event=start --format 'event {{.Actor.Attributes.name}}' > events.txt &)
docker run --rm --name evented busybox true
for i in $(seq 150); do grep -q evented events.txt && break; sleep 0.2; done; cat events.txt
docker stats --no-stream --format '{{.Name}} stats' box`);
    expect(out).toMatch(/tick1\ntick2\ntick3\n/);
    expect(out).toContain("event evented");
    expect(out).toContain("box stats");
  });

  it("builds a multi-stage Dockerfile with the legacy builder, BuildKit and Compose", async () => {
    const out = await sh(`
mkdir -p app && cd app && echo from-the-context > hello.txt
printf '%s\\n' 'FROM busybox AS build' 'RUN echo from-stage-one > /out.txt' 'FROM busybox' \\
  'COPY --from=build /out.txt /out.txt' 'COPY hello.txt /hello.txt' 'CMD cat /out.txt /hello.txt' > Dockerfile
printf '%s\\n' 'version: "3.8"' 'services:' '  app:' '    build: .' '    image: composed' > docker-compose.yml
DOCKER_BUILDKIT=0 docker build -q -t legacy . >/dev/null && docker run --rm legacy
DOCKER_BUILDKIT=1 docker build -q -t kit . >/dev/null 2>&1 && docker run --rm kit
# Compose v1 builds through docker-py (the legacy builder), or through the CLI when asked.
docker-compose build >/dev/null 2>&1 && docker run --rm composed && docker rmi -f composed >/dev/null
COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1 docker-compose build >/dev/null 2>&1 && docker run --rm composed`);
    expect(out).toBe("from-stage-one\nfrom-the-context\n".repeat(4));
    // BuildKit as the CLI drives it: options on /build (where the gateway reads them), the
    // client's files over /session. Never the raw control API, which the gateway refuses.
    const calls = (await activity()).filter((e) => /\/(build|session|grpc)\b/.test(e.path));
    expect(calls.filter((e) => e.path.includes("/build?") && e.path.includes("version=2")).length).toBe(2);
    expect(calls.filter((e) => e.path === "/session").map((e) => e.status)).toEqual([101, 101]);
    expect(calls.every((e) => e.path !== "/grpc" && [101, 200].includes(e.status))).toBe(true);
  });

  it("copies files in and out, saves and loads an image", async () => {
    const out = await sh(`
echo copied-in > in.txt && docker cp in.txt box:/tmp/in.txt && docker exec box cat /tmp/in.txt
docker cp box:/etc/hostname out.txt && test -s out.txt && echo copied-out
docker tag busybox saved:1 && docker save saved:1 -o saved.tar && docker rmi saved:1 >/dev/null
docker load -i saved.tar && docker image inspect saved:1 --format 'loaded {{.Id}}' | cut -c1-12`);
    expect(out).toContain("copied-in\ncopied-out\n");
    expect(out).toContain("Loaded image: saved:1");
    expect(out).toContain("loaded sha2");
  });

  it("pulls, tags and pushes through a registry running in the sandbox", async () => {
    const out = await sh(`
docker run -d --name registry -p 5000:5000 -v /home/learner:/srv:ro python python3 /srv/tiny-registry.py >/dev/null
for i in $(seq 50); do curl -sf localhost:5000/v2/ >/dev/null && break; sleep 0.2; done
docker tag busybox localhost:5000/mybox:1 && docker push -q localhost:5000/mybox:1 >/dev/null
docker rmi localhost:5000/mybox:1 >/dev/null && docker pull -q localhost:5000/mybox:1 && docker run --rm localhost:5000/mybox:1 echo pulled-back`);
    expect(out).toContain("pulled-back");
  });

  it("manages networks and volumes", async () => {
    const out = await sh(`
docker network create backend >/dev/null && docker volume create data >/dev/null
docker run -d --name db --network backend -v data:/data busybox sh -c 'echo kept > /data/f; sleep 600' >/dev/null
docker network connect bridge db && docker network disconnect bridge db
docker run --rm --network backend busybox ping -c1 -W2 db | grep -c '1 packets received'
docker rm -f db >/dev/null && docker run --rm -v data:/data busybox cat /data/f
docker network inspect backend --format '{{.Name}} {{.Driver}}'; docker volume inspect data --format '{{.Name}} {{.Driver}}'
docker network rm backend >/dev/null && docker volume rm data >/dev/null && docker volume ls -q | grep -cx data || true`);
    expect(out).toBe("1\nkept\nbackend bridge\ndata local\n0\n");
  });

  it("brings a three-service compose stack with two networks and a volume up, then down -v", async () => {
    const out = await sh(`
mkdir -p stack && cd stack && cat > docker-compose.yml <<'YAML'
version: "3.8"
services:
  web:
    image: nginx
    ports: ["8088:80"]
    networks: [front]
  api:
    image: busybox
    command: sh -c 'echo api-up > /data/state; sleep 600'
    volumes: ["state:/data"]
    networks: [front, back]
  cache:
    image: busybox
    command: sleep 600
    networks: [back]
networks:
  front: {}
  back: {}
volumes:
  state: {}
YAML
docker compose up -d 2>/dev/null
docker compose ps --services | sort | tr '\\n' ' '; echo
for i in $(seq 50); do curl -sf localhost:8088 >/dev/null && break; sleep 0.2; done; curl -s localhost:8088 | grep -o -m1 'Welcome to nginx!'
docker compose exec -T api ping -c1 -W2 cache | grep -c '1 packets received'
docker network ls --format '{{.Name}}' | grep -c '^stack_'; docker volume ls -q | grep -c '^stack_state$'
docker compose down -v 2>/dev/null
docker network ls --format '{{.Name}}' | grep -c '^stack_' || true; docker volume ls -q | grep -c '^stack_state$' || true`);
    expect(out).toBe("api cache web \nWelcome to nginx!\n1\n2\n1\n0\n0\n");
  });

  it("initialises a swarm and runs a service with 3 replicas on an overlay network, then scales it", async () => {
    const out = await sh(
      `
docker swarm init >/dev/null && docker network create -d overlay --attachable mesh >/dev/null
docker service create -q --name web --replicas 3 --network mesh --stop-grace-period 1s busybox sleep 600 >/dev/null
docker service ls --format '{{.Name}} {{.Replicas}}'
docker service scale web=1 >/dev/null 2>&1
for i in $(seq 60); do [ "$(docker service ls --format '{{.Replicas}}')" = 1/1 ] && break; sleep 0.5; done
docker service ls --format '{{.Name}} {{.Replicas}}'
docker service rm web >/dev/null && docker swarm leave --force`,
      300_000,
    );
    expect(out).toBe("web 3/3\nweb 1/1\nNode left the swarm.\n");
  });

  it("answers system df, prune, inspect and top", async () => {
    const out = await sh(`
docker system df --format '{{.Type}}' | head -1
docker top box -o pid,comm | grep -c ' sleep$'
docker inspect box --format '{{.Config.Image}} {{.State.Status}}'
docker container prune -f >/dev/null && docker system prune -f | tail -1`);
    expect(out).toMatch(/^Images\n1\nbusybox running\nTotal reclaimed space: /);
  });

  it("recorded each call with what a check needs", async () => {
    const r = await t.api<{
      entries: Array<{
        method: string;
        path: string;
        status: number;
        summary: { image?: string; name?: string; flags: string[] };
      }>;
    }>("GET", `/api/sessions/${s.id}/activity`, undefined, s.token);
    expect(r.status).toBe(200);
    const create = r.body.entries.find((e) => e.path.includes("/containers/create?name=ticker"));
    expect(create).toMatchObject({
      method: "POST",
      status: 201,
      summary: { image: "busybox", name: "ticker" },
    });
    expect(create?.summary.flags).toEqual(expect.arrayContaining(["-d", "--detach"]));
    const web = r.body.entries.find((e) => e.path.endsWith("/services/create"));
    expect(web).toMatchObject({ status: 201, summary: { name: "web", image: "busybox:latest" } });
    expect(web?.summary.flags).toEqual(expect.arrayContaining(["--replicas", "--network"]));
    expect(
      r.body.entries.some((e) => e.path.endsWith("/exec/resize") || /\/exec\/\w+\/resize/.test(e.path)),
    ).toBe(true);
    expect((await t.api("GET", `/api/sessions/${s.id}/activity`, undefined, "not-the-token")).status).toBe(
      403,
    );
  });
});
