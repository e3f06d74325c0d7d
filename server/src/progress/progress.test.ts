// Failed runs count attempts, not polls: a re-check that says the same thing again is not one.
import { expect, it } from "vitest";
import type { CheckResult } from "../../../common/lab-types.ts";
import { applyStepChange, newProgress, stepProgress } from "./progress.ts";

const fail = (name: string, error: string): CheckResult => ({
  name,
  type: "t",
  pass: false,
  errors: [error],
  durationMs: 1,
});

it("counts a failed run only when it says something new", () => {
  let p = newProgress("s", "l", ["a"], 0);
  const run = (results: CheckResult[], status: "passed" | "failed" = "failed") =>
    (p = applyStepChange(p, { stepId: "a", status, results }, ["a"], 1).progress);
  run([fail("box runs", "no container box")]); // the first run, as the session starts
  run([fail("box runs", "no container box")]); // the poll again
  run([fail("box runs", "box is not running")]);
  run([fail("box runs", "box exited (1)")]);
  run([fail("port", "nothing on 8080")]);
  expect(stepProgress(p, "a")).toMatchObject({ failedRuns: 3, failures: ["box runs", "box runs", "port"] });
  run([], "passed");
  expect(stepProgress(p, "a")).toMatchObject({ status: "passed", failedRuns: 3, passedAt: 1 });
});
