// Check types where the behaviour lives in Docker, on the real engine: reachability seen
// from inside a container (any image, a scratch one included, DNS as that container has it),
// images compared as Docker compares them, absence and exactness, honest exec failures; and
// a step whose state arrives with no event, completed by the live re-check timer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, LabEvent } from "../common/lab-events.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

const STATE = `set -e
# A subnet of our own, so 192.168.77.250 is an address where nothing answers (no ARP reply).
docker network create --subnet 192.168.77.0/24 appnet >/dev/null
docker run -d --name db --network appnet redis >/dev/null
docker run -d --name web --network appnet nginx:1.22 >/dev/null
docker container run -d --name web2 --network appnet docker.io/library/nginx:latest >/dev/null
docker run -d --name lone2 busybox sleep 600 >/dev/null
docker run -d --name lone busybox sleep 600 >/dev/null
docker run -d --name linked --link lone2:peer busybox sleep 600 >/dev/null
printf 'FROM busybox AS b\\nFROM scratch\\nCOPY --from=b /bin/busybox /busybox\\nENTRYPOINT ["/busybox", "sleep", "600"]\\n' \\
  | docker build -q -t bare - >/dev/null
docker run -d --name bare --network appnet bare >/dev/null
# Nothing in bare can look anything up: the probe must not need it to.
! docker exec bare nslookup web >/dev/null 2>&1
for i in $(seq 300); do
  docker logs db 2>&1 | grep -q "Ready to accept" && docker logs web 2>&1 | grep -q "start worker process" && exit 0
  sleep 0.2
done
exit 1`;

describe("check types on the real engine", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_LABS_DIR: "test/fixtures/check-labs" });
  });
  afterAll(async () => t?.close());

  it(
    "probes, compares images and proves absence as Docker sees it, creating nothing",
    { timeout: 900_000 },
    async () => {
      const s = await t.startSession("probes");
      const setup = await t.exec(s, STATE, 600_000);
      expect(setup.exitCode, setup.stderr).toBe(0);
      const before = await t.exec(s, "docker ps -aq | wc -l; date +%s");
      const [count, since] = before.stdout.trim().split("\n");

      const r = await t.api<CheckReport>("POST", `/api/sessions/${s.id}/check`, {}, s.token);
      const results = r.body.steps[0]?.results ?? [];
      expect(results.length).toBe(28);
      const wrong = results
        .filter((x) => x.pass !== x.name.startsWith("PASS"))
        .map((x) => `${x.name}: ${x.errors.join("; ") || "passed"}`);
      expect(wrong).toEqual([]);

      const byName = (prefix: string) => results.find((x) => x.name.startsWith(prefix));
      expect(byName("FAIL lone resolves lone2")?.errors).toEqual([
        "lone → lone2: lone2 expected to resolve from lone, but it does not",
      ]);
      expect(byName("FAIL web reaches db:6380")?.errors[0]).toMatch(/web → db:6380: .*Connection refused/);
      // Bounded by the probe's own timeout, not by the runner's limit. On a loaded host the
      // kernel may give up on the address (ARP) before the probe's second is over: both say
      // what happened, and neither waits for the runner.
      expect(byName("FAIL web reaches the unused address")?.errors).toEqual([
        expect.stringMatching(
          /^web → 192\.168\.77\.250:80: expected to accept a TCP connection on 192\.168\.77\.250:80, but: (no answer within 1 s|No route to host)$/,
        ),
      ]);
      expect(byName("FAIL web2 runs nginx:1.22")?.errors).toEqual([
        'container web2: image expected nginx:1.22, got "docker.io/library/nginx:latest"',
      ]);
      expect(byName("FAIL a command in a missing container")?.errors).toEqual([
        "`false` in container ghost: container ghost expected to exist, but there is none",
      ]);

      // The probes ran beside the engine, not in it: no container was made, no event seen.
      const after = await t.exec(
        s,
        `docker ps -aq | wc -l; docker events --since ${since} --until $(date +%s)`,
      );
      const [countAfter, ...events] = after.stdout.trim().split("\n");
      expect(countAfter).toBe(count);
      expect(events.filter((e) => / container (create|start) /.test(e))).toEqual([]);
    },
  );

  it("completes a step whose state arrives with no event, within about two seconds", async () => {
    const s = await t.startSession("slow-start");
    const events: Array<{ at: number; e: LabEvent }> = [];
    const abort = new AbortController();
    const res = await fetch(`${t.url}/api/sessions/${s.id}/events`, {
      signal: abort.signal,
      headers: { authorization: `Bearer ${s.token}` },
    });
    expect(res.status).toBe(200);
    void (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        for (const m of decoder.decode(chunk).matchAll(/^data: (.*)$/gm))
          events.push({ at: Date.now(), e: JSON.parse(m[1] as string) as LabEvent });
    })().catch(() => undefined);
    const passed = () => events.find((x) => x.e.type === "step" && x.e.status === "passed");

    const run = `docker run -d --name slow -p 8080:80 nginx sh -c "sleep 6 && exec nginx -g 'daemon off;'"`;
    expect((await t.exec(s, run)).exitCode).toBe(0);
    // The learner's shell finds the moment the page answers; no Docker call meanwhile.
    const poll = await t.exec(
      s,
      "for i in $(seq 300); do curl -sf localhost:8080 >/dev/null && { date +%s%3N; exit 0; }; sleep 0.05; done; exit 1",
    );
    expect(poll.exitCode).toBe(0);
    const answered = Number(poll.stdout.trim());
    for (let waited = 0; !passed() && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    const shown = passed();
    expect(shown, JSON.stringify(events.map((x) => x.e))).toBeDefined();
    // Step statuses before it: failed (the start event's evaluation found nothing listening).
    expect(events.some((x) => x.e.type === "step" && x.e.status === "failed" && x.at < answered)).toBe(true);
    const seen = events.map((x) => `${x.at - answered} ms ${x.e.type} ${"status" in x.e ? x.e.status : ""}`);
    expect((shown?.at ?? Infinity) - answered, seen.join("; ")).toBeLessThan(2500);
  });
});
