import { describe, expect, it } from "vitest";
import type { CheckType } from "./check-type.ts";
import { createCheckRegistry } from "./check-registry.ts";
import { evaluateLab, runCheck, runChecks } from "./check-runner.ts";
import { fakeCheckContext } from "./fake-check-context.ts";

let calls = 0;
const flaky: CheckType<{ passAfter: number }> = {
  type: "flaky",
  parse: (raw) => raw as { passAfter: number },
  async run(spec) {
    calls++;
    return {
      name: "",
      type: "flaky",
      pass: calls > spec.passAfter,
      errors: calls > spec.passAfter ? [] : ["not yet"],
      durationMs: 0,
    };
  },
};
const boom: CheckType<null> = {
  type: "boom",
  parse: () => null,
  run: async () => {
    throw new Error("engine went away");
  },
};
const slow: CheckType<null> = { type: "slow", parse: () => null, run: () => new Promise(() => {}) };
const registry = createCheckRegistry([flaky, boom, slow] as CheckType<never>[]);
const ctx = fakeCheckContext();

describe("check runner", () => {
  it("turns a thrown error into a failed result", async () => {
    const r = await runCheck({ name: "b", type: "boom", spec: null }, ctx, { registry });
    expect(r).toMatchObject({ name: "b", pass: false, errors: ["check error: engine went away"] });
  });

  it("fails a check that outlives its timeout", async () => {
    const r = await runCheck({ name: "s", type: "slow", spec: null }, ctx, { registry, timeoutMs: 20 });
    expect(r.errors).toEqual(["check error: timed out after 20 ms"]);
  });

  it("fails an unknown type as data", async () => {
    const r = await runCheck({ name: "u", type: "nope", spec: {} }, ctx, { registry });
    expect(r.errors).toEqual(['check error: unknown check type "nope"']);
  });

  it("retries a failing step, not each check", async () => {
    calls = 0;
    const checks = [{ name: "f", type: "flaky", spec: { passAfter: 2 } }];
    expect((await runChecks(checks, ctx, "/lab", { registry }))[0]?.pass).toBe(false);
    calls = 0;
    expect((await runChecks(checks, ctx, "/lab", { registry, retries: 3, delayMs: 1 }))[0]?.pass).toBe(true);
  });

  it("evaluates every step of a lab", async () => {
    calls = 10;
    const lab = {
      dir: "/lab",
      steps: [
        { id: "a", checks: [{ name: "f", type: "flaky", spec: { passAfter: 0 } }] },
        { id: "b", checks: [{ name: "b", type: "boom", spec: null }] },
      ],
    };
    const r = await evaluateLab(lab, ctx, { registry });
    expect(r.map((s) => [s.stepId, s.pass])).toEqual([
      ["a", true],
      ["b", false],
    ]);
  });
});
