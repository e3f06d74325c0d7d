import { describe, expect, it } from "vitest";
import type { Session, SessionStatus } from "../session.ts";
import { MemorySessionStore } from "../store/memory-session-store.ts";
import { SessionTransitions, TRANSITIONS, canMove } from "./session-transitions.ts";

const ref = { id: "s1", engine: "e", workstation: "w" };
const base = {
  id: "s1",
  tokenHash: "h",
  lab: "l",
  createdAt: 1,
  expiresAt: 2,
  capAt: 3,
  clock: "running",
  lastActivityAt: 1,
  owner: "me",
} as const;

function setup() {
  const moved: Session[] = [];
  const t = new SessionTransitions(new MemorySessionStore(), (s) => moved.push(s));
  return { t, moved };
}

describe("SessionTransitions", () => {
  it("walks a session through start, pause, resume and stop, telling the listener each time", () => {
    const { t, moved } = setup();
    t.create({ ...base, status: "starting" });
    t.move("s1", "ready", { sandbox: ref, readyAt: 5 });
    t.move("s1", "pausing", { sandbox: ref, readyAt: 5, reason: "idle" });
    t.move("s1", "paused", { sandbox: ref, readyAt: 5, reason: "idle", pausedAt: 9 });
    t.move("s1", "resuming", { sandbox: ref, readyAt: 5, reason: "idle", pausedAt: 9 });
    t.move("s1", "ready", { sandbox: ref, readyAt: 5 }, { expiresAt: 100, capAt: 200 });
    t.move("s1", "stopping", { sandbox: ref, reason: "done" });
    const last = t.move("s1", "stopped", { stoppedAt: 10, reason: "done" });
    expect(moved.map((s) => s.status)).toEqual([
      "starting",
      "ready",
      "pausing",
      "paused",
      "resuming",
      "ready",
      "stopping",
      "stopped",
    ]);
    // Common fields carried through every move, the status's own fields replaced.
    expect(last).toEqual({
      ...base,
      expiresAt: 100,
      capAt: 200,
      status: "stopped",
      stoppedAt: 10,
      reason: "done",
    });
  });

  it("refuses a move the table lacks, and writes nothing", () => {
    const { t, moved } = setup();
    t.create({ ...base, status: "queued" });
    expect(() => t.move("s1", "ready", { sandbox: ref, readyAt: 1 })).toThrow(
      /is queued: it cannot become ready/,
    );
    expect(t.get("s1").status).toBe("queued");
    expect(moved).toHaveLength(1);
  });

  it("changes other fields with patch, never the status", () => {
    const { t, moved } = setup();
    t.create({ ...base, status: "starting" });
    expect(t.patch("s1", { lastActivityAt: 42 })).toMatchObject({ status: "starting", lastActivityAt: 42 });
    expect(moved).toHaveLength(1);
  });

  it("ends nowhere after stopped or failed, and reaches stopped from every live state", () => {
    expect(TRANSITIONS.stopped).toEqual([]);
    expect(TRANSITIONS.failed).toEqual([]);
    const live: SessionStatus[] = ["starting", "ready", "pausing", "paused", "resuming"];
    for (const s of live) expect(canMove(s, "stopping")).toBe(true);
    expect(canMove("queued", "stopped")).toBe(true);
  });
});
