import { expect, it } from "vitest";
import type { LearnerSessionView } from "../../../common/learner-views.ts";
import { inProgressText, stepsText } from "./standing-text.ts";

const session = (extra: Partial<LearnerSessionView>): LearnerSessionView => ({
  id: "s1",
  lab: "l",
  labTitle: "L",
  state: "ready",
  createdAt: "",
  expiresAt: "",
  stepsPassed: 0,
  stepCount: 0,
  ...extra,
});

it("says which step the learner is on, and whether the session runs or is paused", () => {
  expect(stepsText({ stepsPassed: 1, stepCount: 5 })).toBe("step 2 of 5");
  expect(stepsText({ stepsPassed: 5, stepCount: 5 })).toBe("all 5 steps done");
  expect(inProgressText(session({ stepsPassed: 1, stepCount: 5, state: "paused" }))).toBe(
    "In progress: step 2 of 5, paused",
  );
  expect(inProgressText(session({ state: "ready" }))).toBe("In progress: running");
});
