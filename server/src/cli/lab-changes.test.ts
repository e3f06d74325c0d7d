import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLab } from "../labs/lab-loader.ts";
import { sandboxPrint, stepsToKeep, staleParts } from "./lab-changes.ts";

const FIXTURE = resolve(import.meta.dirname, "../../../test/fixtures/labs/live-steps");

/** A copy of live-steps to edit, and its lab as loaded now. */
async function editable() {
  const dir = join(mkdtempSync(join(tmpdir(), "slipway-changes-")), "live-steps");
  cpSync(FIXTURE, dir, { recursive: true });
  const load = async () => {
    const { lab, issues } = await loadLab(dir);
    expect(issues).toEqual([]);
    return lab!;
  };
  const edit = (file: string, change: (s: string) => string) =>
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));
  return { dir, load, edit };
}

const both = new Set(["run-box", "write-note"]);

describe("lab dev: what an edit keeps", () => {
  it("keeps passed steps passed when only the text changed", async () => {
    const l = await editable();
    const before = await l.load();
    l.edit("steps/1-run-box.md", (s) => `${s}\nMore words.\n`);
    expect([...(await stepsToKeep(before, await l.load(), both))]).toEqual(["run-box", "write-note"]);
    expect([...(await stepsToKeep(before, await l.load(), new Set(["write-note"])))]).toEqual(["write-note"]);
  });

  it("judges again a step whose checks changed, or that is no longer sticky", async () => {
    const l = await editable();
    const before = await l.load();
    l.edit("lab.yaml", (s) => s.replace("contains: hello", "contains: goodbye"));
    expect([...(await stepsToKeep(before, await l.load(), both))]).toEqual(["run-box"]);
    l.edit("lab.yaml", (s) => s.replace("mode: guided", "mode: guided\nsticky: false"));
    expect([...(await stepsToKeep(before, await l.load(), both))]).toEqual([]);
  });

  it("names each part the running sandbox was built from that an edit changed", async () => {
    const l = await editable();
    const print = await sandboxPrint(await l.load());
    l.edit("steps/2-write-note.md", (s) => `${s}\nEdited.\n`);
    expect(staleParts(print, await sandboxPrint(await l.load()))).toEqual([]);
    mkdirSync(join(l.dir, "files"));
    writeFileSync(join(l.dir, "files/app.txt"), "v1\n");
    expect(staleParts(print, await sandboxPrint(await l.load()))).toEqual(["files/"]);
    const withFiles = await sandboxPrint(await l.load());
    writeFileSync(join(l.dir, "files/app.txt"), "v2\n");
    writeFileSync(join(l.dir, "setup.sh"), "docker pull busybox\n");
    l.edit("lab.yaml", (s) =>
      s.replace(
        "mode: guided",
        "mode: guided\nsetup: setup.sh\nsandbox:\n  images: [busybox]\n  limits: { pids: 512 }",
      ),
    );
    expect(staleParts(withFiles, await sandboxPrint(await l.load()))).toEqual([
      "sandbox.images",
      "sandbox.limits",
      "setup",
      "files/",
    ]);
  });
});
