import { expect, it } from "vitest";
import type { SessionView } from "../api/api-types.ts";
import { type WaitProgress, waitUntilReady } from "./wait-until-ready.ts";

const view = (state: SessionView["state"], extra: Partial<SessionView> = {}): SessionView => ({
  id: "s1",
  lab: "playground",
  state,
  createdAt: "",
  expiresAt: "",
  ...extra,
});
const signal = new AbortController().signal;

it("waits in the queue, showing the place, until the session is ready", async () => {
  const answers = [
    view("queued", { queue: { position: 1, estimatedWaitMs: 30_000 } }),
    view("starting"),
    view("ready"),
  ];
  const progress: WaitProgress[] = [];
  const ready = await waitUntilReady(
    { view: async () => answers.shift() as SessionView },
    view("queued", { queue: { position: 2, estimatedWaitMs: 90_000 } }),
    { pollMs: 1, signal, onProgress: (p) => progress.push(p) },
  );
  expect(ready.state).toBe("ready");
  expect(progress).toEqual([
    { state: "queued", position: 2, estimatedWaitMs: 90_000 },
    { state: "queued", position: 1, estimatedWaitMs: 30_000 },
    { state: "starting" },
  ]);
});

it("says why a session will not start", async () => {
  const failed = view("failed", { reason: "pulling nginx failed" });
  await expect(
    waitUntilReady({ view: async () => failed }, view("starting"), {
      pollMs: 1,
      signal,
      onProgress: () => {},
    }),
  ).rejects.toThrow("the sandbox could not start: pulling nginx failed");
});
