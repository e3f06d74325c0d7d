// Attack test: a share link's token opens that attempt's report, read-only, and nothing else:
// not the attempt, not its tasks' sessions, not another attempt's report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentReport, AttemptView } from "../../../common/assessment-views.ts";
import { type MemoryApp, startMemoryApp } from "../memory-app.test-helper.ts";

let m: MemoryApp;
type Started = AttemptView & { token: string };
let a: Started;
let other: Started;
let share: string;
let sessionIds: string[];

beforeAll(async () => {
  m = await startMemoryApp();
  const start = async () =>
    (await m.call<Started>("POST", "/api/assessments/fixture-assessment/attempts")).body;
  a = await start();
  other = await start();
  await m.app.sessions.settle();
  sessionIds = m.store
    .list()
    .filter((s) => s.attempt?.id === a.id)
    .map((s) => s.id);
  expect((await m.call("POST", `/api/attempts/${a.id}/share`, { token: a.token })).status).toBe(409);
  await m.call("POST", `/api/attempts/${a.id}/finish`, { token: a.token });
  await m.call("POST", `/api/attempts/${other.id}/finish`, { token: other.token });
  share = (await m.call<{ shareToken: string }>("POST", `/api/attempts/${a.id}/share`, { token: a.token }))
    .body.shareToken;
});
afterAll(async () => m.close());

describe("a report's share link", () => {
  it("opens that report", async () => {
    const r = await m.call<AssessmentReport>("GET", `/api/attempts/${a.id}/report`, { token: share });
    expect(r.status).toBe(200);
    expect(r.body.attempt).toBe(a.id);
  });

  it("grants nothing else", async () => {
    const refused = [
      ["GET", `/api/attempts/${a.id}`],
      ["POST", `/api/attempts/${a.id}/open`],
      ["POST", `/api/attempts/${a.id}/finish`],
      ["POST", `/api/attempts/${a.id}/share`],
      ["GET", `/api/attempts/${other.id}/report`],
      ["GET", `/api/attempts/${other.id}`],
      ...sessionIds.flatMap((id) => [
        ["GET", `/api/sessions/${id}`],
        ["GET", `/api/sessions/${id}/activity`],
        ["GET", `/api/sessions/${id}/report`],
      ]),
    ] as const;
    expect(sessionIds).toHaveLength(2);
    for (const [method, path] of refused) {
      const r = await m.call(method, path, {
        token: share,
        body: method === "POST" ? { task: 0 } : undefined,
      });
      expect([path, r.status]).toEqual([path, 403]);
    }
  });

  it("a new link replaces the old one", async () => {
    const again = (
      await m.call<{ shareToken: string }>("POST", `/api/attempts/${a.id}/share`, { token: a.token })
    ).body.shareToken;
    expect((await m.call("GET", `/api/attempts/${a.id}/report`, { token: share })).status).toBe(403);
    expect((await m.call("GET", `/api/attempts/${a.id}/report`, { token: again })).status).toBe(200);
    share = again;
  });
});
