import { describe, expect, it } from "vitest";
import { SqliteSessionStore } from "./sqlite-session-store.ts";

const H = 3_600_000;
const v1 = {
  id: "old1",
  tokenHash: "h",
  lab: "playground",
  createdAt: 1000,
  expiresAt: 1000 + 2 * H,
  lastActivityAt: 1000,
  status: "ready",
  sandbox: { id: "old1", engine: "e", workstation: "w" },
  readyAt: 2000,
};

function storeWith(rows: Array<[string, string]>) {
  const store = new SqliteSessionStore(":memory:", { maxTtlMs: 8 * H });
  const db = (store as unknown as { db: { prepare(sql: string): { run(...a: unknown[]): void } } }).db;
  for (const [id, data] of rows)
    db.prepare("INSERT INTO sessions (id, status, data) VALUES (?, 'x', ?)").run(id, data);
  return store;
}

describe("stored sessions", () => {
  it("migrates a version 1 row (no cap, no clock), and writes it back as the current version", () => {
    const store = storeWith([["old1", JSON.stringify(v1)]]);
    const s = store.get("old1");
    expect(s).toMatchObject({ status: "ready", capAt: 1000 + 8 * H, clock: "running" });
    store.put(s as NonNullable<typeof s>);
    const raw = (store as unknown as { db: { prepare(sql: string): { get(): { data: string } } } }).db
      .prepare("SELECT data FROM sessions")
      .get();
    expect(JSON.parse(raw.data)).toMatchObject({ schemaVersion: 3, capAt: 1000 + 8 * H });
  });

  it("reports rows it cannot read instead of half-reading them, and lists the rest", () => {
    const store = storeWith([
      ["old1", JSON.stringify(v1)],
      ["newer", JSON.stringify({ ...v1, id: "newer", schemaVersion: 4 })],
      ["broken", JSON.stringify({ ...v1, id: "broken", status: "ready", sandbox: undefined })],
      ["junk", "{not json"],
    ]);
    expect(store.list().map((s) => s.id)).toEqual(["old1"]);
    expect(store.unreadable()).toEqual([
      { id: "newer", problem: "it was written by a newer Slipway (schema version 4)" },
      { id: "broken", problem: expect.stringContaining("sandbox") },
      { id: "junk", problem: "its record is not JSON" },
    ]);
    expect(() => store.get("newer")).toThrow(
      /session newer cannot be read: it was written by a newer Slipway/,
    );
  });

  it("refuses to store a record that would not read back", () => {
    const store = storeWith([]);
    expect(() => store.put({ ...v1, capAt: 1, clock: "sometimes" } as never)).toThrow(
      /refusing to store session old1/,
    );
  });
});
