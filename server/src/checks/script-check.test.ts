import { symlinkSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeCheckContext, ok, type FakeState } from "./fake-check-context.ts";
import { scriptCheck } from "./script-check.ts";

const labDir = resolve(import.meta.dirname, "../../../test/fixtures/labs/script-lab");
const run = (raw: object, exec: FakeState["exec"] = () => ok()) =>
  scriptCheck.run(scriptCheck.parse({ type: "script", ...raw }, "t"), fakeCheckContext({ exec }, labDir));

describe("script check", () => {
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
    await expect(
      scriptCheck.run(scriptCheck.parse({ type: "script", script: "escape.sh" }, "t"), ctx),
    ).rejects.toThrow(/outside its folder/);
  });
});
