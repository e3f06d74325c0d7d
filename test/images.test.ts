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

  it("pulls every learner image by its usual name", async () => {
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

  it("http-echo listens only on the address it is given", async () => {
    const out =
      await sh(`docker run -d --name open -p 5678:5678 hashicorp/http-echo -listen=:5678 -text=open-ok >/dev/null
docker run -d --name shut -p 5679:5679 hashicorp/http-echo -listen=127.0.0.1:5679 -text=shut-ok >/dev/null
sleep 2; curl -s -m 3 localhost:5678; echo "shut=$(curl -s -m 3 localhost:5679 || echo unreachable)"`);
    expect(out).toContain("open-ok");
    expect(out).toContain("shut=unreachable");
  });

  it("postgres keeps a row in a named volume across container recreation", async () => {
    const run =
      "docker run -d --name pg -e POSTGRES_PASSWORD=pw -e POSTGRES_DB=shop -v pgdata:/var/lib/postgresql/data postgres >/dev/null; for i in $(seq 60); do docker exec pg pg_isready -U postgres >/dev/null 2>&1 && break; sleep 1; done; sleep 1";
    await sh(
      `${run}; docker exec pg psql -U postgres -d shop -c "create table t(v text); insert into t values ('kept-pg')"`,
    );
    const out = await sh(
      `docker rm -f pg >/dev/null; ${run}; docker exec pg psql -U postgres -d shop -tAc "select v from t"`,
    );
    expect(out).toContain("kept-pg");
  });

  it("mysql keeps a row in a named volume across container recreation", async () => {
    // Wait over TCP: the entrypoint's first, temporary server answers on the socket only, and
    // stops again once the database is initialised.
    const run =
      "docker run -d --name db -e MYSQL_ROOT_PASSWORD=pw -e MYSQL_DATABASE=shop -v dbdata:/var/lib/mysql mysql >/dev/null; for i in $(seq 90); do docker exec db mysql --protocol=tcp -h127.0.0.1 -uroot -ppw -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done";
    await sh(
      `${run}; docker exec db mysql -uroot -ppw shop -e "create table t(v text); insert into t values ('kept-my')"`,
    );
    const out = await sh(
      `docker rm -f db >/dev/null; ${run}; docker exec db mysql -uroot -ppw shop -N -e "select v from t"`,
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
