// Reads the assessment files of a folder of labs and reports every problem at once, each at
// file:line:col: YAML syntax, schema, and what only shows against the labs (a pool id that is
// no lab here, or a lab that is not a challenge).
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabMode } from "../../../common/lab-types.ts";
import { describeSchemaIssue, type LabIssue } from "../labs/lab-issue.ts";
import { parseLocatedYaml } from "../labs/yaml-locator.ts";
import { parseDuration } from "../util/duration.ts";
import { ASSESSMENTS_FOLDER, type Assessment } from "./assessment.ts";
import { assessmentSchema } from "./assessment-schema.ts";

export interface AssessmentsResult {
  readonly assessments: readonly Assessment[];
  readonly issues: readonly LabIssue[];
}

/** The assessment files of a folder of labs, in name order; none if it has no such folder. */
export function findAssessmentFiles(labsDir: string): string[] {
  const dir = join(labsDir, ASSESSMENTS_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => join(dir, d.name))
    .sort();
}

/** `labs` maps each valid lab id of the folder to its mode. */
export async function loadAssessments(
  labsDir: string,
  labs: ReadonlyMap<string, LabMode>,
): Promise<AssessmentsResult> {
  const issues: LabIssue[] = [];
  const assessments: Assessment[] = [];
  const firstById = new Map<string, string>();
  for (const file of findAssessmentFiles(labsDir)) {
    const y = parseLocatedYaml(await readFile(file, "utf8"));
    const mine: LabIssue[] = [];
    const at = (path: readonly PropertyKey[], message: string, fix: string, key = false) =>
      mine.push({ file, ...y.locate(path, { key }), message, fix });
    for (const e of y.syntaxErrors)
      mine.push({
        file,
        line: e.line,
        col: e.col,
        message: `YAML syntax: ${e.message}`,
        fix: "fix the YAML syntax",
      });
    const parsed = y.syntaxErrors.length ? undefined : assessmentSchema.safeParse(y.data);
    for (const i of parsed && !parsed.success ? parsed.error.issues : []) {
      if (i.code === "unrecognized_keys")
        for (const k of i.keys)
          at(
            [...i.path, k],
            `unknown field ${[...i.path, k].join(".")}`,
            "remove it or fix its spelling",
            true,
          );
      else {
        const d = describeSchemaIssue(i as Parameters<typeof describeSchemaIssue>[0], true);
        at(i.path, d.message, d.fix.replace("lab.schema.json", "assessment.schema.json"));
      }
    }
    const data = (y.data ?? {}) as { pool?: unknown; id?: unknown };
    const pool = Array.isArray(data.pool) ? data.pool : [];
    pool.forEach((labId, k) => {
      if (typeof labId !== "string") return;
      const mode = labs.get(labId);
      if (pool.indexOf(labId) !== k) at(["pool", k], `"${labId}" is in the pool twice`, "list each lab once");
      else if (mode === undefined)
        at(
          ["pool", k],
          `pool lists "${labId}", which is no valid lab here`,
          "fix the id, or add (or fix) the lab",
        );
      else if (mode !== "challenge")
        at(
          ["pool", k],
          `pool lists "${labId}", which is a ${mode} lab`,
          "draw only challenges (mode: challenge)",
        );
    });
    if (typeof data.id === "string") {
      const first = firstById.get(data.id);
      if (first !== undefined)
        at(
          ["id"],
          `duplicate assessment id "${data.id}" (also used by ${first})`,
          "give every assessment its own id",
        );
      else firstById.set(data.id, file);
    }
    issues.push(...mine);
    if (mine.length || !parsed?.success) continue;
    const { schemaVersion: _v, timeLimit, ...rest } = parsed.data;
    assessments.push({ file, ...rest, timeLimitMs: parseDuration(timeLimit) as number });
  }
  return { assessments, issues };
}
