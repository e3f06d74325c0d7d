// Hints and solutions, with the rules a challenge imposes: a challenge shows no hints unless
// the lab allows them, and never a solution (an interview would mean nothing otherwise).
import { readLabText } from "../labs/variables/read-lab-text.ts";
import type { HintAnswer, SolutionAnswer } from "../../../common/lab-events.ts";
import { SlipwayError } from "../errors.ts";
import type { Lab, Step } from "../labs/lab.ts";
import { type LabProgress, stepProgress, withStep } from "./progress.ts";

function stepOf(lab: Lab, stepId: string): Step {
  const step = lab.steps.find((s) => s.id === stepId);
  if (!step) throw new SlipwayError("not-found", `lab ${lab.id} has no step "${stepId}"`);
  return step;
}

export function revealHint(lab: Lab, p: LabProgress, stepId: string): [LabProgress, HintAnswer] {
  const step = stepOf(lab, stepId);
  if (!lab.hintsAllowed) throw new SlipwayError("forbidden", "this challenge does not offer hints");
  const index = stepProgress(p, stepId).hintsRevealed;
  const hint = step.hints[index];
  if (hint === undefined)
    throw new SlipwayError(
      "conflict",
      step.hints.length
        ? `all ${step.hints.length} hints of step ${stepId} are revealed`
        : `step ${stepId} has no hints`,
    );
  const answer = { stepId, index, hint, remaining: step.hints.length - index - 1 };
  return [withStep(p, stepId, { hintsRevealed: index + 1 }), answer];
}

export async function viewSolution(
  lab: Lab,
  p: LabProgress,
  stepId: string,
): Promise<[LabProgress, SolutionAnswer]> {
  const step = stepOf(lab, stepId);
  if (lab.mode === "challenge") throw new SlipwayError("forbidden", "a challenge does not show solutions");
  if (!step.solution) throw new SlipwayError("not-found", `step ${stepId} has no solution`);
  const script = await readLabText(lab, step.solution);
  return [withStep(p, stepId, { solutionViewed: true }), { stepId, script }];
}
