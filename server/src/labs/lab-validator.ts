// Validates many labs at once: each lab on its own, then what only shows across labs
// (two labs with one id). Used by `slipway lab validate`, the contract test and the server.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Track } from "../../../common/lab-types.ts";
import { ASSESSMENTS_FOLDER, type Assessment } from "../assessments/assessment.ts";
import { loadAssessments } from "../assessments/assessment-loader.ts";
import { SlipwayError } from "../errors.ts";
import { builtinChecks, type CheckRegistry } from "../checks/check-registry.ts";
import type { Lab } from "./lab.ts";
import { formatIssue, type LabIssue } from "./lab-issue.ts";
import { loadLab, type LoadResult } from "./lab-loader.ts";
import { loadTracks } from "./tracks.ts";

export interface ValidationReport {
  readonly labs: readonly Lab[];
  readonly issues: readonly LabIssue[];
  /** From tracks.yaml in a folder of labs, if there is one. */
  readonly tracks: readonly Track[];
  /** From assessments/ in a folder of labs, each drawing only from valid challenges there. */
  readonly assessments: readonly Assessment[];
}

/** The tracks file of a folder of labs (not of a single lab folder). */
const tracksFileOf = (path: string): string | undefined =>
  existsSync(join(path, "lab.yaml")) || !existsSync(path) ? undefined : join(path, "tracks.yaml");

/** A path is a lab folder (has lab.yaml) or a folder of labs; labs are taken in name order. */
export function findLabDirs(path: string): string[] {
  if (existsSync(join(path, "lab.yaml"))) return [path];
  if (!existsSync(path)) return [path]; // loadLab reports the missing lab.yaml
  return readdirSync(path, { withFileTypes: true })
    .filter(
      (d) => d.isDirectory() && d.name !== ASSESSMENTS_FOLDER && existsSync(join(path, d.name, "lab.yaml")),
    )
    .map((d) => join(path, d.name))
    .sort();
}

export async function validateLabs(
  paths: readonly string[],
  registry: CheckRegistry = builtinChecks,
): Promise<ValidationReport> {
  const dirs = paths.flatMap(findLabDirs);
  const results = await Promise.all(dirs.map((d) => loadLab(d, registry)));
  const issues = results.flatMap((r) => r.issues);
  const firstById = new Map<string, string>();
  results.forEach((r, i) => {
    if (!r.declaredId) return;
    const file = join(dirs[i] as string, "lab.yaml");
    const first = firstById.get(r.declaredId.id);
    if (first === undefined) firstById.set(r.declaredId.id, file);
    else
      issues.push({
        file,
        line: r.declaredId.line,
        col: r.declaredId.col,
        message: `duplicate lab id "${r.declaredId.id}" (also used by ${first})`,
        fix: "give every lab its own id",
      });
  });
  const tracks: Track[] = [];
  const folders = paths.flatMap((p) => tracksFileOf(p) ?? []);
  for (const file of folders) {
    const t = await loadTracks(file);
    issues.push(...t.issues, ...unknownLabs(file, t.tracks, firstById, t.locate));
    tracks.push(...t.tracks);
  }
  // Whether a prerequisite exists is only known when a whole folder of labs is validated.
  if (folders.length > 0) issues.push(...unknownPrerequisites(results, dirs, firstById));
  const dupes = new Set(issues.filter((i) => i.message.startsWith("duplicate lab id")).map((i) => i.file));
  const labs = results.flatMap((r, i) =>
    r.lab && !dupes.has(join(dirs[i] as string, "lab.yaml")) ? [r.lab] : [],
  );
  const assessments: Assessment[] = [];
  const modes = new Map(labs.map((l) => [l.id, l.mode]));
  for (const path of paths.filter((p) => tracksFileOf(p) !== undefined)) {
    const a = await loadAssessments(path, modes);
    issues.push(...a.issues);
    assessments.push(...a.assessments);
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  return { labs, issues, tracks, assessments };
}

function unknownLabs(
  file: string,
  tracks: readonly Track[],
  known: ReadonlyMap<string, string>,
  locate: (track: number, lab: number) => { line: number; col: number },
): LabIssue[] {
  return tracks.flatMap((t, i) =>
    t.labs.flatMap((id, k) =>
      known.has(id)
        ? []
        : [
            {
              file,
              ...locate(i, k),
              message: `track ${t.id} lists "${id}", which is no lab here`,
              fix: "fix the id or add the lab",
            },
          ],
    ),
  );
}

function unknownPrerequisites(
  results: readonly LoadResult[],
  dirs: readonly string[],
  known: ReadonlyMap<string, string>,
): LabIssue[] {
  return results.flatMap((r, i) =>
    (r.prerequisites ?? []).flatMap((p) =>
      known.has(p.id) && p.id !== r.declaredId?.id
        ? []
        : [
            {
              file: join(dirs[i] as string, "lab.yaml"),
              line: p.line,
              col: p.col,
              message: `prerequisite "${p.id}" is ${p.id === r.declaredId?.id ? "this lab itself" : "no lab here"}`,
              fix: "name another lab's id",
            },
          ],
    ),
  );
}

/** For the server at start: every lab, or a SlipwayError("invalid-lab") listing all issues. */
export async function loadLabCatalog(
  labsDir: string,
  registry?: CheckRegistry,
): Promise<ReadonlyMap<string, Lab>> {
  const { labs, issues } = await validateLabs([labsDir], registry);
  if (issues.length)
    throw new SlipwayError(
      "invalid-lab",
      `labs in ${labsDir} are invalid:\n${issues.map(formatIssue).join("\n")}`,
      issues,
    );
  return new Map(labs.map((l) => [l.id, l]));
}
