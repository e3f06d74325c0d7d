// The adversarial list, run from a learner's shell against live sessions: every
// attempt fails with one clear line and shows in the session's activity, and afterwards the
// platform and another session still work. (Reaching the host engine, the server's port and
// other sessions' containers is covered in sessions.test.ts.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../common/audit-entry.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

// The disk the host runs on, which a learner would most like to reach.
const hostDisk = readFileSync("/proc/mounts", "utf8").match(/^(\/dev\/\S+) \/ /m)?.[1] ?? "/dev/vda";
const S = "/run/slipway/docker.sock";

// [what the learner types, the flag the one-line refusal names]
const ATTEMPTS: Array<[string, string]> = [
  ["docker run --privileged busybox true", "--privileged"],
  ["docker run -v /var/run/docker.sock:/s busybox true", "-v /var/run/docker.sock:/s"],
  ["docker run -v /:/host busybox true", "-v /:/host"],
  ["docker run -v /run/slipway-engine:/e busybox true", "-v /run/slipway-engine:/e"],
  ["docker run -v /home/learner/../../etc:/e busybox true", "-v /home/learner/../../etc:/e"],
  ["docker run --mount type=bind,src=/proc,dst=/p busybox true", "--mount type=bind,source=/proc"],
  ["docker run --pid=host busybox true", "--pid=host"],
  ["docker run --cap-add SYS_ADMIN busybox true", "--cap-add SYS_ADMIN"],
  [`docker run --device ${hostDisk} busybox true`, `--device ${hostDisk}`],
  ["docker run --security-opt seccomp=unconfined busybox true", "--security-opt seccomp=unconfined"],
  ["docker run --security-opt systempaths=unconfined busybox true", "--security-opt systempaths=unconfined"],
  ["docker run --sysctl kernel.msgmax=1 busybox true", "--sysctl kernel.msgmax=1"],
  ["docker run --cgroup-parent=/ busybox true", "--cgroup-parent=/"],
  [
    "ln -sfn / escape && docker run -v /home/learner/escape:/host busybox true",
    "-v /home/learner/escape:/host",
  ],
  ["docker volume create -o type=none -o o=bind -o device=/ rootfs", "--opt device=/"],
  ["docker exec --privileged box true", "docker exec --privileged"],
  ["docker service create --mount type=bind,src=/,dst=/h busybox", "--mount type=bind,source=/"],
  ["docker swarm join --token SWMTKN-1-x 10.9.9.9:2377", "docker swarm join"],
  ["printf 'FROM busybox\\n' | docker build --cgroup-parent=/ -", "docker build --cgroup-parent /"],
  [
    `curl -s --unix-socket ${S} -XPOST 'http://d/v1.41/plugins/pull?remote=vieux/sshfs' -H 'Content-Type: application/json' -d '[]'`,
    "installing or changing a plugin",
  ],
];

describe("the gateway's policy, from a learner's shell", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  let other: { id: string; token: string };
  const run = (script: string, who = s) => t.exec(who, `cd /home/learner\n${script}`, 120_000);
  const activity = async (who = s) =>
    (await t.api<{ entries: AuditEntry[] }>("GET", `/api/sessions/${who.id}/activity`, undefined, who.token))
      .body.entries;

  beforeAll(async () => {
    t = await startTestApp({}, { gatewayLimits: { headersTimeoutMs: 1500, bodyTimeoutMs: 1500 } });
    [s, other] = await Promise.all([t.startSession(), t.startSession()]);
    const r = await run("docker pull -q busybox >/dev/null && docker run -d --name box busybox sleep 600");
    expect(r.exitCode).toBe(0);
  });
  afterAll(async () => t?.close());

  it.each(ATTEMPTS)("refuses `%s` naming %s, and records it", async (cmd, flag) => {
    const r = await run(cmd);
    const line = `slipway policy: ${flag} is not allowed in this lab`;
    if (cmd.startsWith("curl")) expect((JSON.parse(r.stdout) as { message: string }).message).toContain(line);
    else {
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toContain(`Error response from daemon: ${line}`);
    }
    const refused = (await activity()).filter((e) => e.status === 403 && e.summary.denied?.startsWith(line));
    expect(refused.length).toBeGreaterThan(0);
  });

  // dockerd reads build options with Go's FormValue, which prefers a form body to the query.
  // POST /build peeks up to 4 KiB of the body as the build context and parses the rest as a
  // form: a 2 KiB tar, padding, then the option. Had it passed, the RUN step would print a
  // cgroup outside the sandbox's (`pids:/<id>` instead of `…/learner/<id>`).
  const FORM_TAILS = {
    urlencoded: "truncate -s 8192 body && printf '&cgroupparent=%%2F' >> body",
    // Go's multipart reader skips preamble lines, but none may exceed 4 KiB.
    multipart: `head -c 6144 /dev/zero | tr '\\0' '\\n' >> body
printf -- '--B\\r\\nContent-Disposition: form-data; name="cgroupparent"\\r\\n\\r\\n/\\r\\n--B--\\r\\n' >> body`,
  };
  const buildWithForm = (form: keyof typeof FORM_TAILS, tag: string, headers: string) =>
    run(`mkdir -p form && cd form
printf 'FROM busybox\\nRUN echo "PROBE $(grep -m1 :pids: /proc/self/cgroup)"\\n' > Dockerfile
tar -b4 -cf body Dockerfile && ${FORM_TAILS[form]}
curl -s --unix-socket ${S} -XPOST ${headers} --data-binary @body 'http://d/v1.41/build?nocache=1&t=${tag}'`);
  const expectRefused = async (out: string, status: number, line: string, tag: string) => {
    expect(out).not.toMatch(/PROBE \d+:pids:/);
    const { message } = JSON.parse(out) as { message: string };
    expect(message.slice(0, line.length)).toBe(line);
    expect(message).not.toContain("\n");
    const refused = (await activity()).filter(
      (e) => e.status === status && e.path.endsWith(`t=${tag}`) && e.summary.denied?.startsWith(line),
    );
    expect(refused.length).toBe(1);
  };
  const FORM_LINE = "slipway gateway: form bodies are refused";

  it.each([
    ["urlencoded", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=B"],
  ] as const)("refuses build options in a %s form body, and records it", async (form, type) => {
    const r = await buildWithForm(form, form, `-H 'Content-Type: ${type}'`);
    await expectRefused(r.stdout, 403, FORM_LINE, form);
  });

  it.each([
    // Go lower-cases the media type (and trims the space around it) before comparing it.
    ["spelled-oddly", 403, FORM_LINE, "-H 'Content-Type:  Application/X-WWW-Form-URLencoded ;charset=utf-8'"],
    // Go's ToLower folds the dotted capital I (U+0130) to a plain i.
    [
      "non-ascii",
      400,
      "slipway gateway: the Content-Type header is not plain ASCII",
      "-H $'Content-Type: APPL\\xc4\\xb0CATION/X-WWW-FORM-URLENCODED'",
    ],
    // Go reads the first; refused rather than trusted to agree.
    [
      "two-types",
      400,
      "slipway gateway: the request has more than one Content-Type header",
      "-H 'Content-Type: application/x-tar' -H 'Content-Type: application/x-www-form-urlencoded'",
    ],
  ] as const)("refuses a form Content-Type %s, and records it", async (tag, status, line, headers) => {
    const r = await buildWithForm("urlencoded", tag, headers);
    await expectRefused(r.stdout, status, line, tag);
  });

  it("refuses BuildKit's raw control API (/grpc), and records it", async () => {
    const r = await run(
      `curl -s -i -m 5 --unix-socket ${S} -XPOST -H 'Connection: Upgrade' -H 'Upgrade: h2c' http://d/grpc; true`,
    );
    const line = "slipway policy: BuildKit's /grpc API (buildx, buildctl) is not allowed in this lab";
    expect(r.stdout).toMatch(/^HTTP\/1.1 403 Forbidden\r\n/);
    expect(r.stdout).toContain(line);
    const refused = (await activity()).filter((e) => e.path === "/grpc" && e.status === 403);
    expect(refused.length).toBe(1);
    expect(refused[0]?.summary.denied).toContain(line);
  });

  it("keeps a checked bind source from being swapped for a symlink before the container starts", async () => {
    const r =
      await run(`mkdir -p swap && docker create --name swapper -v /home/learner/swap:/host busybox ls /host/run >/dev/null
rmdir swap && ln -s / swap && docker start -a swapper`);
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("slipway-engine");
    expect(r.stderr).toContain("error while creating mount source path");
  });

  it("leaves the workstation no way to the engine's own socket", async () => {
    const r = await run(`find / \\( -path /proc -o -path /sys \\) -prune -o -type s -print 2>/dev/null
ls /run/slipway-engine 2>&1 | head -1
# Sockets listening in the shared network namespace, by path or abstract name: none answers.
for p in $(awk 'NR>1 && $4=="00010000" {print $8}' /proc/net/unix | sort -u); do
  case "$p" in @*) a=--abstract-unix-socket; p=\${p#@};; *) a=--unix-socket;; esac
  [ "$p" = ${S} ] && continue
  curl -s -m 2 $a "$p" http://d/_ping && echo " answered: $p"
done
for port in 2375 2376 2377; do curl -s -m 2 http://127.0.0.1:$port/_ping && echo " answered: $port"; done; true`);
    expect(r.stdout.trim().split("\n")[0]).toBe(S);
    expect(r.stdout).toContain("No such file or directory");
    expect(r.stdout).not.toContain("answered");
  });

  it("answers malformed, oversized and unfinished requests to the socket, and keeps serving meanwhile", async () => {
    const r = await run(`
code() { curl -s -o /dev/null -w '%{http_code}' --unix-socket ${S} "$@"; }
printf 'NOT HTTP AT ALL\\r\\n\\r\\n' | timeout 5 nc -U ${S} | head -1
echo "header $(code -H "X-Big: $(head -c 100000 /dev/zero | tr '\\0' a)" http://d/_ping)"
head -c 2000000 /dev/zero | tr '\\0' ' ' > big.json
echo "body $(code -XPOST -H 'Content-Type: application/json' --data-binary @big.json http://d/v1.41/containers/create)"
echo "json $(code -XPOST -H 'Content-Type: application/json' -d '{"HostConfig":{},"HostConfig":{"Privileged":true}}' http://d/v1.41/containers/create)"
t0=$(date +%s%N)
# Requests that never finish: a head without its blank line, a body shorter than announced.
{ (printf 'GET /_ping HTTP/1.1\\r\\nHost: d\\r\\n'; sleep 8) | timeout 8 nc -U ${S} | head -1 > head.txt; } 2>/dev/null &
{ (printf 'POST /v1.41/containers/create HTTP/1.1\\r\\nHost: d\\r\\nContent-Length: 99\\r\\n\\r\\n{'; sleep 8) | timeout 8 nc -U ${S} | head -1 > body.txt; } 2>/dev/null &
sleep 0.5; echo "meanwhile $(docker version --format '{{.Server.Version}}' >/dev/null && echo served in $((($(date +%s%N)-t0)/1000000)) ms)"
for i in $(seq 80); do [ -s head.txt ] && [ -s body.txt ] && break; sleep 0.1; done
echo "stalled head: $(cat head.txt) after $((($(date +%s%N)-t0)/1000000)) ms"; echo "stalled body: $(cat body.txt)"`);
    const out = r.stdout.replace(/\r/g, "");
    expect(out).toMatch(/^HTTP\/1.1 400 Bad Request\n/);
    expect(out).toContain("header 431");
    expect(out).toContain("body 413");
    expect(out).toContain("json 400");
    expect(out).toMatch(/meanwhile served in \d+ ms/);
    expect(Number(out.match(/served in (\d+) ms/)?.[1])).toBeLessThan(3000);
    expect(out).toMatch(/stalled head: HTTP\/1.1 408 Request Timeout after \d+ ms/);
    expect(Number(out.match(/after (\d+) ms/)?.[1])).toBeLessThan(10_000);
    expect(out).toContain("stalled body: HTTP/1.1 408 Request Timeout");
    const bad = (await activity()).filter((e) => [400, 408, 413, 431].includes(e.status));
    expect(bad.map((e) => e.status)).toEqual(expect.arrayContaining([400, 408, 413, 431]));
  });

  it("still serves this session, another session and the platform afterwards", async () => {
    for (const who of [s, other]) {
      const r = await run("docker run --rm busybox echo still-fine", who);
      expect(r.stdout).toBe("still-fine\n");
    }
    expect((await t.api("GET", "/api/health")).status).toBe(200);
    expect((await activity(other)).every((e) => e.status !== 403)).toBe(true);
  });
});

describe("a lab's allowance", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_LABS_DIR: join(import.meta.dirname, "fixtures/gateway/labs") });
    s = await t.startSession("cap-lab");
  });
  afterAll(async () => t?.close());

  it("lets exactly that item through", async () => {
    const ok = await t.exec(
      s,
      "docker run --rm --cap-add SYS_ADMIN busybox grep -c CapEff /proc/self/status",
      120_000,
    );
    expect(ok.stdout).toBe("1\n");
    const still = await t.exec(s, "docker run --rm --pid=host busybox true");
    expect(still.stderr).toContain("slipway policy: --pid=host is not allowed in this lab");
  });
});
