// driver.watch on the real engine: what a learner changes is reported (their engine's events,
// their workspace files), and once the watch is aborted nothing of it stays in the sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxChange } from "../server/src/sandbox/sandbox-driver.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

describe("watching a sandbox", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it("reports engine events and workspace edits, and leaves no watcher behind", async () => {
    const s = await t.startSession();
    const abort = new AbortController();
    const seen: SandboxChange[] = [];
    const watching = (async () => {
      for await (const c of t.driver.watch(t.app.sessions.ready(s.id), abort.signal)) seen.push(c);
    })();
    const until = async (match: (c: SandboxChange) => boolean) => {
      for (let i = 0; i < 200 && !seen.some(match); i++) await new Promise((r) => setTimeout(r, 50));
      return seen.some(match);
    };
    // The watcher is up once our own marker file is reported.
    for (let i = 0; i < 20 && !seen.some((c) => c.kind === "workspace"); i++)
      await t.exec(s, `echo ${i} > .ready`);
    await t.exec(s, "mkdir -p app && echo hi > app/notes.txt && docker network create watched");
    expect(await until((c) => c.kind === "workspace" && c.path === "app/notes.txt")).toBe(true);
    expect(await until((c) => c.kind === "engine" && c.type === "network" && c.action === "create")).toBe(
      true,
    );

    abort.abort(); // the only watcher: a playground session has no live checks of its own
    await watching;
    const left = await t.exec(s, "sleep 0.5; ps -eo args | grep -c '[i]notifywait' || true");
    expect(left.stdout.trim()).toBe("0");
  });
});
