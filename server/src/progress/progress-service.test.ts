import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LabEvent } from "../../../common/lab-events.ts";
import { MemoryActivityLog } from "../audit/memory-activity-log.ts";
import { SlipwayError } from "../errors.ts";
import { LabCatalog } from "../labs/lab-catalog.ts";
import { silentLog } from "../logger.ts";
import type { Session } from "../sessions/session.ts";
import { FAKE_REF, FakeSandbox } from "./fake-sandbox.test-helper.ts";
import { MemoryProgressStore } from "./memory-progress-store.ts";
import { ProgressService } from "./progress-service.ts";
import type { ProgressStore } from "./progress-store.ts";
import { SqliteProgressStore } from "./sqlite-progress-store.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/labs");
const catalog = LabCatalog.fromPaths(
  [join(FIXTURES, "live-steps"), join(FIXTURES, "timed-challenge")],
  silentLog,
);
const open: Array<{ service: ProgressService; sandbox: FakeSandbox }> = [];

async function setup(lab = "live-steps", store: ProgressStore = new MemoryProgressStore()) {
  const sandbox = await FakeSandbox.start();
  let session: Session = {
    id: "s1",
    tokenHash: "",
    lab,
    createdAt: 1000,
    expiresAt: Date.now() + 600_000,
    capAt: Date.now() + 600_000,
    clock: "wall",
    lastActivityAt: 1000,
    status: "ready",
    sandbox: FAKE_REF,
    readyAt: 2000,
  };
  const events: LabEvent[] = [];
  const sessions = {
    get: () => session,
    ready: () => {
      if (session.status !== "ready") throw new SlipwayError("conflict", "not ready");
      return FAKE_REF;
    },
    stop: async (_id: string, reason = "stopped on request") => {
      session = { ...session, status: "stopped", stoppedAt: Date.now(), reason };
      service.sessionChanged(session);
      return { id: "s1" } as never;
    },
    // The sessions' expiry policy decides; this stand-in stops a session past its time.
    expire: async (id: string) => {
      if (Date.now() >= session.expiresAt) await sessions.stop(id, "time limit reached");
      return { id: "s1" } as never;
    },
    expireIn: (ms: number) => void (session = { ...session, expiresAt: Date.now() + ms }),
  };
  const service: ProgressService = new ProgressService({
    sessions,
    listSessions: () => [session],
    labs: catalog,
    driver: sandbox,
    activity: new MemoryActivityLog(),
    store,
    clock: Date.now,
    log: silentLog,
    live: true,
  });
  service.subscribe("s1", (e) => events.push(e));
  open.push({ service, sandbox });
  const statuses = async () => (await service.view("s1")).steps.map((s) => s.status);
  return { service, sandbox, events, statuses, sessions };
}

afterEach(async () => {
  for (const { service, sandbox } of open.splice(0)) {
    service.detachAll();
    await sandbox.close();
  }
});

describe("ProgressService", () => {
  it("completes a step by itself when the sandbox changes, and says so on the event stream", async () => {
    const { service, sandbox, events, statuses } = await setup();
    await service.adoptAll();
    await vi.waitFor(async () => expect(await statuses()).toEqual(["failed", "failed"]));
    sandbox.containers.set("box", { State: { Status: "running" } });
    sandbox.change({ kind: "engine", type: "container", action: "start", name: "box" });
    await vi.waitFor(
      () =>
        expect(events).toContainEqual(
          expect.objectContaining({ type: "step", stepId: "run-box", status: "passed" }),
        ),
      { timeout: 1000 },
    );
    sandbox.files.set("notes.txt", "hello\n");
    sandbox.change({ kind: "workspace", path: "notes.txt" });
    await vi.waitFor(() => expect(events.at(-1)).toEqual({ type: "completed" }), { timeout: 1000 });
    expect((await service.view("s1")).completed).toBe(true);
  });

  it("keeps passed steps passed across a restart, from the store", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "slipway-progress-")), "db");
    const first = await setup("live-steps", new SqliteProgressStore(file));
    first.sandbox.containers.set("box", { State: { Status: "running" } });
    await first.service.adoptAll();
    await vi.waitFor(async () => expect(await first.statuses()).toEqual(["passed", "failed"]));
    first.service.detachAll();

    const second = await setup("live-steps", new SqliteProgressStore(file)); // box is gone here
    await second.service.adoptAll();
    second.sandbox.change({ kind: "resync" });
    await new Promise((r) => setTimeout(r, 300));
    expect(await second.statuses()).toEqual(["passed", "failed"]);
    expect((await second.service.check("s1")).steps[0]).toMatchObject({ status: "passed", pass: false });
  });

  it("reloads a lab keeping passed only the steps it is told to keep (lab dev's sticky steps)", async () => {
    const { service, sandbox, statuses } = await setup();
    sandbox.containers.set("box", { State: { Status: "running" } });
    await service.adoptAll();
    await vi.waitFor(async () => expect(await statuses()).toEqual(["passed", "failed"]));
    sandbox.containers.delete("box"); // a later step removed it: sticky keeps the pass
    await service.reload("s1", new Set(["run-box"]));
    expect((await service.check("s1")).steps[0]).toMatchObject({ status: "passed", pass: false });
    await service.reload("s1");
    expect((await service.check("s1")).steps[0]).toMatchObject({ status: "failed", pass: false });
  });

  it("stops watching when the session stops, and the report is final", async () => {
    const { service, sandbox, sessions } = await setup();
    await service.adoptAll();
    await vi.waitFor(() => expect(sandbox.watchers).toBe(1));
    await sessions.stop("s1");
    expect(sandbox.watchers).toBe(0);
    const report = await service.report("s1");
    expect(report).toMatchObject({ state: "stopped", final: true, stepsPassed: 0, stepsTotal: 2 });
    await expect(service.hint("s1", "run-box")).rejects.toMatchObject({ code: "conflict" });
  });

  it("reveals hints one at a time and records viewed solutions in the report", async () => {
    const { service } = await setup();
    expect(await service.hint("s1", "run-box")).toMatchObject({ index: 0, remaining: 1 });
    expect(await service.hint("s1", "run-box")).toMatchObject({ index: 1, remaining: 0 });
    await expect(service.hint("s1", "run-box")).rejects.toMatchObject({ code: "conflict" });
    await expect(service.hint("s1", "nope")).rejects.toMatchObject({ code: "not-found" });
    expect((await service.view("s1")).steps[0]?.solution).toBeUndefined();
    expect((await service.solution("s1", "run-box")).script).toContain("docker run -d --name box");
    const [opened, other] = (await service.view("s1")).steps;
    expect(opened?.hints).toHaveLength(2);
    // An opened solution is in the view, so a reload shows it again; the other step's is not.
    expect(opened?.solution).toContain("docker run -d --name box");
    expect(other?.solution).toBeUndefined();
    expect(await service.report("s1")).toMatchObject({ hintsRevealed: 2, solutionsViewed: 1, final: false });
  });

  it("refuses hints and solutions in a challenge, and shows its timer", async () => {
    const { service } = await setup("timed-challenge");
    await expect(service.hint("s1", "write-note")).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.solution("s1", "write-note")).rejects.toMatchObject({ code: "forbidden" });
    const view = await service.view("s1");
    expect(view.steps[0]).toMatchObject({ hintCount: 0, hints: [] });
    expect(view.timer?.remainingMs).toBeGreaterThan(500_000);
  });

  it("ends a timed session at its limit with a timer event", async () => {
    const { service, events, sessions } = await setup("timed-challenge");
    sessions.expireIn(50);
    await service.adoptAll();
    await vi.waitFor(() =>
      expect(events).toContainEqual({ type: "session", state: "stopped", reason: "time limit reached" }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: "timer", timer: expect.objectContaining({ expired: true }) }),
    );
  });
});
