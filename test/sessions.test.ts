// Sessions against the real engine: what a learner does first, and the isolation that
// must hold between learners and around the platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, startTestApp } from "./support/test-app.ts";

describe("sessions on the real engine", () => {
  let t: TestApp;
  let a: { id: string; token: string };
  let b: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([t.startSession(), t.startSession()]);
  });
  afterAll(async () => t?.close());

  // Reached from the browser on its own origin: test/previews.test.ts.
  it("runs nginx on a published port, reachable in the sandbox", async () => {
    const r = await t.exec(
      a,
      "docker run -d --name web -p 8080:80 nginx >/dev/null && for i in $(seq 50); do curl -sf localhost:8080 && break; sleep 0.2; done",
    );
    expect(r.stdout).toContain("Welcome to nginx!");
  });

  it("reports an OOM kill inside the sandbox as exit 137 with OOMKilled true", async () => {
    const r = await t.exec(
      a,
      `docker run --name hog --memory=20m debian:bookworm-slim bash -c 'x=$(head -c 200000000 /dev/zero | tr "\\0" a); echo \${#x}'; echo "exit=$?"; docker inspect hog --format '{{.State.ExitCode}} {{.State.OOMKilled}}'`,
    );
    expect(r.stdout).toContain("exit=137");
    expect(r.stdout).toContain("137 true");
  });

  it("refuses calls without the right token and says nothing about the session", async () => {
    expect((await t.api("GET", `/api/sessions/${a.id}`)).status).toBe(401);
    const wrong = await t.api("GET", `/api/sessions/${a.id}`, undefined, "not-the-token");
    const unknown = await t.api("GET", `/api/sessions/nosuchsession`, undefined, "not-the-token");
    expect(wrong.status).toBe(403);
    expect(unknown).toEqual(wrong);
    expect((await t.api("POST", `/api/sessions/${a.id}/exec`, { cmd: ["true"] }, b.token)).status).toBe(403);
  });

  it("rejects bad input with a clear JSON error", async () => {
    expect(await t.api("POST", "/api/sessions", { lab: "no-such-lab" })).toMatchObject({
      status: 404,
      body: { error: { code: "not-found" } },
    });
    expect(await t.api("POST", "/api/sessions", {})).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("lab") } },
    });
    const big = await fetch(`${t.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lab: "x".repeat(300_000) }),
    });
    expect(big.status).toBe(413);
    const malformed = await fetch(`${t.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(malformed.status).toBe(400);
    expect(await t.api("POST", `/api/sessions/${a.id}/exec`, { cmd: "ls" }, a.token)).toMatchObject({
      status: 400,
    });
  });

  it("keeps session A away from session B's containers", async () => {
    await t.exec(
      b,
      "docker run -d -p 8081:80 nginx >/dev/null && for i in $(seq 50); do curl -sf localhost:8081 >/dev/null && break; sleep 0.2; done",
    );
    const bRef = t.app.sessions.ready(b.id);
    const { host } = await t.driver.portEndpoint(bRef, 8081);
    const fromA = await t.exec(
      a,
      `curl -s -m 3 -o /dev/null -w '%{http_code}' http://${host}:8081/; echo " exit=$?"`,
    );
    expect(fromA.stdout).toMatch(/exit=(7|28)/);
    const fromB = await t.exec(b, `curl -s -m 3 -o /dev/null -w '%{http_code}' http://${host}:8081/`);
    expect(fromB.stdout).toBe("200");
  });

  it("keeps the sandbox away from the server's port and the host engine's socket", async () => {
    const port = new URL(t.url).port;
    const r = await t.exec(
      a,
      `gw=$(ip route | awk '/default/ {print $3}'); for h in $gw 172.17.0.1; do curl -s -m 2 http://$h:${port}/api/health >/dev/null; echo "server via $h: $?"; curl -s -m 2 http://$h:2375/_ping >/dev/null; echo "tcp engine via $h: $?"; done; ls -la /var/run/docker.sock 2>&1 | head -1; echo "gateway: $(curl -s --unix-socket /run/slipway/docker.sock http://x/_ping)"`,
    );
    expect(r.stdout).not.toMatch(/server via \S+: 0\b/);
    expect(r.stdout).not.toMatch(/tcp engine via \S+: 0\b/);
    expect(r.stdout).toContain("No such file or directory");
    expect(r.stdout).toContain("gateway: OK");
  });

  it("caps a fork bomb with the pids limit while other sessions keep working", async () => {
    const bomb = await t.exec(
      a,
      "n=0; for i in $(seq 3000); do sleep 60 & n=$((n+1)); done 2>/dev/null; echo started=$(jobs -r | wc -l); ps -e --no-headers | wc -l",
      60_000,
    );
    const procs = Number(bomb.stdout.trim().split("\n").pop());
    expect(procs).toBeLessThanOrEqual(1024);
    const other = await t.exec(b, "docker version --format '{{.Server.Version}}'");
    expect(other.exitCode).toBe(0);
    await t.exec(a, "pkill sleep; true");
  });
});
