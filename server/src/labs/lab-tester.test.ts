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
      "run-detached solution solutions/1-pinned-tag.sh",
      "run-detached solution solutions/1-container-run.sh",
      "run-detached solution solutions/1-fully-qualified.sh",
      "run-detached wrong-solution solutions/1-wrong-create-only.sh",
      "run-detached wrong-solution solutions/1-wrong-other-image.sh",
      "list wrong-solution solutions/2-wrong-images.sh",
      "logs wrong-solution solutions/3-wrong-inspect.sh",
      "exec wrong-solution solutions/4-wrong-other-file.sh",
      "clean-up wrong-solution solutions/5-wrong-stop-only.sh",
      "clean-up wrong-solution solutions/5-wrong-force-remove.sh",
    ]);
    // The main path, plus one fresh session per alternative and per wrong solution.
    expect(sessions.started).toBe(11);
    expect(sessions.stopped).toBe(11);
  });

  it("fails an alternative solution that the checks reject, and a wrong one they accept", async () => {
    const lab = await load("labs/first-container");
    const [step] = lab.steps;
    const swapped = {
      ...lab,
      steps: [
        { ...step!, alternativeSolutions: step!.wrongSolutions, wrongSolutions: step!.alternativeSolutions },
      ],
    };
    const rows = await new LabTester(fakeSessionRunner()).test(swapped);
    expect(rows.filter((r) => !r.ok).map((r) => `${r.phase} ${r.script}: ${r.detail.join("; ")}`)).toEqual([
      'solution solutions/1-wrong-create-only.sh: a container called hello is running nginx: container hello: State.Status expected "running", got "created"',
      'solution solutions/1-wrong-other-image.sh: a container called hello is running nginx: container hello: image expected nginx (any tag), got "redis"; it was created from the nginx image: history: expected at least 1 call(s) of POST /containers/create image nginx, got 0; closest: POST /containers/create 201 {"image":"redis","name":"hello","flags":["-d","--name"]}',
      "wrong-solution solutions/1-pinned-tag.sh: all checks pass after this wrong solution: they accept it",
      "wrong-solution solutions/1-container-run.sh: all checks pass after this wrong solution: they accept it",
      "wrong-solution solutions/1-fully-qualified.sh: all checks pass after this wrong solution: they accept it",
    ]);
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
