import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fakeCheckContext, ok, type FakeState } from "./fake-check-context.ts";
import { createScriptCheck } from "./script-check.ts";
import { ScriptRunner } from "./script-runner/script-runner.ts";

const runner = new ScriptRunner();
afterAll(() => runner.close());
const scriptCheck = createScriptCheck(() => runner);
const labDir = resolve(import.meta.dirname, "../../../test/fixtures/labs/script-lab");
const run = (raw: object, exec: FakeState["exec"] = () => ok()) =>
  scriptCheck.run(scriptCheck.parse({ type: "script", ...raw }, "t"), fakeCheckContext({ exec }, labDir));

describe("script check", { timeout: 60_000 }, () => {
  it("runs a lab's TypeScript checker with its args", async () => {
    expect((await run({ script: "checks/always.ts", args: { pass: true } })).pass).toBe(true);
    expect((await run({ script: "checks/always.ts", args: { pass: false } })).errors).toEqual([
      "script checks/always.ts: args.pass expected true, got false",
    ]);
  });

  it("runs a shell script in the workstation with JSON on stdin; exit 0 passes", async () => {
    let seen: unknown;
    const exec = (_c: readonly string[], o?: { stdin?: string }) => {
      seen = o?.stdin;
      return { exitCode: 3, stdout: "", stderr: "not yet" };
    };
    const r = await run({ script: "checks/ok.sh", args: { word: "go" } }, exec);
    expect(seen).toBe('{"args":{"word":"go"}}');
    expect(r.errors).toEqual(["script checks/ok.sh: exit code expected 0, got 3: not yet"]);
  });

  it("uses shared checkers from checkers/", async () => {
    const fail = () => ({ exitCode: 1, stdout: "", stderr: "" });
    expect((await run({ checker: "port-reachable", args: { port: 8080 } })).pass).toBe(true);
    expect((await run({ checker: "port-reachable", args: { port: 8080 } }, fail)).errors).toEqual([
      "script port-reachable: localhost:8080 expected to accept TCP connections, but it did not",
    ]);
  });

  it("refuses paths outside the lab, lexically and through symlinks", async () => {
    expect(() => scriptCheck.parse({ type: "script", script: "../other/x.sh" }, "t")).toThrow(
      /inside the lab/,
    );
    const dir = mkdtempSync(join(tmpdir(), "slipway-script-"));
    symlinkSync("/etc/hostname", join(dir, "escape.sh"));
    const ctx = fakeCheckContext({ exec: () => ok() }, dir);
    const r = await scriptCheck.run(scriptCheck.parse({ type: "script", script: "escape.sh" }, "t"), ctx);
    expect(r.errors).toEqual([
      "script escape.sh: resolves outside its folder or does not exist; refusing to run it",
    ]);
  });

  it("picks up an edited checker on the next run (lab dev), also when it imports a helper", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slipway-edit-"));
    mkdirSync(join(dir, "checks"));
    const write = (word: string) => {
      writeFileSync(join(dir, "checks/word.ts"), `export const word = "${word}";\n`);
      writeFileSync(
        join(dir, "checks/edited.ts"),
        `import { word } from "./word.ts";\nexport const check = async () => ({ pass: false, errors: [word] });\n`,
      );
    };
    const edited = () =>
      scriptCheck.run(
        scriptCheck.parse({ type: "script", script: "checks/edited.ts" }, "t"),
        fakeCheckContext({}, dir),
      );
    write("first");
    expect((await edited()).errors).toEqual(["script checks/edited.ts: first"]);
    write("second");
    expect((await edited()).errors).toEqual(["script checks/edited.ts: second"]);
    writeFileSync(join(dir, "checks/word.ts"), `export const word = "third";\n`);
    expect((await edited()).errors).toEqual(["script checks/edited.ts: third"]);
  });
});
