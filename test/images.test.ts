// Inside a learner's own engine, every catalog image pulls by its usual name from the
// mirror (no registry is reachable) and behaves as the labs expect of the real image.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./support/run-script.ts";
import { hostFacts, startTestApp, type TestApp } from "./support/test-app.ts";

describe("learner images in a nested engine", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  const sh = (script: string, timeoutMs?: number) => runScript(t, s, script, timeoutMs);

  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  // Its pulls may take the five minutes they are allowed on a busy 2-core machine.
  it("pulls every learner image by its usual name", { timeout: 330_000 }, async () => {
    const tags = hostFacts()
      .images.filter((i) => i.kind === "learner")
      .flatMap((i) => i.tags);
    expect(tags).toEqual(
      expect.arrayContaining([
        "busybox:latest",
        "nginx:latest",
        "redis:latest",
        "postgres:latest",
        "mysql:latest",
        "python:3",
        "node:latest",
        "debian:bookworm",
        "debian:bookworm-slim",
        "hashicorp/http-echo:latest",
      ]),
    );
    const out = await sh(
      `for t in ${tags.join(" ")}; do docker pull -q "$t" >/dev/null; done; docker images --format '{{.Repository}}:{{.Tag}}' | sort`,
      300_000,
    );
    for (const tag of tags) expect(out).toContain(tag.includes("/") ? tag : tag);
  });

  it("busybox pings another container by name on a user-defined network", async () => {
    const out = await sh(
      "docker network create lab >/dev/null; docker run -d --name peer --network lab busybox sleep 300 >/dev/null; docker run --rm --network lab busybox ping -c 1 peer",
    );
    expect(out).toContain("1 packets received");
  });

  describe("busybox behaves as the official image", () => {
    // A web server and a TCP echo server on a user-defined network, as a networking lab sets them up.
    beforeAll(async () => {
      await sh(`docker network create bbnet >/dev/null
docker run -d --name bbweb --network bbnet -p 8088:8080 busybox sh -c 'mkdir -p /www && echo busybox-page >/www/index.html && httpd -f -p 8080 -h /www' >/dev/null
docker run -d --name bbecho --network bbnet busybox nc -lk -p 9000 -e cat >/dev/null
docker run -d --name bbmute --network bbnet busybox nc -lk -p 9001 -e sleep 60 >/dev/null`);
    });
    const onNet = (cmd: string) => sh(`docker run --rm --network bbnet busybox sh -c '${cmd}' 2>&1`);

    it("wget: -T, -q, -O, -S and --spider", async () => {
      const out = await onNet(`wget -T 2 -q -O - http://bbweb:8080/; echo "get=$?"
wget -q -O /tmp/page http://bbweb:8080/ && cat /tmp/page
wget -S --spider http://bbweb:8080/; echo "spider=$?"
wget -q --spider http://bbweb:8080/missing; echo "missing=$?"
start=$(date +%s); wget -T 2 -q -O - http://bbmute:9001/; echo "mute=$? after $(( $(date +%s) - start ))s"`);
      expect(out).not.toMatch(/Segmentation fault/);
      expect(out).toMatch(/^busybox-page\nget=0\nbusybox-page\n/);
      expect(out).toMatch(/HTTP\/1\.[01] 200 OK[\s\S]*remote file exists\nspider=0/);
      expect(out).toContain("missing=1");
      expect(out).toMatch(/download timed out\nmute=1 after [23]s/);
    });

    it("nc: connects, listens (-l -k -e), scans with -z and -v", async () => {
      const out = await onNet(`echo hello-nc | nc -w 2 bbecho 9000
nc -z bbecho 9000; echo "open=$?"
nc -z -w 2 bbecho 9002; echo "closed=$?"
nc -zv bbecho 9000`);
      expect(out).toMatch(/^hello-nc\nopen=0\nclosed=1\n/);
      expect(out).toMatch(/bbecho \(\d+\.\d+\.\d+\.\d+:9000\) open/);
      // One-shot listen: whatever a client sends ends up in the listener's output.
      const got =
        await sh(`docker run -d --name bbonce --network bbnet busybox nc -l -p 7000 >/dev/null; sleep 1
docker run --rm --network bbnet busybox sh -c 'echo once-nc | nc -w 1 bbonce 7000'; sleep 1; docker logs bbonce`);
      expect(got).toContain("once-nc");
    });

    it("ping -c by name, and names from --add-host before DNS", async () => {
      const out = await onNet("ping -c 2 bbweb");
      expect(out).toContain("2 packets transmitted, 2 packets received");
      const added = await sh(
        "docker run --rm --network bbnet --add-host db.internal:10.123.45.67 busybox ping -c 1 -W 1 db.internal 2>&1 || true",
      );
      expect(added).toContain("PING db.internal (10.123.45.67)");
    });

    it("nslookup resolves through Docker's DNS on a user-defined network, not on the default bridge", async () => {
      const ip = (
        await sh("docker inspect -f '{{(index .NetworkSettings.Networks \"bbnet\").IPAddress}}' bbweb")
      ).trim();
      const out = await onNet("nslookup bbweb; echo rc=$?");
      expect(out).toMatch(/Server:\s+127\.0\.0\.11/);
      expect(out).toMatch(new RegExp(`Name:\\s+bbweb[\\s\\S]*Address:\\s+${ip.replaceAll(".", "\\.")}`));
      expect(out).toContain("rc=0");
      const bridge = await sh("docker run --rm busybox nslookup bbweb 2>&1 || echo rc=$?", 60_000);
      expect(bridge).not.toContain(ip);
      expect(bridge).toMatch(/rc=1$/m);
    });

    it("httpd -f -p serves a folder, published to the learner's shell", async () => {
      expect(await sh("curl -s -m 5 localhost:8088/")).toBe("busybox-page\n");
    });

    it("ip addr and ip route show the container's interface and gateway", async () => {
      const out = await onNet("ip addr show eth0; ip route");
      expect(out).toMatch(/eth0@\w+: <[^>]*\bUP\b[^>]*>[\s\S]*inet \d+\.\d+\.\d+\.\d+\/\d+/);
      expect(out).toMatch(/^default via \d+\.\d+\.\d+\.\d+ dev eth0/m);
    });
  });

  it("http-echo listens only on the address it is given", async () => {
    const out =
      await sh(`docker run -d --name open -p 5678:5678 hashicorp/http-echo -listen=:5678 -text=open-ok >/dev/null
docker run -d --name shut -p 5679:5679 hashicorp/http-echo -listen=127.0.0.1:5679 -text=shut-ok >/dev/null
sleep 2; curl -s -m 3 localhost:5678; echo "shut=$(curl -s -m 3 localhost:5679 || echo unreachable)"`);
    expect(out).toContain("open-ok");
    expect(out).toContain("shut=unreachable");
  });

  // Both database images first run a temporary server on their socket only, then stop it once
  // initialised: readiness is asked over TCP, which only the real server answers. Two cold
  // starts each take a while on a busy host.
  it("postgres keeps a row in a named volume across container recreation", { timeout: 300_000 }, async () => {
    const run =
      "docker run -d --name pg -e POSTGRES_PASSWORD=pw -e POSTGRES_DB=shop -v pgdata:/var/lib/postgresql/data postgres >/dev/null; for i in $(seq 120); do docker exec pg pg_isready -h 127.0.0.1 -U postgres >/dev/null 2>&1 && break; sleep 1; done; sleep 1";
    await sh(
      `${run}; docker exec pg psql -U postgres -d shop -c "create table t(v text); insert into t values ('kept-pg')"`,
      240_000,
    );
    const out = await sh(
      `docker rm -f pg >/dev/null; ${run}; docker exec pg psql -U postgres -d shop -tAc "select v from t"`,
      240_000,
    );
    expect(out).toContain("kept-pg");
  });

  it("mysql keeps a row in a named volume across container recreation", { timeout: 300_000 }, async () => {
    const run =
      "docker run -d --name db -e MYSQL_ROOT_PASSWORD=pw -e MYSQL_DATABASE=shop -v dbdata:/var/lib/mysql mysql >/dev/null; for i in $(seq 150); do docker exec db mysql --protocol=tcp -h127.0.0.1 -uroot -ppw -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done";
    await sh(
      `${run}; docker exec db mysql -uroot -ppw shop -e "create table t(v text); insert into t values ('kept-my')"`,
      240_000,
    );
    const out = await sh(
      `docker rm -f db >/dev/null; ${run}; docker exec db mysql -uroot -ppw shop -N -e "select v from t"`,
      240_000,
    );
    expect(out).toContain("kept-my");
  });

  it("redis, python and node run as their images promise", async () => {
    const out =
      await sh(`docker run -d --name cache redis >/dev/null; sleep 1; docker exec cache redis-cli set k v-redis >/dev/null; docker exec cache redis-cli get k
docker run --rm python python -c 'print("py", 6*7)'
docker run --rm node node -e 'console.log("node", 6*7)'`);
    expect(out).toContain("v-redis");
    expect(out).toContain("py 42");
    expect(out).toContain("node 42");
  });
});
