// labs/tracks.yaml: the learning paths, each an ordered list of labs. Membership and order
// live there only; a lab names its prerequisites itself. Problems are located at file:line.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Track } from "../../../common/lab-types.ts";
import { describeSchemaIssue, type LabIssue } from "./lab-issue.ts";
import { parseLocatedYaml } from "./yaml-locator.ts";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes");
const tracksSchema = z.strictObject({
  tracks: z.array(
    z.strictObject({ id, title: z.string().min(1), summary: z.string().min(1), labs: z.array(id).min(1) }),
  ),
});

export interface TracksFile {
  readonly tracks: readonly Track[];
  readonly issues: readonly LabIssue[];
  /** Where each listed lab id is written, for "no such lab" reports. */
  locate(track: number, lab: number): { line: number; col: number };
}

export async function loadTracks(file: string): Promise<TracksFile> {
  if (!existsSync(file)) return { tracks: [], issues: [], locate: () => ({ line: 1, col: 1 }) };
  const y = parseLocatedYaml(await readFile(file, "utf8"));
  const issues: LabIssue[] = y.syntaxErrors.map((e) => ({
    file,
    line: e.line,
    col: e.col,
    message: `YAML syntax: ${e.message}`,
    fix: "fix the YAML syntax",
  }));
  const parsed = y.syntaxErrors.length ? undefined : tracksSchema.safeParse(y.data);
  for (const i of parsed && !parsed.success ? parsed.error.issues : []) {
    const d = describeSchemaIssue(i as Parameters<typeof describeSchemaIssue>[0], true);
    issues.push({ file, ...y.locate(i.path), message: d.message, fix: d.fix });
  }
  const tracks = parsed?.success ? parsed.data.tracks : [];
  const seen = new Set<string>();
  tracks.forEach((t, i) => {
    if (seen.has(t.id))
      issues.push({
        file,
        ...y.locate(["tracks", i, "id"]),
        message: `duplicate track "${t.id}"`,
        fix: "rename one",
      });
    seen.add(t.id);
  });
  return { tracks, issues, locate: (t, l) => y.locate(["tracks", t, "labs", l]) };
}
