// Assessment files are validated against the labs beside them, every problem at file:line:col.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../labs/lab-issue.ts";
import { validateLabs } from "../labs/lab-validator.ts";
import { drawTasks } from "./assessment.ts";

const LABS = resolve(import.meta.dirname, "../../../labs");

/** A folder of labs: two challenges and a guided lab copied from labs/, and one assessment. */
function folderWith(assessment: string): string {
  const dir = mkdtempSync(join(tmpdir(), "slipway-assess-"));
  for (const lab of ["troubleshoot-exit-codes", "troubleshoot-port-allocated", "first-container"])
    cpSync(join(LABS, lab), join(dir, lab), { recursive: true });
  mkdirSync(join(dir, "assessments"));
  writeFileSync(join(dir, "assessments", "a.yaml"), assessment);
  return dir;
}

async function issuesOf(dir: string): Promise<string[]> {
  const { issues } = await validateLabs([dir]);
  return issues.map((i) => formatIssue({ ...i, file: relative(dir, i.file) }));
}

describe("assessment files", () => {
  it("the shipped assessment draws from the challenges in labs/", async () => {
    const { assessments, issues } = await validateLabs([LABS]);
    expect(issues).toEqual([]);
    expect(assessments.find((a) => a.id === "troubleshooting-basics")).toMatchObject({
      draw: 2,
      order: "shuffled",
      timeLimitMs: 45 * 60_000,
      passLine: 60,
    });
  });

  it("reports schema errors and pool ids that are no challenge here, each located", async () => {
    const dir = folderWith(
      [
        "schemaVersion: 1",
        "id: Bad_Id",
        "title: T",
        "summary: S",
        "pool: [troubleshoot-exit-codes, first-container, no-such-lab, troubleshoot-exit-codes]",
        "draw: 5",
        "order: random",
        "timeLimit: soon",
        "passLine: 60",
        "colour: red",
        "",
      ].join("\n"),
    );
    expect(await issuesOf(dir)).toEqual([
      "assessments/a.yaml:2:5: id: use lowercase letters, digits and dashes, e.g. troubleshooting-basics — see docs/authoring.md or schema/assessment.schema.json",
      'assessments/a.yaml:5:33: pool lists "first-container", which is a guided lab — draw only challenges (mode: challenge)',
      'assessments/a.yaml:5:50: pool lists "no-such-lab", which is no valid lab here — fix the id, or add (or fix) the lab',
      'assessments/a.yaml:5:63: "troubleshoot-exit-codes" is in the pool twice — list each lab once',
      'assessments/a.yaml:7:8: order: Invalid option: expected one of "fixed"|"shuffled" — use one of "fixed", "shuffled"',
      "assessments/a.yaml:8:12: timeLimit: expected a duration such as 45m, 90s or 1h30m — see docs/authoring.md or schema/assessment.schema.json",
      "assessments/a.yaml:10:1: unknown field colour — remove it or fix its spelling",
    ]);
  });

  it("refuses to draw more tasks than the pool holds", async () => {
    const dir = folderWith(
      "schemaVersion: 1\nid: a\ntitle: T\nsummary: S\npool: [troubleshoot-exit-codes]\ndraw: 2\ntimeLimit: 10m\npassLine: 50\n",
    );
    expect(await issuesOf(dir)).toEqual([
      "assessments/a.yaml:6:7: draw: draw is larger than the pool — see docs/authoring.md or schema/assessment.schema.json",
    ]);
  });

  it("the assessments folder is never taken for a lab: a lab.yaml there is read as an assessment", async () => {
    const dir = folderWith(
      "schemaVersion: 1\nid: a\ntitle: T\nsummary: S\npool: [troubleshoot-exit-codes]\ndraw: 1\ntimeLimit: 10m\npassLine: 50\n",
    );
    writeFileSync(join(dir, "assessments", "lab.yaml"), "not: a lab\n");
    const { labs, issues, assessments } = await validateLabs([dir]);
    expect(labs).toHaveLength(3);
    expect(assessments.map((a) => a.id)).toEqual(["a"]);
    expect(issues.map((i) => i.message)).toContain("unknown field not");
    expect(issues.every((i) => i.file.endsWith("assessments/lab.yaml"))).toBe(true);
  });
});

describe("drawTasks", () => {
  const pool = ["a", "b", "c", "d", "e"];
  it("draws the same tasks for the same seed, and different orders across seeds", () => {
    const one = drawTasks({ pool, draw: 3, order: "shuffled" }, "attempt-1");
    expect(drawTasks({ pool, draw: 3, order: "shuffled" }, "attempt-1")).toEqual(one);
    expect(new Set(one).size).toBe(3);
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) => drawTasks({ pool, draw: 3, order: "shuffled" }, `s${i}`).join()),
    );
    expect(orders.size).toBeGreaterThan(5);
  });

  it("takes the pool's first labs in order when fixed", () => {
    expect(drawTasks({ pool, draw: 2, order: "fixed" }, "whatever")).toEqual(["a", "b"]);
  });
});
