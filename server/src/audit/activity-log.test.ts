// One contract, both implementations: what the gateway writes and checks read.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ActivityLog } from "./activity-log.ts";
import type { AuditEntry } from "../../../common/audit-entry.ts";
import { MemoryActivityLog } from "./memory-activity-log.ts";
import { SqliteActivityLog } from "./sqlite-activity-log.ts";

let tick = 0;
const entry = (method: string, path: string, summary: Partial<AuditEntry["summary"]> = {}): AuditEntry => ({
  time: new Date(Date.UTC(2026, 0, 1) + tick++).toISOString(),
  method,
  path,
  status: 200,
  summary: { flags: [], ...summary },
});
const dbFile = () => join(mkdtempSync(join(tmpdir(), "slipway-activity-")), "slipway.db");

describe.each([
  ["memory", (cap: number) => new MemoryActivityLog(cap)],
  ["sqlite", (cap: number) => new SqliteActivityLog(dbFile(), cap)],
] as Array<[string, (cap: number) => ActivityLog]>)("%s activity log", (_name, make) => {
  it("keeps each session's calls apart, oldest first", () => {
    const log = make(10);
    const run = entry("POST", "/v1.41/containers/create?name=web", {
      image: "nginx",
      name: "web",
      flags: ["-d"],
    });
    const late = entry("GET", "/v1.41/containers/json");
    log.append("a", late);
    log.append("a", run);
    log.append("b", entry("GET", "/_ping"));
    expect(log.list("a")).toEqual([late, run].sort((x, y) => x.time.localeCompare(y.time)));
    expect(log.list("b")).toHaveLength(1);
    expect(log.list("nobody")).toEqual([]);
  });

  it("trims reads before writes when a session passes its cap", () => {
    const log = make(5);
    const run = entry("POST", "/containers/create", { image: "nginx" });
    log.append("s", run);
    for (let i = 0; i < 50; i++) log.append("s", entry("GET", "/containers/json"));
    const kept = log.list("s");
    expect(kept).toHaveLength(5);
    expect(kept[0]).toEqual(run);
    for (let i = 0; i < 7; i++) log.append("s", entry("POST", `/containers/c${i}/start`));
    expect(log.list("s").map((e) => e.path)).toEqual([2, 3, 4, 5, 6].map((i) => `/containers/c${i}/start`));
  });

  it("tells subscribers after each append, until they unsubscribe, and survives a failing one", () => {
    const log = make(10);
    const seen: string[] = [];
    log.subscribe("s", () => {
      throw new Error("a broken live check");
    });
    const stop = log.subscribe("s", (e) => seen.push(e.path));
    log.append("s", entry("GET", "/one"));
    log.append("other", entry("GET", "/elsewhere"));
    stop();
    log.append("s", entry("GET", "/two"));
    expect(seen).toEqual(["/one"]);
    expect(log.list("s")).toHaveLength(2);
  });
});

describe("sqlite activity log", () => {
  it("outlives its connection, cap included", () => {
    const file = dbFile();
    const first = new SqliteActivityLog(file, 3);
    for (let i = 0; i < 3; i++) first.append("s", entry("POST", `/w${i}`));
    first.close();
    const second = new SqliteActivityLog(file, 3);
    second.append("s", entry("POST", "/w3"));
    expect(second.list("s").map((e) => e.path)).toEqual(["/w1", "/w2", "/w3"]);
    second.close();
  });
});
