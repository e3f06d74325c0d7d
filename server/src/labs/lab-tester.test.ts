import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeSessionRunner } from "./fake-docker.ts";
import { loadLab } from "./lab-loader.ts";
import { LabTester } from "./lab-tester.ts";
import { renderTestTable } from "./test-report.ts";

const root = resolve(import.meta.dirname, "../../..");
const load = async (dir: string) => {
  const { lab, issues } = await loadLab(resolve(root, dir));
  expect(issues).toEqual([]);
  return lab!;
};

describe("LabTester", () => {
  it("proves first-container: checks fail before, pass after, reject every wrong solution", async () => {
    const lab = await load("labs/first-container");
    const sessions = fakeSessionRunner();
    const rows = await new LabTester(sessions).test(lab);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    expect(rows.map((r) => `${r.step} ${r.phase} ${r.script ?? ""}`.trim())).toEqual([
      "run-detached precondition",
      "run-detached solution solutions/1-run-detached.sh",
      "list precondition",
      "list solution solutions/2-list.sh",
      "logs precondition",
      "logs solution solutions/3-logs.sh",
      "exec precondition",
      "exec solution solutions/4-exec.sh",
      "clean-up precondition",
      "clean-up solution solutions/5-clean-up.sh",
      "run-detached wrong-solution solutions/1-wrong-create-only.sh",
      "list wrong-solution solutions/2-wrong-images.sh",
      "logs wrong-solution solutions/3-wrong-inspect.sh",
      "exec wrong-solution solutions/4-wrong-other-file.sh",
      "clean-up wrong-solution solutions/5-wrong-stop-only.sh",
      "clean-up wrong-solution solutions/5-wrong-force-remove.sh",
    ]);
    expect(sessions.started).toBe(7); // the main path plus one fresh session per wrong solution
    expect(sessions.stopped).toBe(7);
  });

  it("fails a lab whose solution does not satisfy its checks, saying why", async () => {
    const lab = await load("test/fixtures/labs/wrong-solution");
    const rows = await new LabTester(fakeSessionRunner()).test(lab, { repeat: 2 });
    expect(rows.map((r) => [r.round, r.phase, r.ok])).toEqual([
      [1, "precondition", true],
      [1, "solution", false],
      [2, "precondition", true],
      [2, "solution", false],
    ]);
    expect(rows[1]?.detail).toEqual([
      "web runs with port 80 published: container web: port 80/tcp expected to be published, but it is not",
    ]);
    expect(renderTestTable(lab.id, rows.slice(0, 2))).toBe(
      [
        "lab wrong-solution",
        "ROUND  STEP     PHASE         SCRIPT       RESULT",
        "1      run-web  precondition  -            ok",
        "1      run-web  solution      solution.sh  FAIL",
        "    web runs with port 80 published: container web: port 80/tcp expected to be published, but it is not",
        "1 of 2 failed",
      ].join("\n"),
    );
  });
});
