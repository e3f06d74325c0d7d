import { describe, expect, it, vi } from "vitest";
import type { CheckType } from "./check-type.ts";
import { createCheckRegistry } from "./check-registry.ts";
import { fakeCheckContext } from "./fake-check-context.ts";
import { LiveEvaluator, type StepChange } from "./live-evaluator.ts";

const world = { up: false, runs: 0 };
const up: CheckType<null> = {
  type: "up",
  parse: () => null,
  async run() {
    world.runs++;
    return {
      name: "",
      type: "up",
      pass: world.up,
      errors: world.up ? [] : ["expected up, got down"],
      durationMs: 0,
    };
  },
};
const registry = createCheckRegistry([up] as CheckType<never>[]);
const check = { name: "up", type: "up", spec: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(sticky?: boolean) {
  const changes: StepChange[] = [];
  const lab = {
    dir: "/lab",
    steps: [{ id: "s", checks: [check], ...(sticky === undefined ? {} : { sticky }) }],
  };
  const ev = new LiveEvaluator({
    lab,
    ctx: fakeCheckContext(),
    onChange: (c) => changes.push(c),
    debounceMs: 20,
    run: { registry },
  });
  return { ev, changes };
}

describe("LiveEvaluator", () => {
  it("debounces a burst of triggers into one evaluation", async () => {
    Object.assign(world, { up: false, runs: 0 });
    const { ev, changes } = setup();
    for (let i = 0; i < 10; i++) ev.trigger();
    await sleep(60);
    expect(world.runs).toBe(1);
    expect(changes.map((c) => c.status)).toEqual(["failed"]);
    ev.stop();
  });

  it("emits only changes, and keeps a passed step passed (sticky by default)", async () => {
    Object.assign(world, { up: false, runs: 0 });
    const { ev, changes } = setup();
    await ev.evaluateNow();
    await ev.evaluateNow();
    world.up = true;
    await ev.evaluateNow();
    world.up = false;
    await ev.evaluateNow();
    expect(changes.map((c) => c.status)).toEqual(["failed", "passed"]);
    expect(ev.statusOf("s")).toBe("passed");
  });

  it("lets a non-sticky step fall back to failed", async () => {
    Object.assign(world, { up: true, runs: 0 });
    const { ev, changes } = setup(false);
    await ev.evaluateNow();
    world.up = false;
    await ev.evaluateNow();
    expect(changes.map((c) => c.status)).toEqual(["passed", "failed"]);
    expect(changes[1]?.results[0]?.errors).toEqual(["expected up, got down"]);
  });

  it("is driven by an async iterable of events", async () => {
    Object.assign(world, { up: true, runs: 0 });
    const { ev, changes } = setup();
    async function* events() {
      yield "container start";
      yield "file changed";
    }
    await ev.watch(events());
    await sleep(60);
    expect(changes.map((c) => c.status)).toEqual(["passed"]);
  });

  it("starts from known statuses: a passed sticky step is not run again, but checkAll runs it", async () => {
    Object.assign(world, { up: false, runs: 0 });
    const lab = { dir: "/lab", steps: [{ id: "s", checks: [check] }] };
    const initial = new Map([["s", "passed" as const]]);
    const ev = new LiveEvaluator({ lab, ctx: fakeCheckContext(), initial, run: { registry } });
    expect(ev.statusOf("s")).toBe("passed");
    await ev.evaluateNow();
    expect(world.runs).toBe(0);
    expect((await ev.checkAll())[0]).toMatchObject({ status: "passed", results: [{ pass: false }] });
  });

  it("evaluates within maxWaitMs however often it is poked", async () => {
    Object.assign(world, { up: false, runs: 0 });
    const lab = { dir: "/lab", steps: [{ id: "s", checks: [check] }] };
    const fast = new LiveEvaluator({
      lab,
      ctx: fakeCheckContext(),
      debounceMs: 30,
      maxWaitMs: 60,
      run: { registry },
    });
    // On the evaluator's own clock: on a busy host real timers slip, and the poke would
    // still be what the assertion measured.
    vi.useFakeTimers();
    try {
      const poke = setInterval(() => fast.trigger(), 10);
      await vi.advanceTimersByTimeAsync(150);
      clearInterval(poke);
      fast.stop();
    } finally {
      vi.useRealTimers();
    }
    expect(world.runs).toBeGreaterThanOrEqual(1);
  });

  it("never runs two evaluations at once, checkAll included, and keeps a trigger that came meanwhile", async () => {
    let inFlight = 0;
    let most = 0;
    let runs = 0;
    const slow: CheckType<null> = {
      type: "slow",
      parse: () => null,
      async run() {
        runs++;
        most = Math.max(most, ++inFlight);
        await sleep(30);
        inFlight--;
        return { name: "", type: "slow", pass: false, errors: ["no"], durationMs: 30 };
      },
    };
    const ev = new LiveEvaluator({
      lab: { dir: "/lab", steps: [{ id: "s", checks: [{ name: "slow", type: "slow", spec: null }] }] },
      ctx: fakeCheckContext(),
      run: { registry: createCheckRegistry([slow] as CheckType<never>[]) },
    });
    const first = ev.evaluateNow();
    const all = ev.checkAll();
    await sleep(5);
    void ev.evaluateNow(); // arrives while checkAll waits or runs
    await Promise.all([first, all]);
    await sleep(80);
    expect(most).toBe(1);
    expect(runs).toBe(3);
    ev.stop();
  });

  describe("re-checks pending steps on a timer while the learner is active", () => {
    const lab = { dir: "/lab", steps: [{ id: "s", checks: [check] }] };
    const polled = (poll: { everyMs: number; activeForMs: number }, changes: StepChange[] = []) =>
      new LiveEvaluator({
        lab,
        ctx: fakeCheckContext(),
        poll,
        onChange: (c) => changes.push(c),
        run: { registry },
      });

    it("completes a step whose state came without an event", async () => {
      Object.assign(world, { up: false, runs: 0 });
      const changes: StepChange[] = [];
      const ev = polled({ everyMs: 30, activeForMs: 10_000 }, changes);
      await ev.evaluateNow();
      world.up = true; // no trigger: nothing announced it
      await sleep(100);
      expect(changes.map((c) => c.status)).toEqual(["failed", "passed"]);
      const runs = world.runs;
      await sleep(100);
      expect(world.runs).toBe(runs); // nothing pending: the timer stops
      ev.stop();
    });

    it("stops once the learner has been idle for activeForMs, and resumes when they act", async () => {
      Object.assign(world, { up: false, runs: 0 });
      const ev = polled({ everyMs: 20, activeForMs: 60 });
      await ev.evaluateNow();
      await sleep(150);
      const idle = world.runs;
      expect(idle).toBeGreaterThanOrEqual(2);
      await sleep(100);
      expect(world.runs).toBe(idle);
      ev.active();
      await sleep(50);
      expect(world.runs).toBeGreaterThan(idle);
      ev.stop();
      const stopped = world.runs;
      await sleep(60);
      expect(world.runs).toBe(stopped);
    });

    it("waits at least as long as the last evaluation took", async () => {
      const slow: CheckType<null> = {
        type: "slow",
        parse: () => null,
        async run() {
          world.runs++;
          await sleep(50);
          return { name: "", type: "slow", pass: false, errors: ["no"], durationMs: 50 };
        },
      };
      Object.assign(world, { up: false, runs: 0 });
      const ev = new LiveEvaluator({
        lab: { dir: "/lab", steps: [{ id: "s", checks: [{ name: "slow", type: "slow", spec: null }] }] },
        ctx: fakeCheckContext(),
        poll: { everyMs: 1, activeForMs: 10_000 },
        run: { registry: createCheckRegistry([slow] as CheckType<never>[]) },
      });
      await ev.evaluateNow();
      await sleep(400);
      ev.stop();
      // 50 ms of checking, then at least 50 ms of rest: at most 5 runs in 400 ms (8 without).
      expect(world.runs).toBeGreaterThanOrEqual(2);
      expect(world.runs).toBeLessThanOrEqual(5);
    });
  });
});
