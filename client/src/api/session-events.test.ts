import { expect, it } from "vitest";
import { endsSession } from "./session-events.ts";

it("knows which events end the stream", () => {
  expect(endsSession({ type: "session", state: "stopped", reason: "expired" })).toBe(true);
  expect(endsSession({ type: "session", state: "failed" })).toBe(true);
  expect(endsSession({ type: "session", state: "ready" })).toBe(false);
  expect(endsSession({ type: "step", stepId: "a", status: "passed", results: [] })).toBe(false);
  expect(endsSession({ type: "completed" })).toBe(false);
});
