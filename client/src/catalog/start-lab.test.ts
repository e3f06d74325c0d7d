import { afterEach, expect, it, vi } from "vitest";
import { startLab, type StartProgress } from "./start-lab.ts";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const session = (state: string, extra: object = {}) => ({
  id: "s1",
  lab: "playground",
  state,
  createdAt: "",
  expiresAt: "",
  ...extra,
});

afterEach(() => vi.unstubAllGlobals());

it("waits in the queue, showing the place, until the session is ready", async () => {
  const answers = [
    json(201, { ...session("queued", { queue: { position: 2, estimatedWaitMs: 90_000 } }), token: "tok" }),
    json(200, session("queued", { queue: { position: 1, estimatedWaitMs: 30_000 } })),
    json(200, session("starting")),
    json(200, session("ready")),
  ];
  const fetch = vi.fn(async () => answers.shift() as Response);
  vi.stubGlobal("fetch", fetch);
  const progress: StartProgress[] = [];
  const created: string[] = [];
  const id = await startLab("playground", {
    pollMs: 1,
    onProgress: (p) => progress.push(p),
    onCreated: (sid, token) => created.push(`${sid}:${token}`),
  });
  expect(id).toBe("s1");
  expect(created).toEqual(["s1:tok"]);
  expect(progress).toEqual([
    { state: "starting" },
    { state: "queued", position: 2, estimatedWaitMs: 90_000 },
    { state: "queued", position: 1, estimatedWaitMs: 30_000 },
    { state: "starting" },
  ]);
  expect(fetch).toHaveBeenLastCalledWith("/api/sessions/s1", expect.objectContaining({ method: "GET" }));
});

it("says why a session could not start", async () => {
  vi.stubGlobal("fetch", async () =>
    json(201, { ...session("failed", { reason: "pulling nginx failed" }), token: "t" }),
  );
  await expect(startLab("x", { onProgress: () => {}, onCreated: () => {} })).rejects.toThrow(
    "the sandbox could not start: pulling nginx failed",
  );
  vi.stubGlobal("fetch", async () =>
    json(503, { error: { code: "capacity", message: "the host is low on disk" } }),
  );
  await expect(startLab("x", { onProgress: () => {}, onCreated: () => {} })).rejects.toMatchObject({
    code: "capacity",
    message: "the host is low on disk",
  });
});
