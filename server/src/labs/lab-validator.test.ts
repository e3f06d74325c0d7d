// Every bad fixture is rejected with located errors, and every lab in labs/ validates.
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "./lab-issue.ts";
import { validateLabs } from "./lab-validator.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/labs");
const LABS = resolve(import.meta.dirname, "../../../labs");

async function issuesOf(path: string, root = FIXTURES): Promise<string[]> {
  const { issues } = await validateLabs([path]);
  return issues.map((i) => formatIssue({ ...i, file: relative(root, i.file) }));
}

describe("validateLabs rejects bad labs with file:line:col, what and how to fix", () => {
  it("reports YAML syntax errors", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "slipway-lab-"));
    cpSync(join(FIXTURES, "bad-yaml"), join(tmp, "bad-yaml"), { recursive: true });
    renameSync(join(tmp, "bad-yaml/lab.yaml.broken"), join(tmp, "bad-yaml/lab.yaml"));
    expect(await issuesOf(join(tmp, "bad-yaml"), tmp)).toEqual([
      "bad-yaml/lab.yaml:4:10: YAML syntax: Nested mappings are not allowed in compact mappings — fix the YAML syntax",
      "bad-yaml/lab.yaml:9:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] — fix the YAML syntax",
    ]);
  });

  it("says how to fix a bare placeholder inside a flow collection, where it is", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "slipway-lab-"));
    cpSync(join(FIXTURES, "variants"), join(tmp, "variants"), { recursive: true });
    const file = join(tmp, "variants/lab.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        /ports:\n\s+- container: "80"\n\s+host: \$\{\{ port \}\}/,
        'ports: [{ container: "80", host: ${{ port }} }]',
      ),
    );
    const issues = await issuesOf(join(tmp, "variants"), tmp);
    const lines = readFileSync(file, "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("ports: [{")) + 1;
    const col = (lines[line - 1] ?? "").indexOf("${{") + 1;
    expect(issues).toHaveLength(1 + 5); // the cascade after it is cut short
    expect(issues[0]).toBe(
      `variants/lab.yaml:${line}:${col}: a \${{ }} placeholder bare inside { } or [ ] is not YAML — quote it ("\${{ port }}": still a number once rendered) or write that collection in block style`,
    );
    // Quoted, it is a placeholder like any other, and the value keeps its type.
    writeFileSync(
      file,
      text.replace(
        /ports:\n\s+- container: "80"\n\s+host: \$\{\{ port \}\}/,
        'ports: [{ container: "80", host: "${{ port }}" }]',
      ),
    );
    expect(await issuesOf(join(tmp, "variants"), tmp)).toEqual([]);
  });

  it("reports every schema error at once", async () => {
    expect(await issuesOf(join(FIXTURES, "bad-schema"))).toEqual([
      "bad-schema/lab.yaml:1:1: missing required field summary — add `summary:`",
      "bad-schema/lab.yaml:1:16: schemaVersion: Invalid input: expected 1 — use one of 1",
      "bad-schema/lab.yaml:2:5: id: use lowercase letters, digits and dashes, e.g. first-container — see docs/authoring.md or schema/lab.schema.json",
      'bad-schema/lab.yaml:4:8: level: Invalid option: expected one of "beginner"|"intermediate"|"advanced" — use one of "beginner", "intermediate", "advanced"',
      "bad-schema/lab.yaml:5:11: duration: expected a duration such as 10m, 90s or 1h30m — see docs/authoring.md or schema/lab.schema.json",
      "bad-schema/lab.yaml:6:1: unknown field colour — remove it or fix its spelling",
      "bad-schema/lab.yaml:11:12: steps.0.hints: Invalid input: expected array, received string — see docs/authoring.md or schema/lab.schema.json",
    ]);
  });

  it("reports missing or escaping files and scripts", async () => {
    const dir = join(FIXTURES, "missing-files");
    expect(await issuesOf(dir)).toEqual([
      `missing-files/lab.yaml:7:8: setup script setup.sh does not exist — create ${join(dir, "setup.sh")} or fix the path`,
      `missing-files/lab.yaml:11:11: step body one.md does not exist — create ${join(dir, "one.md")} or fix the path`,
      `missing-files/lab.yaml:12:15: solution script solutions/one.sh does not exist — create ${join(dir, "solutions/one.sh")} or fix the path`,
      "missing-files/lab.yaml:14:9: wrong solution ../outside.sh is outside the lab folder — use a path inside the lab folder",
      "missing-files/lab.yaml:19:9: check file checks/gone.sh does not exist — create it or fix the path",
    ]);
  });

  it("reports unknown check types and bad check fields", async () => {
    expect(await issuesOf(join(FIXTURES, "unknown-check"))).toEqual([
      'unknown-check/lab.yaml:12:15: unknown check type "port-open" — use one of container, containers, network, reach, volume, storage, image, http, exec, file, history, script, layer, secret, dockerfile, mounts',
      'unknown-check/lab.yaml:16:16: container check: steps.0.checks.1.state: Invalid option: expected one of "created"|"running"|"paused"|"restarting"|"exited"|"dead" — see the container check in docs/authoring.md',
      'unknown-check/lab.yaml:17:9: container check: steps.0.checks.1.colour: unknown field "colour" — see the container check in docs/authoring.md',
    ]);
  });

  it("reports duplicate step ids and duplicate lab ids across labs", async () => {
    expect(await issuesOf(join(FIXTURES, "duplicate-ids"))).toEqual([
      'duplicate-ids/one/lab.yaml:11:9: duplicate step id "start" (also steps.0) — give every step its own id',
      `duplicate-ids/two/lab.yaml:2:5: duplicate lab id "twin" (also used by ${join(FIXTURES, "duplicate-ids/one/lab.yaml")}) — give every lab its own id`,
      'duplicate-ids/two/lab.yaml:11:9: duplicate step id "start" (also steps.0) — give every step its own id',
    ]);
  });

  it("reports images outside the catalog and unknown policy allowances", async () => {
    expect(await issuesOf(join(FIXTURES, "bad-image"))).toEqual([
      "bad-image/lab.yaml:10:7: sandbox.images.1: not in the image catalog (busybox, debian, hashicorp/http-echo, mysql, nginx, node, postgres, python, redis, registry), optionally with :tag — see docs/authoring.md or schema/lab.schema.json",
      'bad-image/lab.yaml:12:14: sandbox.policy.0.allow: Invalid option: expected one of "privileged"|"cap-add"|"devices"|"host-namespaces"|"bind-mount"|"security-opt"|"sysctls"|"runtime"|"cgroup-parent"|"plugins"|"swarm-join"|"buildkit-api" — use one of "privileged", "cap-add", "devices", "host-namespaces", "bind-mount", "security-opt", "sysctls", "runtime", "cgroup-parent", "plugins", "swarm-join", "buildkit-api"',
    ]);
  });

  it("reports wrong solutions that are malformed or name a check the step does not have", async () => {
    const dir = join(FIXTURES, "bad-wrong-solutions");
    expect(await issuesOf(dir)).toEqual([
      'bad-wrong-solutions/lab.yaml:22:21: steps.0.wrongSolutions.0.rejectedBy: step run-web has no check named "web runs" — use the name of one of its checks: "web is running", "container #2"',
      'bad-wrong-solutions/lab.yaml:24:54: steps.0.wrongSolutions.1.rejectedBy: step run-web has no check named "port check" — use the name of one of its checks: "web is running", "container #2"',
      "bad-wrong-solutions/lab.yaml:25:9: steps.0.wrongSolutions.2: expected a script path, or { script: path, rejectedBy: name of a check of this step } — see docs/authoring.md or schema/lab.schema.json",
      `bad-wrong-solutions/lab.yaml:26:17: wrong solution solutions/gone.sh does not exist — create ${join(dir, "solutions/gone.sh")} or fix the path`,
      "bad-wrong-solutions/lab.yaml:27:9: unknown field steps.0.wrongSolutions.3.rejectdBy — remove it or fix its spelling",
    ]);
  });

  it("reads both forms of a wrong solution", async () => {
    const { labs, issues } = await validateLabs([join(FIXTURES, "tester/rejected-by")]);
    expect(issues).toEqual([]);
    expect(
      labs[0]?.steps[0]?.wrongSolutions.map((w) => [relative(FIXTURES, w.script), w.rejectedBy]),
    ).toEqual([
      ["tester/rejected-by/solutions/wrong-no-port.sh", ["port 80 is published on 8080"]],
      ["tester/rejected-by/solutions/wrong-image.sh", ["port 80 is published on 8080"]],
      ["tester/rejected-by/solutions/wrong-image.sh", []],
    ]);
  });

  it("reports a folder without lab.yaml", async () => {
    expect(await issuesOf(join(FIXTURES, "nope"))).toEqual([
      "nope/lab.yaml:1:1: lab.yaml not found — create lab.yaml (see docs/authoring.md)",
    ]);
  });

  it("accepts a valid lab even when its solution is wrong (the tester catches that)", async () => {
    const { labs, issues } = await validateLabs([join(FIXTURES, "wrong-solution")]);
    expect(issues).toEqual([]);
    expect(labs[0]?.steps[0]?.checks[0]?.name).toBe("web runs with port 80 published");
  });
});

describe("contract: every lab in labs/ validates", () => {
  it("has no issues", async () => {
    const { labs, issues } = await validateLabs([LABS]);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(labs.map((l) => l.id)).toEqual(
      expect.arrayContaining(["first-container", "playground", "troubleshoot-exit-codes"]),
    );
  });
});

describe("tracks and prerequisites across a folder of labs", () => {
  const folder = () => {
    const tmp = mkdtempSync(join(tmpdir(), "slipway-tracks-"));
    cpSync(join(LABS, "first-container"), join(tmp, "first-container"), { recursive: true });
    return tmp;
  };

  it("takes the tracks in their order and reports unknown labs and prerequisites where written", async () => {
    const tmp = folder();
    writeFileSync(
      join(tmp, "tracks.yaml"),
      "tracks:\n  - id: basics\n    title: Basics\n    summary: Start here.\n    labs: [first-container, no-such-lab]\n",
    );
    const labYaml = join(tmp, "first-container/lab.yaml");
    writeFileSync(
      labYaml,
      readFileSync(labYaml, "utf8").replace("mode: guided", "prerequisites: [missing-lab]\nmode: guided"),
    );
    const report = await validateLabs([tmp]);
    expect(report.tracks).toEqual([
      { id: "basics", title: "Basics", summary: "Start here.", labs: ["first-container", "no-such-lab"] },
    ]);
    const line = readFileSync(labYaml, "utf8").split("\n").indexOf("prerequisites: [missing-lab]") + 1;
    expect(report.issues.map((i) => formatIssue({ ...i, file: relative(tmp, i.file) }))).toEqual([
      `first-container/lab.yaml:${line}:17: prerequisite "missing-lab" is no lab here — name another lab's id`,
      'tracks.yaml:5:29: track basics lists "no-such-lab", which is no lab here — fix the id or add the lab',
    ]);
  });

  it("validates the shipped tracks", async () => {
    const report = await validateLabs([LABS]);
    expect(report.issues).toEqual([]);
    expect(report.tracks.map((t) => t.id)).toEqual(expect.arrayContaining(["foundations"]));
  });
});
