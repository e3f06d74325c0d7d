// The loaded, validated lab as the server uses it: paths resolved, Markdown read, check
// specs parsed. Built only by loadLab, so holding a Lab means it passed validation.
import type {
  CheckResult,
  LabLevel,
  LabMode,
  LabSummary,
  StepStatus,
  StepView,
} from "../../../common/lab-types.ts";
import type { ParsedCheck } from "../checks/check-registry.ts";
import type { ALLOWANCES } from "./lab-schema.ts";
import type { VariableSpec, Variant } from "./variables/lab-variables.ts";

/** A script the step's checks must reject; `rejectedBy` names checks that must be among those that do. */
export interface WrongSolution {
  /** Absolute path. */
  readonly script: string;
  readonly rejectedBy: readonly string[];
}

export interface Step {
  readonly id: string;
  readonly title: string;
  readonly bodyMarkdown: string;
  readonly checks: readonly ParsedCheck[];
  readonly hints: readonly string[];
  /** Absolute paths. */
  readonly solution: string | undefined;
  /** Other valid answers, each tested in a fresh session by `lab test`; absolute paths. */
  readonly alternativeSolutions: readonly string[];
  readonly wrongSolutions: readonly WrongSolution[];
  readonly sticky: boolean;
  /** Shown after the lab ends (challenges): cause, how to find it, fix. */
  readonly debriefMarkdown: string | undefined;
}

export interface Lab {
  /** Absolute path of the lab folder. */
  readonly dir: string;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly level: LabLevel;
  readonly mode: LabMode;
  readonly durationMs: number;
  readonly tags: readonly string[];
  readonly covers: readonly string[];
  readonly prerequisites: readonly string[];
  readonly hintsAllowed: boolean;
  /** Absolute path of the setup script, if any. */
  readonly setup: string | undefined;
  /** Absolute path of files/ (copied into the workspace), if the lab has one. */
  readonly filesDir: string | undefined;
  readonly sandbox: {
    readonly images: readonly string[];
    readonly limits: {
      readonly memoryMiB?: number;
      readonly cpus?: number;
      readonly pids?: number;
      readonly diskGiB?: number;
    };
    readonly policy: ReadonlyArray<{ readonly allow: (typeof ALLOWANCES)[number]; readonly reason: string }>;
    readonly timeLimitMs: number | undefined;
  };
  readonly steps: readonly Step[];
  /** Declared variables; empty for a lab that is the same for everyone. */
  readonly variables: Readonly<Record<string, VariableSpec>>;
  /** The values this Lab was rendered with: a session's own (seed: its id), or the values
   *  validation drew. Scripts and files are rendered with it when read (readLabText). */
  readonly variant: Variant | undefined;
}

/** Whether sessions of this lab differ from one another. */
export const hasVariables = (lab: Lab): boolean => Object.keys(lab.variables).length > 0;

export function toLabSummary(lab: Lab): LabSummary {
  return {
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    level: lab.level,
    mode: lab.mode,
    durationMs: lab.durationMs,
    tags: lab.tags,
    covers: lab.covers,
    prerequisites: lab.prerequisites,
    stepCount: lab.steps.length,
    ...(lab.sandbox.timeLimitMs !== undefined ? { timeLimitMs: lab.sandbox.timeLimitMs } : {}),
  };
}

/** What the browser may see of a step: hints only as far as revealed, the solution only
 *  when the learner opened it (the caller reads it, since that reads a file). */
export function toStepView(
  lab: Lab,
  step: Step,
  state: {
    status: StepStatus;
    hintsRevealed: number;
    results: readonly CheckResult[];
    solution?: string | undefined;
  },
): StepView {
  const hints = lab.hintsAllowed ? step.hints : [];
  return {
    id: step.id,
    title: step.title,
    bodyMarkdown: step.bodyMarkdown,
    status: state.status,
    hintCount: hints.length,
    hints: hints.slice(0, Math.max(0, state.hintsRevealed)),
    ...(state.solution !== undefined && lab.mode !== "challenge" ? { solution: state.solution } : {}),
    results: state.results,
  };
}
