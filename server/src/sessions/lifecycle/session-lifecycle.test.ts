// The lifecycle of a session on the in-memory driver, with a clock the test moves: pause and
// resume, what expiry (time limit, idle, max-TTL cap, retention) does, and how a crash part
// way through a move is finished by the next server.
import { afterEach, describe, expect, it, vi } from "vitest";
import { type MemoryApp, startMemoryApp } from "../../memory-app.test-helper.ts";

const MIN = 60_000;
const open: MemoryApp[] = [];
async function memoryApp(...args: Parameters<typeof startMemoryApp>): Promise<MemoryApp> {
  const m = await startMemoryApp(...args);
  open.push(m);
  return m;
}
afterEach(async () => {
  for (const m of open.splice(0).reverse()) await m.close().catch(() => undefined);
});

async function started(m: MemoryApp, lab = "playground") {
  const { session, token } = await m.app.sessions.start(lab);
  expect(session.state).toBe("ready");
  return { id: session.id, token, ref: m.app.sessions.ready(session.id) };
}

describe("pause and resume", () => {
  it("keeps the sandbox's files, images and volumes, and brings back what has a restart policy", async () => {
    const m = await memoryApp();
    const s = await started(m);
    await m.app.sessions.exec(s.id, [
      "sh",
      "-c",
      "echo kept > notes.txt && docker run -d --name web --restart always nginx && docker run -d --name once -v data:/d busybox",
    ]);
    expect((await m.app.sessions.pause(s.id)).state).toBe("paused");
    expect(m.driver.sandbox(s.id).state).toBe("paused");
    await expect(m.app.sessions.exec(s.id, ["true"])).rejects.toMatchObject({ code: "conflict" });

    const resumed = await m.app.sessions.resume(s.id);
    expect(resumed.state).toBe("ready");
    const out = await m.app.sessions.exec(s.id, [
      "sh",
      "-c",
      "cat notes.txt; docker ps; docker ps -a; docker images; docker volume ls",
    ]);
    expect(out.stdout).toBe("kept\nweb\nweb\nonce\nnginx\nbusybox\ndata\n");
  });

  it("frees its slot while paused, and a resume waits for one", async () => {
    const m = await memoryApp({ env: { SLIPWAY_MAX_SESSIONS: "1" } });
    const a = await started(m);
    const queued = await m.app.sessions.start("playground");
    expect(queued.session.state).toBe("queued");
    await m.app.sessions.pause(a.id);
    await m.app.sessions.settle();
    expect(m.app.sessions.get(queued.session.id).status).toBe("ready");
    await expect(m.app.sessions.resume(a.id)).rejects.toMatchObject({ code: "capacity" });
    expect(m.app.sessions.get(a.id).status).toBe("paused");
  });

  it("goes back to paused, saying why, when the sandbox will not come back", async () => {
    const m = await memoryApp();
    const s = await started(m);
    await m.app.sessions.pause(s.id);
    m.driver.fail("waitReady", new Error("the engine did not answer"));
    await expect(m.app.sessions.resume(s.id)).rejects.toMatchObject({ code: "unavailable" });
    expect(m.app.sessions.view(s.id)).toMatchObject({
      state: "paused",
      reason: "it could not be resumed: the engine did not answer",
    });
    expect(m.driver.sandbox(s.id).state).toBe("paused");
    expect((await m.app.sessions.resume(s.id)).state).toBe("ready");
  });

  it("refuses moves the table lacks, with the state it is in", async () => {
    const m = await memoryApp();
    const s = await started(m);
    await expect(m.app.sessions.resume(s.id)).resolves.toMatchObject({ state: "ready" }); // already
    await m.app.sessions.stop(s.id);
    await expect(m.app.sessions.pause(s.id)).rejects.toThrow(
      /is stopped: only a running session can be paused/,
    );
    await expect(m.app.sessions.resume(s.id)).rejects.toThrow(/is stopped: only a paused session/);
    expect(m.driver.sandboxes.size).toBe(0);
  });

  it("stops a paused session, removing its sandbox", async () => {
    const m = await memoryApp();
    const s = await started(m);
    await m.app.sessions.pause(s.id);
    expect((await m.app.sessions.stop(s.id)).state).toBe("stopped");
    expect(m.driver.sandboxes.has(s.id)).toBe(false);
  });
});

describe("expiry", () => {
  it("pauses an idle session instead of removing it, and not one in use", async () => {
    const m = await memoryApp();
    const busy = await started(m);
    const idle = await started(m);
    m.clock.advance(29 * MIN);
    m.app.sessions.touch(busy.id);
    m.clock.advance(2 * MIN);
    await m.app.reconciler.tick();
    expect(m.app.sessions.view(idle.id)).toMatchObject({ state: "paused", reason: "no activity for 30 min" });
    expect(m.app.sessions.view(busy.id).state).toBe("ready");
  });

  it("pauses a guided session at its time limit; a resume starts a fresh one under a fresh cap", async () => {
    const m = await memoryApp({
      env: { SLIPWAY_SESSION_TTL: "1h", SLIPWAY_SESSION_MAX_TTL: "90m", SLIPWAY_IDLE_TIMEOUT: "1d" },
    });
    const s = await started(m);
    const t0 = m.clock.now();
    expect(Date.parse(m.app.sessions.extend(s.id, 60 * MIN).expiresAt)).toBe(t0 + 90 * MIN); // capped
    m.clock.advance(90 * MIN);
    await m.app.reconciler.tick();
    expect(m.app.sessions.view(s.id)).toMatchObject({ state: "paused", reason: "time limit reached" });
    m.clock.advance(3 * 24 * 60 * MIN);
    const resumed = await m.app.sessions.resume(s.id);
    expect(Date.parse(resumed.expiresAt)).toBe(m.clock.now() + 60 * MIN);
    expect(Date.parse(m.app.sessions.extend(s.id, 120 * MIN).expiresAt)).toBe(m.clock.now() + 90 * MIN);
  });

  it("stops a timed lab at its limit, on the wall clock, paused or not", async () => {
    const m = await memoryApp({ env: { SLIPWAY_IDLE_TIMEOUT: "1d" } });
    const running = await started(m, "timed-challenge");
    const paused = await started(m, "timed-challenge");
    await m.app.sessions.pause(paused.id);
    m.clock.advance(9 * MIN);
    await m.app.reconciler.tick();
    expect(m.app.sessions.get(running.id).status).toBe("ready");
    m.clock.advance(1 * MIN);
    await expect(m.app.sessions.resume(paused.id)).rejects.toThrow(/cannot be resumed: time limit reached/);
    await m.app.reconciler.tick();
    for (const s of [running, paused])
      expect(m.app.sessions.view(s.id)).toMatchObject({ state: "stopped", reason: "time limit reached" });
    expect(m.driver.sandboxes.size).toBe(0);
  });

  it("keeps a paused sandbox for the retention time, then removes it", async () => {
    const m = await memoryApp({ env: { SLIPWAY_PAUSED_RETENTION: "7d" } });
    const s = await started(m);
    await m.app.sessions.pause(s.id);
    const view = m.app.sessions.view(s.id);
    expect(Date.parse(view.keptUntil ?? "")).toBe(m.clock.now() + 7 * 24 * 60 * MIN);
    m.clock.advance(7 * 24 * 60 * MIN - 1);
    await m.app.reconciler.tick();
    expect(m.app.sessions.get(s.id).status).toBe("paused");
    m.clock.advance(1);
    await m.app.reconciler.tick();
    expect(m.app.sessions.view(s.id)).toMatchObject({
      state: "stopped",
      reason: expect.stringMatching(/paused for 7 days/),
    });
    expect(m.driver.sandboxes.has(s.id)).toBe(false);
  });
});

describe("crashes and vanished sandboxes", () => {
  it("finishes a pause that a crash interrupted, and a resume", async () => {
    const first = await memoryApp();
    const a = await started(first);
    const b = await started(first);
    await first.app.sessions.pause(b.id);
    first.driver.hold("pause");
    first.driver.hold("resume");
    void first.app.sessions.pause(a.id).catch(() => undefined);
    void first.app.sessions.resume(b.id).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(first.store.get(a.id)?.status).toBe("pausing");
    expect(first.store.get(b.id)?.status).toBe("resuming");
    first.crash();
    first.driver.abandonHolds();

    const second = await memoryApp({ driver: first.driver, store: first.store, clock: first.clock });
    expect(second.app.sessions.get(a.id).status).toBe("paused");
    expect(second.driver.sandbox(a.id).state).toBe("paused");
    expect(second.app.sessions.get(b.id).status).toBe("ready");
    expect((await second.app.sessions.exec(b.id, ["echo", "back"])).stdout).toBe("back\n");
  });

  it("waits for a launch before a stop, so no sandbox outlives its session", async () => {
    const m = await memoryApp();
    const release = m.driver.hold("waitReady");
    const starting = m.app.sessions.start("playground");
    await vi.waitFor(() => expect(m.app.sessions.activeIds()).toHaveLength(1));
    const [id] = m.app.sessions.activeIds();
    const stopping = m.app.sessions.stop(id as string);
    release();
    await starting;
    expect((await stopping).state).toBe("stopped");
    expect(m.driver.sandboxes.size).toBe(0);
  });

  it("pauses a ready session whose sandbox stopped, and fails one whose sandbox is gone", async () => {
    const m = await memoryApp();
    const stoppedUnderUs = await started(m);
    const gone = await started(m);
    m.driver.sandbox(stoppedUnderUs.id).pause(); // as a restart of the host's engine leaves it
    await m.driver.destroy(gone.id);
    await m.app.reconciler.tick();
    expect(m.app.sessions.view(stoppedUnderUs.id)).toMatchObject({
      state: "paused",
      reason: "its sandbox stopped running",
    });
    expect(m.app.sessions.view(gone.id)).toMatchObject({ state: "failed", reason: "the sandbox vanished" });
  });

  it("leaves alone the sandbox of a session whose record it cannot read", async () => {
    const m = await memoryApp();
    const spec = { id: "fromthefuture", memoryMiB: 1, cpus: 1, pids: 1, diskGiB: 0 };
    await m.driver.create(spec, { instance: "memory-test", session: spec.id, lab: "x", expiresAt: "" });
    m.store.putRaw(spec.id, JSON.stringify({ schemaVersion: 9, id: spec.id, status: "hovering" }));
    await m.app.reconciler.tick();
    expect(m.driver.sandboxes.has(spec.id)).toBe(true);
    expect(m.store.unreadable()).toEqual([{ id: spec.id, problem: expect.stringMatching(/newer Slipway/) }]);
  });
});
