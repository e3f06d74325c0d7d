import { describe, expect, it } from "vitest";
import { SqliteSessionStore } from "./sqlite-session-store.ts";

const store = () => new SqliteSessionStore(":memory:", { maxTtlMs: 8 * 3_600_000 });

const ref = (id: string) => ({ id, engine: `${id}-e`, workstation: `${id}-w` });

describe("the pool in SQLite", () => {
  it("hands a prepared sandbox only to its own lab, and an empty one only when asked for none", () => {
    const s = store();
    s.putPool({ id: "e1", ref: ref("e1"), createdAt: 1 });
    s.putPool({ id: "n1", ref: ref("n1"), createdAt: 2, lab: "nets" });
    s.putPool({ id: "n2", ref: ref("n2"), createdAt: 3, lab: "nets" });
    expect(s.takePool("vols")).toBeUndefined();
    expect(s.takePool("nets")?.id).toBe("n1"); // oldest first
    expect(s.takePool()?.id).toBe("e1");
    expect(s.takePool()).toBeUndefined();
    expect(s.listPool().map((p) => [p.id, p.lab])).toEqual([["n2", "nets"]]);
    s.close();
  });
});
