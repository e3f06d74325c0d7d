import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { limitConcurrency } from "../util/limit-concurrency.ts";
import { fakeSessionRunner } from "./fake-docker.ts";
import { loadLab } from "./lab-loader.ts";
import { LabTester, type TestProgress, type TestRow } from "./lab-tester.ts";
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
    // Every wrong-solution row names what rejected it.
    expect(rows.find((r) => r.script === "solutions/1-wrong-create-only.sh")?.rejectedBy).toEqual([
      expect.objectContaining({ check: "a container called hello is running nginx" }),
    ]);
  });

  it("fails an alternative solution that the checks reject, and a wrong one they accept", async () => {
    const lab = await load("labs/first-container");
    const [step] = lab.steps;
    const swapped = {
      ...lab,
      steps: [
        {
          ...step!,
          alternativeSolutions: step!.wrongSolutions.map((w) => w.script),
          wrongSolutions: step!.alternativeSolutions.map((script) => ({ script, rejectedBy: [] })),
        },
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

  it("proves a lab with variables on two rounds at least, every session with its own variant", async () => {
    const lab = await load("test/fixtures/labs/variants");
    const sessions = fakeSessionRunner();
    const rows = await new LabTester(sessions).test(lab, { repeat: 1 });
    expect([...new Set(rows.map((r) => r.round))]).toEqual([1, 2]);
    // The first round: the main path and its wrong solution; the variant's round: the main path.
    expect(sessions.started).toBe(3);
    expect(rows.filter((r) => r.phase === "wrong-solution").map((r) => r.round)).toEqual([1]);
    const again = fakeSessionRunner();
    await new LabTester(again).test(lab, { repeat: 2 }); // rounds asked for prove everything
    expect(again.started).toBe(4);
  });

  it("judges a wrong solution's rejectedBy by the names its own session's variant gives the checks", async () => {
    const lab = await load("test/fixtures/labs/variants");
    // As the server does: every session loads the lab with a seed of its own.
    const fake = fakeSessionRunner();
    let n = 0;
    const sessions = {
      start: async (l: typeof lab) => fake.start((await loadLab(l.dir, undefined, { seed: `s${++n}` })).lab!),
    };
    // Two rounds asked for, so the wrong solution runs in two sessions, each with its draw.
    const rows = await new LabTester(sessions).test(lab, { repeat: 2 });
    const wrong = rows.filter((r) => r.phase === "wrong-solution");
    expect(wrong.map((r) => [r.ok, r.detail])).toEqual([
      [true, []],
      [true, []],
    ]);
    // The two sessions drew different names, neither of them the one validation draws.
    const names = wrong.map((r) => r.rejectedBy?.[0]?.check);
    expect(new Set([...names, `${lab.variant?.values.app} is running`]).size).toBe(3);
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

  it("reports a broken solution once, at its step, and marks what depends on it skipped", async () => {
    const lab = await load("test/fixtures/labs/tester/broken-solution");
    const sessions = fakeSessionRunner();
    const rows = await new LabTester(sessions).test(lab);
    expect(rows.map(brief)).toEqual([
      "run-web precondition ok",
      "run-web solution FAIL",
      "list solution skipped",
      "remove solution skipped",
      "run-web wrong-solution ok",
      "list wrong-solution skipped",
      "remove wrong-solution skipped",
    ]);
    expect(rows[1]?.detail).toEqual([
      "web publishes port 80 on 8080: container web: port 80/tcp expected to be published, but it is not",
    ]);
    // Known broken before their turn came: no session for the later wrong solutions.
    expect(sessions.started).toBe(2);
    expect(renderTestTable(lab.id, rows).split("\n")).toEqual([
      "lab broken-solution",
      "ROUND  STEP     PHASE           SCRIPT                       RESULT",
      "1      run-web  precondition    -                            ok",
      "1      run-web  solution        solutions/1-run-web.sh       FAIL",
      "    web publishes port 80 on 8080: container web: port 80/tcp expected to be published, but it is not",
      "1      list     solution        solutions/2-list.sh          skipped",
      "1      remove   solution        solutions/3-remove.sh        skipped",
      "1      run-web  wrong-solution  solutions/1-wrong-create.sh  ok",
      expect.stringMatching(/^ {4}rejected by "web publishes port 80 on 8080": container web: .*running/),
      "1      list     wrong-solution  solutions/2-wrong-images.sh  skipped",
      "1      remove   wrong-solution  solutions/3-wrong-stop.sh    skipped",
      "1 of 7 failed, 4 skipped (the solution of step run-web failed)",
    ]);
  });

  it("gives the same rows when wrong solutions run alongside the main path", async () => {
    const lab = await load("test/fixtures/labs/tester/broken-solution");
    const sequential = await new LabTester(fakeSessionRunner()).test(lab);
    const sessions = slowSessions(fakeSessionRunner());
    const progress: TestProgress[] = [];
    const rows = await new LabTester(sessions).test(lab, {
      limit: limitConcurrency(3),
      onProgress: (p) => progress.push(p),
    });
    expect(rows).toEqual(sequential);
    expect(sessions.peak).toBe(3);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4 && p.lab === "broken-solution")).toBe(true);
    expect(progress.map((p) => p.unit).sort()).toEqual([
      "main path",
      "wrong solution solutions/1-wrong-create.sh",
      "wrong solution solutions/2-wrong-images.sh",
      "wrong solution solutions/3-wrong-stop.sh",
    ]);
  });

  it("fails a wrong solution rejected by another check than the one it names", async () => {
    const lab = await load("test/fixtures/labs/tester/rejected-by");
    const rows = await new LabTester(fakeSessionRunner()).test(lab);
    const wrong = rows.filter((r) => r.phase === "wrong-solution");
    expect(wrong.map((r) => [r.script, r.ok, r.rejectedBy?.map((x) => x.check)])).toEqual([
      ["solutions/wrong-no-port.sh", true, ["port 80 is published on 8080"]],
      ["solutions/wrong-image.sh", false, ["web runs nginx"]],
      ["solutions/wrong-image.sh", true, ["web runs nginx"]],
    ]);
    expect(wrong[1]?.detail).toEqual([
      '"port 80 is published on 8080" must reject it, but it passed (rejected by "web runs nginx" instead)',
    ]);
  });

  it("starts no session once interrupted", async () => {
    const lab = await load("test/fixtures/labs/tester/rejected-by");
    const sessions = fakeSessionRunner();
    const abort = new AbortController();
    abort.abort();
    expect(await new LabTester(sessions).test(lab, { signal: abort.signal })).toEqual([]);
    expect(sessions.started).toBe(0);
  });
});

const brief = (r: TestRow) => `${r.step} ${r.phase} ${r.skipped ? "skipped" : r.ok ? "ok" : "FAIL"}`;

/** Sessions that take a moment to start, counting how many are open at once. */
function slowSessions(inner: ReturnType<typeof fakeSessionRunner>) {
  let open = 0;
  const runner = {
    peak: 0,
    async start(lab: Parameters<typeof inner.start>[0]) {
      runner.peak = Math.max(runner.peak, ++open);
      await new Promise((r) => setTimeout(r, 20));
      const s = await inner.start(lab);
      return { ...s, stop: async () => (open--, await s.stop()) };
    },
  };
  return runner;
}
