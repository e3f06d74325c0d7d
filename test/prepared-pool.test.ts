// A sandbox prepared ahead for a lab, on the real engine: the pool runs the lab's setup (here a
// challenge that builds an image and leaves a container in a restart loop) before anyone asks;
// the learner who starts the lab gets it at once, with the setup's state, their own variables,
// checks that still fail, and an empty trail. Nothing is left once the app closes.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLab } from "../server/src/labs/lab-loader.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

const LAB = "troubleshoot-restart-loop";

describe("a lab's prepared warm pool on the real engine", () => {
  let t: TestApp;
  const made = new Set<string>();
  /** Until the pool holds one sandbox prepared for the lab: its setup takes seconds to minutes. */
  const onePrepared = () =>
    expect
      .poll(() => t.app.sessions.pool.list().filter((p) => p.lab === LAB).length, {
        timeout: 240_000,
        interval: 500,
      })
      .toBe(1);

  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_POOL_LABS: LAB, SLIPWAY_POOL_MEMORY_MIB: "4096" });
  });
  afterAll(async () => {
    await t?.close();
    // The pool's sandboxes go with the app: drained, not left for a reaper.
    const named = execFileSync("docker", ["ps", "-a", "--format", "{{.Names}}"]).toString();
    for (const id of made) expect(named).not.toContain(id);
  });

  it("hands the learner the prepared sandbox: setup done, their variables, nothing passed, an empty trail", async () => {
    await onePrepared();
    const [entry] = t.app.sessions.pool.list();
    made.add(entry?.id ?? "");
    const t0 = performance.now();
    const s = await t.startSession(LAB);
    console.log(`prepared start of ${LAB}: ${Math.round(performance.now() - t0)} ms`);
    made.add(s.id);
    expect(s.id).toBe(entry?.id);
    expect(t.app.sessions.get(s.id).origin).toBe("prepared");

    // Nothing in the trail before the learner acts: none of setup's build and run.
    const activity = async () =>
      (await t.api<{ entries: unknown[] }>("GET", `/api/sessions/${s.id}/activity`, undefined, s.token)).body
        .entries;
    expect(await activity()).toEqual([]);
    const { lab } = await loadLab(resolve(import.meta.dirname, "../labs", LAB), undefined, { seed: s.id });
    const port = lab?.variant?.values.port;
    const r = await t.exec(
      s,
      "docker inspect -f '{{.RestartCount}} {{(index (index .HostConfig.PortBindings \"8080/tcp\") 0).HostPort}}' quotes",
    );
    const [restarts, hostPort] = r.stdout.trim().split(" ");
    expect(Number(restarts)).toBeGreaterThanOrEqual(2);
    expect(hostPort).toBe(String(port));

    const view = await t.api<{ steps: Array<{ id: string; status: string }> }>(
      "GET",
      `/api/sessions/${s.id}/lab`,
      undefined,
      s.token,
    );
    expect(view.body.steps.map((x) => x.status)).not.toContain("passed");

    // Theirs is.
    await expect.poll(async () => (await activity()).length).toBeGreaterThan(0);
  });

  it("prepares the next one for the lab once a learner took it", async () => {
    await onePrepared();
    for (const p of t.app.sessions.pool.list()) made.add(p.id);
  });
});
