// The SQLite class store: records survive a reopen, a damaged row is an error naming the
// class (never half-read), and the capacity and name checks hold in the store itself.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { ClassRecord } from "./class.ts";
import { SqliteClassStore } from "./sqlite-class-store.ts";

let dir = "";
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "slipway-classes-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record: ClassRecord = {
  id: "c1",
  title: "Docker 101",
  labs: ["first-container"],
  capacity: 2,
  hintsAllowed: true,
  solutionsAllowed: false,
  stuckAfterMs: 600_000,
  joinCode: "ABCD2345",
  instructorKeyHash: "a".repeat(64),
  createdAt: 1,
};

it("keeps classes and members across a reopen and guards seats and names", () => {
  const file = join(dir, "db.sqlite");
  const a = new SqliteClassStore(file);
  a.put(record);
  const member = (learnerId: string, displayName: string) => ({
    classId: "c1",
    learnerId,
    displayName,
    joinedAt: 2,
  });
  expect(a.addMember(member("l1", "Ada"), 2)).toBeUndefined();
  expect(a.addMember(member("l2", " ADA"), 2)).toBe("name-taken");
  expect(a.addMember(member("l2", "Bob"), 2)).toBeUndefined();
  expect(a.addMember(member("l3", "Cy"), 2)).toBe("full");
  a.close();
  const b = new SqliteClassStore(file);
  expect(b.get("c1")).toEqual(record);
  expect(b.byJoinCode("ABCD2345")?.id).toBe("c1");
  expect(b.members("c1").map((m) => m.displayName)).toEqual(["Ada", "Bob"]);
  b.close();
});

it("refuses to read a damaged class, and to write a bad one", () => {
  const file = join(dir, "db.sqlite");
  const store = new SqliteClassStore(file);
  store.put(record);
  const raw = new Database(file);
  raw.prepare("UPDATE classes SET data = ? WHERE id = 'c1'").run(JSON.stringify({ ...record, capacity: -1 }));
  raw.close();
  expect(() => store.get("c1")).toThrow(/class c1 cannot be read: .*capacity/);
  expect(() => store.put({ ...record, id: "c2", joinCode: "lower-case" })).toThrow();
  store.close();
});
