// `lab validate`'s view of variables: a placeholder naming no declared variable is an error at
// its file:line (it would reach the learner as written), and so is a declared variable used
// nowhere (its draw would change nothing, so the variant is not what the author thinks).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabIssue } from "../lab-issue.ts";
import { placeholders } from "./template.ts";

/** Every text file under dir (binary files, holding a NUL byte, are skipped). */
async function textFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await textFiles(abs)));
    else if (e.isFile()) out.push(abs);
  }
  return out;
}

export async function variableIssues(o: {
  readonly labFile: string;
  readonly labText: string;
  readonly declared: ReadonlyMap<string, { line: number; col: number }>;
  /** Markdown and scripts the lab names (absolute paths), and its files/ folder. */
  readonly files: readonly string[];
  readonly filesDir: string | undefined;
}): Promise<LabIssue[]> {
  const issues: LabIssue[] = [];
  const used = new Set<string>();
  const scan = (file: string, text: string) => {
    if (text.includes("\0")) return;
    for (const p of placeholders(text)) {
      used.add(p.name);
      if (!o.declared.has(p.name))
        issues.push({
          file,
          line: p.line,
          col: p.col,
          message: `unknown variable "${p.name}"`,
          fix: o.declared.size
            ? `declare it under variables: in lab.yaml, or use one of ${[...o.declared.keys()].join(", ")}`
            : "declare it under variables: in lab.yaml (see docs/authoring.md, Variables)",
        });
    }
  };
  scan(o.labFile, o.labText);
  const all = [...new Set([...o.files, ...(o.filesDir ? await textFiles(o.filesDir) : [])])];
  for (const f of all) scan(f, await readFile(f, "utf8").catch(() => ""));
  for (const [name, at] of o.declared)
    if (!used.has(name))
      issues.push({
        file: o.labFile,
        ...at,
        message: `variable "${name}" is declared but used nowhere`,
        fix: "use it as ${{ " + name + " }} in a step, file, script or check, or remove it",
      });
  return issues;
}
