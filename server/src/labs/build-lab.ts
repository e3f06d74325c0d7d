// Turns a lab.yaml that passed every check into the Lab the server uses: durations in ms,
// step bodies read, paths absolute. Only called when the loader found no issues.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ParsedCheck } from "../checks/check-registry.ts";
import { parseDuration } from "../util/duration.ts";
import type { Lab, WrongSolution } from "./lab.ts";
import type { LabFile } from "./lab-schema.ts";
import type { Variant } from "./variables/lab-variables.ts";
import { render } from "./variables/template.ts";

/** Per step, what the loader resolved: absolute paths and parsed checks. */
export interface ResolvedStep {
  readonly body: string;
  readonly solution: string | undefined;
  readonly alternatives: readonly string[];
  readonly wrong: readonly WrongSolution[];
  readonly checks: readonly ParsedCheck[];
  readonly debrief?: string | undefined;
}

export async function buildLab(
  dir: string,
  d: LabFile,
  setup: string | undefined,
  steps: readonly ResolvedStep[],
  variant: Variant | undefined,
): Promise<Lab> {
  const text = async (f: string) => render(await readFile(f, "utf8"), variant);
  const bodies = await Promise.all(steps.map((s) => text(s.body)));
  const debriefs = await Promise.all(steps.map((s) => (s.debrief ? text(s.debrief) : undefined)));
  const filesDir = join(dir, "files");
  return {
    dir: resolve(dir),
    id: d.id,
    title: d.title,
    summary: d.summary,
    level: d.level,
    mode: d.mode,
    durationMs: parseDuration(d.duration) as number,
    tags: d.tags,
    covers: d.covers,
    prerequisites: d.prerequisites,
    hintsAllowed: d.mode === "guided" || d.allowHints === true,
    setup,
    filesDir: existsSync(filesDir) ? resolve(filesDir) : undefined,
    sandbox: {
      images: d.sandbox.images,
      limits: d.sandbox.limits ?? {},
      policy: d.sandbox.policy,
      timeLimitMs: d.sandbox.timeLimit === undefined ? undefined : parseDuration(d.sandbox.timeLimit),
    },
    steps: d.steps.map((s, i) => ({
      id: s.id,
      title: s.title,
      bodyMarkdown: bodies[i] as string,
      checks: steps[i]?.checks ?? [],
      hints: s.hints,
      solution: steps[i]?.solution,
      alternativeSolutions: steps[i]?.alternatives ?? [],
      wrongSolutions: steps[i]?.wrong ?? [],
      sticky: s.sticky ?? d.sticky,
      debriefMarkdown: debriefs[i],
    })),
    variables: d.variables,
    variant,
  };
}
