import { describe, expect, it } from "vitest";
import type { AuditEntry } from "./check-context.ts";
import { fakeCheckContext } from "./fake-check-context.ts";
import { historyCheck } from "./history-check.ts";

const entry = (
  method: string,
  path: string,
  status: number,
  summary: Partial<AuditEntry["summary"]> = {},
) => ({
  time: "2026-01-01T00:00:00Z",
  method,
  path,
  status,
  summary: { flags: [], ...summary },
});
const ctx = fakeCheckContext({
  history: [
    entry("POST", "/v1.47/containers/create?name=web", 201, {
      image: "nginx",
      name: "web",
      flags: ["--detach"],
    }),
    entry("POST", "/v1.47/containers/web/start", 204),
    entry("GET", "/v1.47/containers/web/logs?stdout=1", 200),
    entry("POST", "/v1.47/containers/create", 409, { image: "nginx", flags: ["--memory"] }),
  ],
});
const run = (raw: object) => historyCheck.run(historyCheck.parse({ type: "history", ...raw }, "t"), ctx);

describe("history check", () => {
  it("finds calls by method, glob path, image and flags", async () => {
    expect((await run({ method: "POST", path: "/containers/create", image: "nginx" })).pass).toBe(true);
    expect((await run({ method: "GET", path: "/containers/*/logs" })).pass).toBe(true);
    expect((await run({ path: "/containers/**", count: { min: 3 } })).pass).toBe(true);
  });
  it("fails when no accepted call matches, naming the closest one", async () => {
    const r = await run({ method: "POST", path: "/containers/create", flags: ["--memory"] });
    expect(r.errors).toEqual([
      'history: expected at least 1 call(s) of POST /containers/create flags --memory, got 0; closest: POST /containers/create 409 {"flags":["--memory"],"image":"nginx"}',
    ]);
    expect((await run({ path: "/containers/create", succeeded: false, flags: ["--memory"] })).pass).toBe(
      true,
    );
  });

  it("compares images as Docker does: any tag unless the check names one", async () => {
    const calls = (image: string) =>
      fakeCheckContext({
        history: [entry("POST", "/v1.47/containers/create", 201, { image })],
        engine: { "/images/abcdef123456/json": { RepoTags: ["nginx:1.22"] } },
      });
    const check = (spec: string, image: string) =>
      historyCheck.run(
        historyCheck.parse({ type: "history", path: "/containers/create", image: spec }, "t"),
        calls(image),
      );
    for (const typed of ["nginx:1.22", "docker.io/library/nginx:latest", "library/nginx", "abcdef123456"])
      expect((await check("nginx", typed)).pass, typed).toBe(true);
    expect((await check("nginx:1.22", "nginx")).pass).toBe(false);
    expect((await check("nginx:1.22", "index.docker.io/library/nginx:1.22")).pass).toBe(true);
    expect((await check("nginx", "nginxinc/nginx-unprivileged")).pass).toBe(false);
    expect(() => historyCheck.parse({ type: "history", path: "/x", image: "NGINX" }, "t")).toThrow(
      /lowercase/,
    );
  });
});
